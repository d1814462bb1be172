import type { HTMLInputTypeAttribute } from 'react';
import type { BillingInput } from '../../gql/graphql';
import type { CheckoutAccount } from './queries';

export type BillingKey = keyof Required<BillingInput>;
export type BillingValues = Record<BillingKey, string>;

export interface BillingFieldSpec {
  name: BillingKey;
  label: string;
  autoComplete: string;
  type?: HTMLInputTypeAttribute;
  hint?: string;
  optional?: boolean;
  maxLength?: number;
}

/** The billing form's fields, in the order an address is written. */
export const BILLING_FIELDS: readonly BillingFieldSpec[] = [
  { name: 'name', label: 'Company name', autoComplete: 'organization' },
  { name: 'contactName', label: 'Contact person', autoComplete: 'name', optional: true },
  {
    name: 'email',
    label: 'Billing email',
    autoComplete: 'email',
    type: 'email',
    hint: 'The invoice is sent here.',
  },
  { name: 'addressLine1', label: 'Address line 1', autoComplete: 'address-line1' },
  { name: 'addressLine2', label: 'Address line 2', autoComplete: 'address-line2', optional: true },
  { name: 'city', label: 'City', autoComplete: 'address-level2' },
  { name: 'postalCode', label: 'Postal code', autoComplete: 'postal-code', optional: true },
  { name: 'region', label: 'State, province or region', autoComplete: 'address-level1', optional: true },
  {
    name: 'country',
    label: 'Country',
    autoComplete: 'country',
    hint: 'Two-letter code, such as US, GB or DE.',
    maxLength: 2,
  },
];

/** The names the API's user errors give the billing fields: `billing.city` for ['input', 'billing', 'city']. */
export const BILLING_ERROR_FIELDS = BILLING_FIELDS.map((field) => `billing.${field.name}`);

/** The billing form's starting values: the account's contact information. */
export function billingValuesOf(account: CheckoutAccount): BillingValues {
  return {
    name: account.name,
    contactName: account.contactName,
    email: account.billingEmail,
    addressLine1: account.addressLine1,
    addressLine2: account.addressLine2,
    city: account.city,
    postalCode: account.postalCode,
    region: account.region,
    country: account.country,
  };
}

/** The billing details to send: every field, trimmed, the country in capitals. */
export function billingInput(values: BillingValues): BillingInput {
  const trimmed = Object.fromEntries(
    Object.entries(values).map(([name, value]) => [name, value.trim()]),
  ) as BillingValues;
  return { ...trimmed, country: trimmed.country.toUpperCase() };
}
