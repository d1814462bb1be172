import type { CartFieldsFragment } from '../../gql/graphql';
import { usd } from '../../test/money';

/** Cart fixtures for the tests of the cart and the checkout. */

type Line = CartFieldsFragment['lines'][number];

/** What the SmarterMail line buys, as a cart line, an order line and a license name it. */
export const MAIL_ITEM = {
  product: { code: 'smartermail', name: 'SmarterMail' },
  edition: { code: 'enterprise', name: 'Enterprise' },
  tier: { code: '250', name: '250 mailboxes' },
  addons: [{ code: 'activesync', name: 'Exchange ActiveSync' }],
};

/** What a line of new licenses has none of: it changes no license. */
export const NEW_LICENSES = { kind: 'NEW_LICENSE', years: null, problem: null, license: null } as const;

export const MAIL_LINE: Line = {
  id: 'line-1',
  ...NEW_LICENSES,
  description: 'SmarterMail Enterprise, 250 mailboxes + Exchange ActiveSync',
  quantity: 2,
  assignToEmail: 'alice@customer.example',
  personal: false,
  ...MAIL_ITEM,
  unitPrice: usd('999.00'),
  subtotal: usd('1998.00'),
  total: usd('1598.40'),
};

export const TRACK_LINE: Line = {
  id: 'line-2',
  ...NEW_LICENSES,
  description: 'SmarterTrack Professional, 5 agents',
  quantity: 1,
  assignToEmail: null,
  personal: true,
  product: { code: 'smartertrack', name: 'SmarterTrack' },
  edition: { code: 'professional', name: 'Professional' },
  tier: { code: '5', name: '5 agents' },
  addons: [],
  unitPrice: usd('449.00'),
  subtotal: usd('449.00'),
  total: usd('359.20'),
};

/** The license the upgrade and M&S lines change. */
export const MODIFIED_KEY = '7KQ2MX-R9TP4H-2345AB-CDEFGH-JKMNPQ-RSTWXY';

/** An upgrade of a license the license has since outgrown: it can no longer be bought. */
export const UPGRADE_LINE: Line = {
  ...TRACK_LINE,
  id: 'line-3',
  kind: 'UPGRADE',
  description: `SmarterMail Professional, 1000 mailboxes → Enterprise, 1000 mailboxes; key ${MODIFIED_KEY}`,
  license: { id: 'TGljZW5zZTox', key: MODIFIED_KEY },
  problem: 'The license is Enterprise now.',
  personal: false,
};

/** Three years of M&S for the same license. */
export const RENEWAL_LINE: Line = {
  ...TRACK_LINE,
  id: 'line-4',
  kind: 'MAINTENANCE_RENEWAL',
  description: `SmarterMail Professional, 1000 mailboxes: M&S renewal, 3 years, until 2030-11-27; key ${MODIFIED_KEY}`,
  license: { id: 'TGljZW5zZTox', key: MODIFIED_KEY },
  years: 3,
  personal: false,
};

export function cartOf(lines: Line[], totals: { subtotal: string; discount: string; total: string }): CartFieldsFragment {
  return {
    lines,
    licenseCount: lines.reduce((count, line) => count + line.quantity, 0),
    discountPercent: '20.00',
    subtotal: usd(totals.subtotal),
    discount: usd(totals.discount),
    total: usd(totals.total),
  };
}

export const CART = cartOf([MAIL_LINE, TRACK_LINE], { subtotal: '2447.00', discount: '489.40', total: '1957.60' });
export const EMPTY_CART = cartOf([], { subtotal: '0.00', discount: '0.00', total: '0.00' });
