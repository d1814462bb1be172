import { DateTime } from '../../../components/DateTime';
import { formatMoney } from '../../../lib/money';
import { isZero } from '../chart';
import type { Dashboard } from '../queries';
import { FigureCard } from './FigureCard';

interface FigureCardsProps {
  dashboard: Dashboard;
  /** Whether the viewer may shop: the empty cards then point to the Shop. */
  canShop: boolean;
}

/** The home page's cards, each left out when its figure is null (the viewer may not see it). */
export function FigureCards({ dashboard, canShop }: FigureCardsProps) {
  const {
    unassignedLicenses,
    amountDue,
    nextDueAt,
    overdueAmount,
    maintenanceEndingCount,
    purchasesThisMonth,
    ordersThisMonth,
  } = dashboard;
  const overdue = overdueAmount && !isZero(overdueAmount) ? overdueAmount : null;
  return (
    <div className="figure-cards">
      {unassignedLicenses != null && (
        <FigureCard
          title="Unassigned licenses"
          figure={String(unassignedLicenses)}
          link={
            unassignedLicenses > 0
              ? { to: '/licenses?status=UNASSIGNED', label: 'Assign them' }
              : canShop
                ? { to: '/shop', label: 'Visit the Shop' }
                : undefined
          }
        >
          <p className="figure-card-note">
            {unassignedLicenses > 0
              ? 'Bought for resale and waiting for a customer’s email.'
              : 'None waiting: every license bought for resale is assigned.'}
          </p>
        </FigureCard>
      )}
      {amountDue && (
        <FigureCard
          title="Amount due"
          figure={formatMoney(amountDue)}
          warning={overdue !== null}
          link={{ to: '/invoices', label: 'See invoices' }}
        >
          {overdue && <p className="figure-card-alert">{formatMoney(overdue)} overdue</p>}
          <p className="figure-card-note">
            {nextDueAt ? (
              <>
                Next due <DateTime value={nextDueAt} dateOnly />
              </>
            ) : isZero(amountDue) ? (
              'Nothing to pay.'
            ) : (
              'No due date yet.'
            )}
          </p>
        </FigureCard>
      )}
      {maintenanceEndingCount != null && (
        <FigureCard title="M&S ending in 60 days" figure={String(maintenanceEndingCount)}>
          <p className="figure-card-note">
            {maintenanceEndingCount > 0
              ? maintenanceEndingCount === 1
                ? 'License whose updates and support end soon: renew it below.'
                : 'Licenses whose updates and support end soon: renew them below.'
              : 'No license’s M&S ends in the next 60 days.'}
          </p>
        </FigureCard>
      )}
      {purchasesThisMonth && (
        <FigureCard
          title="Purchases this month"
          figure={formatMoney(purchasesThisMonth)}
          link={
            ordersThisMonth
              ? { to: '/orders', label: 'See orders' }
              : canShop
                ? { to: '/shop', label: 'Visit the Shop' }
                : undefined
          }
        >
          <p className="figure-card-note">
            {ordersThisMonth === 1
              ? '1 order, after discount.'
              : ordersThisMonth
                ? `${ordersThisMonth} orders, after discount.`
                : 'No orders yet this month.'}
          </p>
        </FigureCard>
      )}
    </div>
  );
}
