import { Link } from 'react-router';
import { Page } from '../../../components/Page';
import { PagedContent } from '../../../components/PagedContent';
import { sortedCaption } from '../../../lib/listParams';
import { usePagedList } from '../../../lib/usePagedList';
import { hasPermission } from '../../../session/access';
import { useViewer } from '../../../session/ViewerContext';
import { OrderFilters } from '../components/OrderFilters';
import { orderColumns, OrdersTable } from '../components/OrdersTable';
import { isFiltered, ORDER_LIST, ORDER_SORT_CAPTIONS, orderVariablesOf } from '../filters';
import { ordersQuery } from '../queries';

/**
 * The account's orders, each with its invoice: searched by number, filtered by payment, sorted
 * by a column and read a page at a time (all in the address).
 */
export default function OrdersView() {
  const viewer = useViewer();
  const orders = usePagedList(ORDER_LIST, ordersQuery, orderVariablesOf, (data) => data.orders);
  const { filters, sort } = orders.state;
  const isVendor = viewer.reseller === null;
  const showInvoices = hasPermission(viewer, 'INVOICES_READ');
  const showResellers = hasPermission(viewer, 'RESELLERS_MANAGE');
  const caption = sortedCaption('Orders', ORDER_SORT_CAPTIONS, sort);

  return (
    <Page title="Orders">
      <p className="lead">
        {isVendor ? 'The orders of every reseller account' : 'Every order your account has placed'}, newest first
        unless you sort by a column: open one for its lines, billing details and the license keys it issued.
      </p>
      <OrderFilters filters={filters} onChange={orders.setFilters} />
      <PagedContent
        list={orders}
        what="orders"
        table={{ caption, columns: orderColumns(showResellers, showInvoices) }}
        filtered={isFiltered(filters)}
        noMatch="No order matches these filters."
        empty={
          hasPermission(viewer, 'SHOP') ? (
            <p>
              No orders yet — buy licenses in the <Link to="/shop">Shop</Link>.
            </p>
          ) : isVendor ? (
            <p>No orders yet. They appear here once a reseller buys licenses.</p>
          ) : (
            <p>No orders yet. They appear here once someone in your account buys licenses in the Shop.</p>
          )
        }
      >
        {(nodes) => (
          <OrdersTable
            caption={caption}
            orders={nodes}
            sorting={orders.sorting}
            showInvoices={showInvoices}
            showResellers={showResellers}
          />
        )}
      </PagedContent>
    </Page>
  );
}
