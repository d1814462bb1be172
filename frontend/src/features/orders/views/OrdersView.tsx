import { Link } from 'react-router';
import { ConnectionContent } from '../../../components/ConnectionContent';
import { Page } from '../../../components/Page';
import { useConnection } from '../../../lib/useConnection';
import { hasPermission } from '../../../session/access';
import { useViewer } from '../../../session/ViewerContext';
import { OrdersTable } from '../components/OrdersTable';
import { ordersQuery } from '../queries';

/** The account's orders, newest first, each with its invoice. */
export default function OrdersView() {
  const viewer = useViewer();
  const orders = useConnection(ordersQuery, {}, (data) => data.orders);
  const isVendor = viewer.reseller === null;

  return (
    <Page title="Orders">
      <p className="lead">
        {isVendor ? 'The orders of every reseller account' : 'Every order your account has placed'}, newest first:
        open one for its lines, billing details and the license keys it issued.
      </p>
      <ConnectionContent
        connection={orders}
        what="orders"
        empty={
          hasPermission(viewer, 'SHOP') ? (
            <p>
              No orders yet — buy licenses in the <Link to="/shop">Shop</Link>.
            </p>
          ) : (
            <p>No orders yet.</p>
          )
        }
      >
        {(nodes) => (
          <OrdersTable
            orders={nodes}
            showInvoices={hasPermission(viewer, 'INVOICES_READ')}
            showResellers={hasPermission(viewer, 'RESELLERS_MANAGE')}
          />
        )}
      </ConnectionContent>
    </Page>
  );
}
