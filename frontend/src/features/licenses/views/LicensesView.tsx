import { Link, useSearchParams } from 'react-router';
import { ConnectionContent } from '../../../components/ConnectionContent';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Page } from '../../../components/Page';
import { describeError } from '../../../lib/errors';
import { useConnection } from '../../../lib/useConnection';
import { useRetryableQuery } from '../../../lib/useRetryableQuery';
import { canUse, hasPermission } from '../../../session/access';
import { useViewer } from '../../../session/ViewerContext';
import { LicenseFilters } from '../components/LicenseFilters';
import { LicensesTable } from '../components/LicensesTable';
import { apiFilterOf, filtersFromParams, isFiltered, paramsFromFilters } from '../filters';
import { licenseProductsQuery, licensesQuery } from '../queries';

/** The account's licenses, filtered by status, product and key or customer; the filters live in the address. */
export default function LicensesView() {
  const viewer = useViewer();
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const products = useRetryableQuery({ query: licenseProductsQuery });
  const licenses = useConnection(licensesQuery, { filter: apiFilterOf(filters) }, (data) => data.licenses);
  const mayShop = hasPermission(viewer, 'SHOP');
  const isVendor = viewer.reseller === null;

  return (
    <Page title="Licenses">
      <p className="lead">
        {isVendor ? 'The licenses of every reseller account' : 'Every license your account has bought'}, newest
        first: open one for its details.
      </p>
      {canUse(viewer, 'modifyLicense') && (
        <p>
          <Link to="/licenses/modify" className="button-link">
            Modify existing license
          </Link>
        </p>
      )}
      {filters.customerId && (
        <p>
          Only the licenses assigned to one customer (from the Reselling page).{' '}
          <Link to="/licenses">Show all licenses</Link>
        </p>
      )}
      <LicenseFilters
        filters={filters}
        products={products.data?.products ?? []}
        onChange={(next) => {
          setParams(paramsFromFilters(next));
        }}
      />
      {products.error && (
        <ErrorAlert
          message={`The products to filter by could not be loaded. ${describeError(products.error)}`}
          retrying={products.fetching}
          onRetry={products.retry}
        />
      )}
      <ConnectionContent
        connection={licenses}
        what="licenses"
        empty={
          isFiltered(filters) ? (
            <p>
              No license matches these filters. <Link to="/licenses">Show all licenses</Link>
            </p>
          ) : mayShop ? (
            <p>
              No licenses yet — buy some in the <Link to="/shop">Shop</Link>.
            </p>
          ) : isVendor ? (
            <p>No licenses yet. They appear here once a reseller buys some.</p>
          ) : (
            <p>No licenses yet. They appear here once someone in your account buys them in the Shop.</p>
          )
        }
      >
        {(nodes) => (
          <LicensesTable
            licenses={nodes}
            linkOrders={hasPermission(viewer, 'ORDERS_READ')}
            showResellers={hasPermission(viewer, 'RESELLERS_MANAGE')}
          />
        )}
      </ConnectionContent>
    </Page>
  );
}
