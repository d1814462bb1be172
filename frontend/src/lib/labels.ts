import type {
  EmailStatus,
  InvoiceStatus,
  LineKind,
  LoginStatus,
  PaymentMethod,
  ResellerStatus,
  Role,
} from '../gql/graphql';

export const ROLE_LABELS: Record<Role, string> = {
  VENDOR_ADMIN: 'Vendor administrator',
  RESELLER_OWNER: 'Owner',
  RESELLER_PURCHASER: 'Purchaser',
  RESELLER_BILLING: 'Billing',
  RESELLER_VIEWER: 'Viewer',
  CUSTOMER: 'Customer',
};

/** What each reseller role may do, in one line, for pickers. */
export const RESELLER_ROLE_SUMMARIES = {
  RESELLER_OWNER: 'Owner: everything, including people, API keys and the audit log',
  RESELLER_PURCHASER: 'Purchaser: shop, check out, assign and modify licenses',
  RESELLER_BILLING: 'Billing: invoices and payments, read licenses',
  RESELLER_VIEWER: 'Viewer: read everything, change nothing',
} as const satisfies Partial<Record<Role, string>>;

export type ResellerRole = keyof typeof RESELLER_ROLE_SUMMARIES;

export const RESELLER_ROLES = Object.keys(RESELLER_ROLE_SUMMARIES) as ResellerRole[];

export const LOGIN_STATUS_LABELS: Record<LoginStatus, string> = {
  NONE: 'No login',
  INVITED: 'Invited',
  ACTIVE: 'Active',
};

export const RESELLER_STATUS_LABELS: Record<ResellerStatus, string> = {
  ACTIVE: 'Active',
  SUSPENDED: 'Suspended',
};

export const EMAIL_STATUS_LABELS: Record<EmailStatus, string> = {
  PENDING: 'Pending',
  SENT: 'Sent',
  FAILED: 'Failed',
};

export const INVOICE_STATUS_LABELS: Record<InvoiceStatus, string> = {
  OPEN: 'Open',
  PENDING_SUMMARY: 'Pending summary',
  PAID: 'Paid',
  VOID: 'Void',
};

/** How an order is paid, in the words of the checkout's choices ("Pay now by card", "Add to monthly invoice"). */
export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = {
  PAY_ON_ORDER: 'Paid by card',
  INVOICE: 'Monthly invoice',
};

/** What a cart, order or invoice line buys. */
export const LINE_KIND_LABELS: Record<LineKind, string> = {
  NEW_LICENSE: 'New license',
  UPGRADE: 'Upgrade',
  MAINTENANCE_RENEWAL: 'M&S renewal',
  MAINTENANCE_REINSTATEMENT: 'M&S reinstatement',
};

/** A number of years: "1 year", "3 years". */
export function formatYears(years: number): string {
  return years === 1 ? '1 year' : `${years} years`;
}
