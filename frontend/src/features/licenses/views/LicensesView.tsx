import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Page } from '../../../components/Page';
import { PagedContent } from '../../../components/PagedContent';
import { describeError } from '../../../lib/errors';
import { sortedCaption } from '../../../lib/listParams';
import { usePagedList } from '../../../lib/usePagedList';
import { useRetryableQuery } from '../../../lib/useRetryableQuery';
import { canUse, hasPermission } from '../../../session/access';
import { useViewer } from '../../../session/ViewerContext';
import { LicenseFilters } from '../components/LicenseFilters';
import { licenseColumns, LicensesTable } from '../components/LicensesTable';
import { apiFilterOf, isFiltered, LICENSE_LIST, LICENSE_SORT_CAPTIONS, type LicenseListFilters } from '../filters';
import { licenseProductsQuery, licensesQuery } from '../queries';

const variablesOf = (filters: LicenseListFilters) => ({ filter: apiFilterOf(filters) });

/**
 * The account's licenses, filtered by status, product and key or customer, sorted by a column and
 * read a page at a time; the whole view lives in the address.
 */
export default function LicensesView() {
  const viewer = useViewer();
  const products = useRetryableQuery({ query: licenseProductsQuery });
  const licenses = usePagedList(LICENSE_LIST, licensesQuery, variablesOf, (data) => data.licenses);
  const { filters, sort } = licenses.state;
  const mayShop = hasPermission(viewer, 'SHOP');
  const isVendor = viewer.reseller === null;
  const showResellers = hasPermission(viewer, 'RESELLERS_MANAGE');
  const caption = sortedCaption('Licenses', LICENSE_SORT_CAPTIONS, sort);

  return (
    <Page title="Licenses">
      <p className="lead">
        {isVendor ? 'The licenses of every reseller account' : 'Every license your account has bought'}, newest
        first unless you sort by a column: open one for its details.
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
          <Link to={{ search: licenses.clearFilters }}>Show all licenses</Link>
        </p>
      )}
      <LicenseFilters
        filters={filters}
        products={products.data?.products ?? []}
        onChange={licenses.setFilters}
      />
      {products.error && (
        <ErrorAlert
          message={`The products to filter by could not be loaded. ${describeError(products.error)}`}
          retrying={products.fetching}
          onRetry={products.retry}
        />
      )}
      <PagedContent
        list={licenses}
        what="licenses"
        table={{ caption, columns: licenseColumns(showResellers), className: 'compact-table' }}
        filtered={isFiltered(filters)}
        noMatch="No license matches these filters."
        empty={
          mayShop ? (
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
            caption={caption}
            licenses={nodes}
            sorting={licenses.sorting}
            linkOrders={hasPermission(viewer, 'ORDERS_READ')}
            showResellers={showResellers}
          />
        )}
      </PagedContent>
    </Page>
  );
}
