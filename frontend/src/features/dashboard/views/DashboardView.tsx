import { useMemo } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Page } from '../../../components/Page';
import { describeError } from '../../../lib/errors';
import { useRetryableQuery } from '../../../lib/useRetryableQuery';
import { canUse } from '../../../session/access';
import { useViewer } from '../../../session/ViewerContext';
import { buildChart } from '../chart';
import { DashboardSkeleton } from '../components/DashboardSkeleton';
import { FigureCards } from '../components/FigureCards';
import { MaintenanceEnding } from '../components/MaintenanceEnding';
import { PurchasesPanel } from '../components/PurchasesPanel';
import { RecentActivity } from '../components/RecentActivity';
import { dashboardQuery, MAINTENANCE_ENDING_SHOWN, RECENT_ACTIVITY_SHOWN, type Dashboard } from '../queries';
import '../dashboard.css';
import { useRenewals } from './useRenewals';

const VARIABLES = { maintenanceEndingFirst: MAINTENANCE_ENDING_SHOWN, activityFirst: RECENT_ACTIVITY_SHOWN };

/** The home page of partners and the vendor: the figures that need attention, in one request. */
export default function DashboardView() {
  const viewer = useViewer();
  // each visit asks again: a checkout or a payment elsewhere changes the figures
  const query = useRetryableQuery({ query: dashboardQuery, variables: VARIABLES, requestPolicy: 'cache-and-network' });
  const company = viewer.reseller?.name;
  return (
    <Page title="Dashboard">
      <p className="lead">{company ? `${company} at a glance.` : 'Every partner account at a glance.'}</p>
      {query.data ? (
        <DashboardContent dashboard={query.data.dashboard} />
      ) : query.error ? (
        <ErrorAlert
          message={`Your dashboard could not be loaded. ${describeError(query.error)}`}
          retrying={query.fetching}
          onRetry={query.retry}
        />
      ) : (
        <DashboardSkeleton />
      )}
    </Page>
  );
}

function DashboardContent({ dashboard }: { dashboard: Dashboard }) {
  const viewer = useViewer();
  const canShop = canUse(viewer, 'shop');
  const canRenew = canUse(viewer, 'cart');
  const auditLogPath = canUse(viewer, 'accountAuditLog') ? '/account/audit-log' : '/audit-log';
  const { renewals, lastAdded, renew } = useRenewals();
  const chart = useMemo(
    () => (dashboard.monthlyPurchases ? buildChart(dashboard.monthlyPurchases) : null),
    [dashboard.monthlyPurchases],
  );
  return (
    <>
      <FigureCards dashboard={dashboard} canShop={canShop} />
      {dashboard.maintenanceEnding && (
        <MaintenanceEnding
          licenses={dashboard.maintenanceEnding}
          count={dashboard.maintenanceEndingCount ?? dashboard.maintenanceEnding.length}
          renewals={renewals}
          lastAdded={lastAdded}
          onRenew={
            canRenew
              ? (key) => {
                  void renew(key);
                }
              : null
          }
        />
      )}
      <div className="dashboard-columns">
        {chart && <PurchasesPanel chart={chart} canShop={canShop} />}
        {dashboard.recentActivity && (
          <RecentActivity events={dashboard.recentActivity} auditLogPath={auditLogPath} />
        )}
      </div>
    </>
  );
}
