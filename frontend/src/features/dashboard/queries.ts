import { graphql } from '../../gql';
import type { DashboardQuery } from '../../gql/graphql';

/** How many licenses whose M&S ends soon the home page lists, each with its Renew button. */
export const MAINTENANCE_ENDING_SHOWN = 5;

/** How many of the latest audit events the home page shows. */
export const RECENT_ACTIVITY_SHOWN = 8;

/**
 * Everything the home page shows, in one request whose SQL cost is fixed: the figures of the
 * cards, the licenses whose M&S ends soon, the last 12 months of purchases and the latest
 * activity. A figure the viewer may not see is null, and its card is left out.
 */
export const dashboardQuery = graphql(`
  query Dashboard($maintenanceEndingFirst: Int!, $activityFirst: Int!) {
    dashboard {
      unassignedLicenses
      amountDue {
        ...MoneyFields
      }
      nextDueAt
      overdueAmount {
        ...MoneyFields
      }
      maintenanceEndingCount
      maintenanceEnding(first: $maintenanceEndingFirst) {
        id
        key
        personal
        maintenanceExpiresAt
        maintenanceStatus
        ...LicenseChoiceFields
        customer {
          id
          email
          name
        }
      }
      purchasesThisMonth {
        ...MoneyFields
      }
      ordersThisMonth
      monthlyPurchases {
        month
        total {
          ...MoneyFields
        }
        byProduct {
          product {
            id
            code
            name
          }
          total {
            ...MoneyFields
          }
        }
      }
      recentActivity(first: $activityFirst) {
        id
        occurredAt
        action
        actor
        targetType
        targetLabel
      }
    }
  }
`);

export type Dashboard = DashboardQuery['dashboard'];
export type MaintenanceEndingLicense = NonNullable<Dashboard['maintenanceEnding']>[number];
export type MonthlyPurchases = NonNullable<Dashboard['monthlyPurchases']>[number];
export type ActivityEvent = NonNullable<Dashboard['recentActivity']>[number];
