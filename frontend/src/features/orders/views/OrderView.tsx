import { Link, useParams } from 'react-router';
import { BillingDetailsList } from '../../../components/BillingDetailsList';
import { NotFoundPage } from '../../../components/NotFoundPage';
import { Page } from '../../../components/Page';
import { Panel } from '../../../components/Panel';
import { PricedLinesTable } from '../../../components/PricedLinesTable';
import { QueryContent } from '../../../components/QueryContent';
import { formatPercent } from '../../../lib/percent';
import { useRetryableQuery } from '../../../lib/useRetryableQuery';
import { hasPermission } from '../../../session/access';
import { useViewer } from '../../../session/ViewerContext';
import { IssuedLicenses } from '../components/IssuedLicenses';
import { OrderInvoice } from '../components/OrderInvoice';
import { OrderLineItem } from '../components/OrderLineItem';
import { OrderSummary } from '../components/OrderSummary';
import { orderQuery, type OrderDetails } from '../queries';

/** One order: what was bought at which prices, who it is billed to, its invoice and the keys it issued. */
export default function OrderView() {
  const { orderId = '' } = useParams();
  const query = useRetryableQuery({ query: orderQuery, variables: { id: orderId } });
  return (
    <QueryContent query={query} what="the order">
      {({ node }) => (node?.__typename === 'Order' ? <Order order={node} /> : <NotFoundPage />)}
    </QueryContent>
  );
}

function Order({ order }: { order: OrderDetails }) {
  const showReseller = hasPermission(useViewer(), 'RESELLERS_MANAGE');
  return (
    <Page title={`Order ${order.number}`}>
      <p>
        <Link to="/orders">Back to orders</Link>
      </p>
      <OrderSummary order={order} showReseller={showReseller} />
      <Panel title="Lines">
        <PricedLinesTable
          caption={`Lines of order ${order.number}`}
          lines={order.lines}
          totals={order}
          discountLabel={`Discount (${formatPercent(order.discountPercent)})`}
          itemOf={(line) => <OrderLineItem line={line} />}
        />
      </Panel>
      {order.invoice && (
        <Panel title="Invoice">
          <OrderInvoice invoice={order.invoice} />
        </Panel>
      )}
      <Panel title="Licenses issued">
        <IssuedLicenses licenses={order.licenses} />
      </Panel>
      <Panel title="Billing details">
        <BillingDetailsList billing={order.billing} />
      </Panel>
    </Page>
  );
}
