import type { DocumentBilling } from '../lib/documentFragments';

/** The reseller's postal address in the tests of the checkout, orders and invoices. */
export const RESELLER_ADDRESS = {
  addressLine1: '1 Main Street',
  addressLine2: '',
  city: 'Springfield',
  postalCode: '12345',
  region: 'IL',
  country: 'US',
};

/** Whom an order or invoice is billed to: the reseller's company, contact, address and invoice email. */
export const BILLING: DocumentBilling = {
  name: 'Reseller Example Inc.',
  contactName: 'Olivia Owner',
  ...RESELLER_ADDRESS,
  email: 'billing@reseller.example',
};
