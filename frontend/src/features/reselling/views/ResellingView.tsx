import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import { ConnectionContent } from '../../../components/ConnectionContent';
import { DownloadButton } from '../../../components/DownloadButton';
import { Page } from '../../../components/Page';
import { PagedContent } from '../../../components/PagedContent';
import { Panel } from '../../../components/Panel';
import { SearchForm } from '../../../components/SearchForm';
import { sortedCaption } from '../../../lib/listParams';
import { CSV_FILE } from '../../../lib/useFileDownload';
import { licensePath } from '../../../lib/paths';
import { useConnection } from '../../../lib/useConnection';
import { usePagedList } from '../../../lib/usePagedList';
import { hasPermission } from '../../../session/access';
import { useViewer } from '../../../session/ViewerContext';
import type { Assignment, AssignRequest } from '../assignment';
import { AssignedMessage } from '../components/AssignedMessage';
import { customerColumns, CustomersTable } from '../components/CustomersTable';
import { CUSTOMER_LIST, CUSTOMER_SORT_CAPTIONS, type CustomerListFilters } from '../filters';
import { ProductDialog } from '../components/ProductDialog';
import { UnassignedLicensesTable } from '../components/UnassignedLicensesTable';
import { resellerCustomersQuery, unassignedLicensesQuery, type ResaleLicense } from '../queries';
import '../reselling.css';
import { AssignLicense } from './AssignLicense';

const CUSTOMERS_CLASS = 'compact-table reselling-table';

const NO_FILTER = {};
const customerVariablesOf = ({ search }: CustomerListFilters) => ({ search: search || null });
const CUSTOMERS_CSV = '/exports/customers.csv';

/** The address of the customers' CSV: all of them, or those the search finds. */
function customersCsvHref(search: string): string {
  return search ? `${CUSTOMERS_CSV}?${new URLSearchParams({ search }).toString()}` : CUSTOMERS_CSV;
}

/**
 * Reselling: the licenses bought for resale that wait for a customer, the
 * customers they went to, and assigning one (from a license, its product
 * dialog, or a customer).
 */
export default function ResellingView() {
  const viewer = useViewer();
  const canAssign = hasPermission(viewer, 'LICENSES_ASSIGN');
  const mayShop = hasPermission(viewer, 'SHOP');
  const unassigned = useConnection(unassignedLicensesQuery, NO_FILTER, (data) => data.licenses);
  const customers = usePagedList(CUSTOMER_LIST, resellerCustomersQuery, customerVariablesOf, (data) => data.customers);
  const { search } = customers.state.filters;
  const customersCaption = sortedCaption('Customers', CUSTOMER_SORT_CAPTIONS, customers.state.sort);
  const [product, setProduct] = useState<ResaleLicense | null>(null);
  const [request, setRequest] = useState<AssignRequest | null>(null);
  const [assigned, setAssigned] = useState<{ id: number; assignment: Assignment } | null>(null);

  const { reset: resetUnassigned } = unassigned;
  const { retry: refreshCustomers } = customers;
  const closeAssign = useCallback(() => {
    setRequest(null);
  }, [setRequest]);
  const onAssigned = useCallback(
    (assignment: Assignment) => {
      setRequest(null);
      setAssigned((previous) => ({ id: (previous?.id ?? 0) + 1, assignment }));
      resetUnassigned();
      refreshCustomers();
    },
    [setRequest, setAssigned, resetUnassigned, refreshCustomers],
  );

  return (
    <Page title="Reselling">
      <p className="lead">
        Assign the licenses you bought for resale to your customers. A customer gets an email with the license key; a
        new customer also gets an account. An assigned license can never be re-assigned.
      </p>
      {!canAssign && <p>Your role can see these lists; an owner or a purchaser of your account assigns licenses.</p>}
      {assigned && (
        <AssignedMessage key={assigned.id} assignment={assigned.assignment}>
          <p>
            <Link to={licensePath(assigned.assignment.license.key)}>Open the license</Link>
          </p>
        </AssignedMessage>
      )}

      <Panel title="Unassigned Products">
        <p>Licenses bought for resale that no customer has yet, newest first. Choose a product for its details.</p>
        <ConnectionContent
          connection={unassigned}
          what="unassigned licenses"
          empty={
            mayShop ? (
              <p>
                You have no unassigned licenses for resale. Buy licenses in the <Link to="/shop">Shop</Link>, then
                assign them to your customers here.
              </p>
            ) : (
              <p>
                You have no unassigned licenses for resale. Once someone in your account buys licenses in the Shop,
                they wait here for a customer.
              </p>
            )
          }
        >
          {(nodes) => (
            <UnassignedLicensesTable
              licenses={nodes}
              canAssign={canAssign}
              onShowProduct={setProduct}
              onAssign={(license) => {
                setRequest({ license });
              }}
            />
          )}
        </ConnectionContent>
      </Panel>

      <Panel title="Reseller Customers">
        <div className="list-actions">
          <SearchForm
            key={search}
            label="Search customers"
            hint="By email or name."
            value={search}
            onSearch={(next) => {
              customers.setFilters({ search: next });
            }}
          />
          <DownloadButton href={customersCsvHref(search)} kind={CSV_FILE} className="button-link export">
            Download CSV
            <span className="visually-hidden">{search ? ' of the customers found' : ' of all customers'}</span>
          </DownloadButton>
        </div>
        <PagedContent
          list={customers}
          what="customers"
          table={{ caption: customersCaption, columns: customerColumns(canAssign), className: CUSTOMERS_CLASS }}
          filtered={search !== ''}
          noMatch={`No customer matches “${search}”.`}
          empty={<p>No customers yet. Assign a license to a customer’s email and the customer appears here.</p>}
        >
          {(nodes) => (
            <CustomersTable
              caption={customersCaption}
              sorting={customers.sorting}
              customers={nodes}
              canAssign={canAssign}
              onAssign={(customer) => {
                setRequest({ email: customer.email, name: customer.name });
              }}
            />
          )}
        </PagedContent>
      </Panel>

      <ProductDialog
        license={product}
        canAssign={canAssign}
        onClose={() => {
          setProduct(null);
        }}
        onAssign={(license) => {
          setProduct(null);
          setRequest({ license });
        }}
      />
      <AssignLicense request={request} onClose={closeAssign} onAssigned={onAssigned} />
    </Page>
  );
}
