import type { Installation, MaintenanceOffer, ModifiableLicense, ModificationProduct } from './modificationQueries';
import { usd } from '../../test/money';

/** Fixtures for the tests of a license's changes and installations. */

export const KEY = '7KQ2MX-R9TP4H-2345AB-CDEFGH-JKMNPQ-RSTWXY';

const FREE = { id: 'RWRpdGlvbjox', code: 'free', name: 'Free' };
const PROFESSIONAL = { id: 'RWRpdGlvbjoy', code: 'professional', name: 'Professional' };
const ENTERPRISE = { id: 'RWRpdGlvbjoz', code: 'enterprise', name: 'Enterprise' };
const T250 = { id: 'VGllcjox', code: '250', name: '250 mailboxes' };
const T1000 = { id: 'VGllcjoy', code: '1000', name: '1000 mailboxes' };
const UNLIMITED = { id: 'VGllcjoz', code: 'unlimited', name: 'Unlimited' };

function price(edition: { code: string }, tier: { code: string }, amount: string) {
  return { edition: { code: edition.code }, tier: { code: tier.code }, price: usd(amount) };
}

function yearly(tier: { code: string }, amount: string) {
  return { tier: { code: tier.code }, yearlyPrice: usd(amount) };
}

/** SmarterMail: Free is not sold at these tiers; ActiveSync is Enterprise only; Message Sniffer not at Unlimited. */
export const PRODUCT: ModificationProduct = {
  id: 'UHJvZHVjdDox',
  code: 'smartermail',
  name: 'SmarterMail',
  unit: 'mailboxes',
  editions: [FREE, PROFESSIONAL, ENTERPRISE],
  tiers: [T250, T1000, UNLIMITED],
  prices: [
    price(PROFESSIONAL, T250, '449.00'),
    price(PROFESSIONAL, T1000, '899.00'),
    price(PROFESSIONAL, UNLIMITED, '1799.00'),
    price(ENTERPRISE, T250, '749.00'),
    price(ENTERPRISE, T1000, '1249.00'),
    price(ENTERPRISE, UNLIMITED, '2499.00'),
  ],
  addons: [
    {
      id: 'QWRkb246MQ==',
      code: 'activesync',
      name: 'Exchange ActiveSync',
      allowedEditions: [{ code: 'enterprise', name: 'Enterprise' }],
      prices: [yearly(T250, '250.00'), yearly(T1000, '500.00'), yearly(UNLIMITED, '900.00')],
    },
    {
      id: 'QWRkb246Mw==',
      code: 'cyren-antispam',
      name: 'Cyren Antispam',
      allowedEditions: [
        { code: 'professional', name: 'Professional' },
        { code: 'enterprise', name: 'Enterprise' },
      ],
      prices: [yearly(T250, '100.00'), yearly(T1000, '200.00'), yearly(UNLIMITED, '400.00')],
    },
    {
      id: 'QWRkb246NQ==',
      code: 'message-sniffer',
      name: 'Message Sniffer',
      allowedEditions: [
        { code: 'professional', name: 'Professional' },
        { code: 'enterprise', name: 'Enterprise' },
      ],
      prices: [yearly(T250, '120.00'), yearly(T1000, '240.00')],
    },
  ],
};

export const RENEWAL: MaintenanceOffer = {
  kind: 'MAINTENANCE_RENEWAL',
  years: 1,
  price: usd('449.50'),
  yearlyPrice: usd('449.50'),
  reinstatementFee: usd('0.00'),
  monthsLapsed: 0,
  newExpiresAt: '2028-11-27T12:00:00+00:00',
};

export const REINSTATEMENT: MaintenanceOffer = {
  kind: 'MAINTENANCE_REINSTATEMENT',
  years: 1,
  price: usd('719.20'),
  yearlyPrice: usd('449.50'),
  reinstatementFee: usd('89.90'),
  monthsLapsed: 4,
  newExpiresAt: '2027-11-27T12:00:00+00:00',
};

/** A SmarterMail Professional, 1000 mailboxes license with Cyren Antispam and active M&S. */
export const LICENSE: ModifiableLicense = {
  id: 'TGljZW5zZTox',
  key: KEY,
  personal: false,
  revision: 1,
  maintenanceStatus: 'ACTIVE',
  maintenanceExpiresAt: '2027-11-27T12:00:00+00:00',
  product: { code: 'smartermail', name: 'SmarterMail' },
  edition: { code: 'professional', name: 'Professional' },
  tier: { code: '1000', name: '1000 mailboxes' },
  addons: [{ code: 'cyren-antispam', name: 'Cyren Antispam' }],
  maintenanceOffer: RENEWAL,
};

export const ACTIVE_INSTALLATION: Installation = {
  id: 'SW5zdGFsbGF0aW9uOjI=',
  hostname: 'mail.customer.example',
  fingerprint: 'fp-2222-2222',
  activatedAt: '2027-01-10T09:00:00+00:00',
  deactivatedAt: null,
  revision: 1,
  active: true,
  reactivationRequired: true,
};

export const OLD_INSTALLATION: Installation = {
  id: 'SW5zdGFsbGF0aW9uOjE=',
  hostname: 'old-mail.customer.example',
  fingerprint: 'fp-1111-1111',
  activatedAt: '2026-12-01T09:00:00+00:00',
  deactivatedAt: '2027-01-10T08:00:00+00:00',
  revision: 1,
  active: false,
  reactivationRequired: false,
};
