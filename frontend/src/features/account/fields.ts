import type { HTMLInputTypeAttribute } from 'react';
import type { CompanyAccount } from './queries';

type TextKey =
  | 'name'
  | 'contactName'
  | 'addressLine1'
  | 'addressLine2'
  | 'city'
  | 'postalCode'
  | 'region'
  | 'country'
  | 'phone'
  | 'billingEmail';

type NotificationKey = 'notifyInvoiceCreated' | 'notifySummaryInvoiceCreated' | 'notifyLicenseAssigned';

export interface TextFieldSpec {
  name: TextKey;
  label: string;
  autoComplete: string;
  type?: HTMLInputTypeAttribute;
  hint?: string;
  optional?: boolean;
  maxLength?: number;
}

/** The account's contact information, in groups as the form and the summary show them. */
export const CONTACT_GROUPS: readonly { legend: string; fields: readonly TextFieldSpec[] }[] = [
  {
    legend: 'Company',
    fields: [
      { name: 'name', label: 'Company name', autoComplete: 'organization' },
      { name: 'contactName', label: 'Contact person', autoComplete: 'name' },
      { name: 'phone', label: 'Phone', autoComplete: 'tel', type: 'tel' },
      {
        name: 'billingEmail',
        label: 'Billing email',
        autoComplete: 'email',
        type: 'email',
        hint: 'Invoices and billing notifications are sent here.',
      },
    ],
  },
  {
    legend: 'Address',
    fields: [
      { name: 'addressLine1', label: 'Address line 1', autoComplete: 'address-line1' },
      { name: 'addressLine2', label: 'Address line 2', autoComplete: 'address-line2', optional: true },
      { name: 'city', label: 'City', autoComplete: 'address-level2' },
      { name: 'postalCode', label: 'Postal code', autoComplete: 'postal-code' },
      { name: 'region', label: 'State, province or region', autoComplete: 'address-level1', optional: true },
      {
        name: 'country',
        label: 'Country',
        autoComplete: 'country',
        hint: 'Two-letter code, such as US, GB or DE.',
        maxLength: 2,
      },
    ],
  },
];

/** The notification choices: each emails the billing address when something happens. */
export const NOTIFICATIONS: readonly { name: NotificationKey; label: string }[] = [
  { name: 'notifyInvoiceCreated', label: 'An invoice is created' },
  { name: 'notifySummaryInvoiceCreated', label: 'A monthly summary invoice is created' },
  { name: 'notifyLicenseAssigned', label: 'A license is assigned to a customer' },
];

export type CompanyDetailsValues = Pick<CompanyAccount, TextKey | NotificationKey>;

export const SHOWN_FIELDS: readonly string[] = [
  ...CONTACT_GROUPS.flatMap((group) => group.fields.map((field) => field.name)),
  ...NOTIFICATIONS.map((notification) => notification.name),
];

/** The values the form starts from. */
export function valuesOf(account: CompanyAccount): CompanyDetailsValues {
  const values: Partial<CompanyDetailsValues> = {};
  for (const group of CONTACT_GROUPS) {
    for (const { name } of group.fields) values[name] = account[name];
  }
  for (const { name } of NOTIFICATIONS) values[name] = account[name];
  return values as CompanyDetailsValues;
}
