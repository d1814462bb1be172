import type { DashboardQuery } from '../../gql/graphql';
import { usd } from '../../test/money';
import type { MonthlyPurchases } from './queries';

export const ENDING_KEY = '7KQ2MX-R9TP4H-2345AB-CDEFGH-JKMNPQ-RSTWXY';

const MAIL = { id: 'UHJvZHVjdDox', code: 'smartermail', name: 'SmarterMail' };
const TRACK = { id: 'UHJvZHVjdDoy', code: 'smartertrack', name: 'SmarterTrack' };

/** Twelve months, April 2025 to March 2026: purchases in January and March only. */
export const MONTHS: MonthlyPurchases[] = [
  ...['2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12'].map(
    (month) => ({ month, total: usd('0.00'), byProduct: [] }),
  ),
  {
    month: '2026-01',
    total: usd('1500.50'),
    byProduct: [
      { product: TRACK, total: usd('1000.25') },
      { product: MAIL, total: usd('500.25') },
    ],
  },
  { month: '2026-02', total: usd('0.00'), byProduct: [] },
  { month: '2026-03', total: usd('799.20'), byProduct: [{ product: MAIL, total: usd('799.20') }] },
];

/** A partner owner's home page with every figure. */
export const DASHBOARD: { data: DashboardQuery } = {
  data: {
    dashboard: {
      unassignedLicenses: 4,
      amountDue: usd('2299.70'),
      nextDueAt: '2026-04-30T00:00:00+00:00',
      overdueAmount: usd('100.00'),
      maintenanceEndingCount: 7,
      maintenanceEnding: [
        {
          id: 'TGljZW5zZTox',
          key: ENDING_KEY,
          personal: false,
          maintenanceExpiresAt: '2026-04-20T12:00:00+00:00',
          maintenanceStatus: 'ACTIVE',
          product: { code: 'smartermail', name: 'SmarterMail' },
          edition: { code: 'professional', name: 'Professional' },
          tier: { code: '250', name: '250 mailboxes' },
          addons: [],
          customer: { id: 'Q3VzdG9tZXI6MQ==', email: 'ana@customer.example', name: 'Ana' },
        },
      ],
      purchasesThisMonth: usd('799.20'),
      ordersThisMonth: 2,
      monthlyPurchases: MONTHS,
      recentActivity: [
        {
          id: 'QXVkaXRFdmVudDox',
          occurredAt: '2026-03-27T01:44:48+00:00',
          action: 'order.placed',
          actor: 'owner@reseller.example',
          targetType: 'Order',
          targetLabel: 'ORD-2026-000012',
        },
      ],
    },
  },
};

/** What a billing clerk sees: no license figures, no audit log. */
export const BILLING_DASHBOARD: { data: DashboardQuery } = {
  data: {
    dashboard: {
      ...DASHBOARD.data.dashboard,
      unassignedLicenses: null,
      maintenanceEndingCount: null,
      maintenanceEnding: null,
      recentActivity: null,
    },
  },
};
