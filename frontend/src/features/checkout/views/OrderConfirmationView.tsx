import { useLocation, useParams } from 'react-router';
import { NotFoundPage } from '../../../components/NotFoundPage';
import { QueryContent } from '../../../components/QueryContent';
import { useRetryableQuery } from '../../../lib/useRetryableQuery';
import { OrderConfirmation } from '../components/OrderConfirmation';
import { confirmationOf } from '../confirmationState';
import { orderConfirmationQuery } from '../queries';

/**
 * The confirmation of an order just placed: from the checkout's answer the
 * navigation carried, or, opened directly, from the order itself.
 */
export default function OrderConfirmationView() {
  const { orderId = '' } = useParams();
  const location = useLocation();
  const fromCheckout = confirmationOf(location.state as unknown, orderId);
  const query = useRetryableQuery({
    query: orderConfirmationQuery,
    variables: { id: orderId },
    pause: fromCheckout !== null,
  });

  if (fromCheckout) return <OrderConfirmation confirmation={fromCheckout} />;
  return (
    <QueryContent query={query} what="the order">
      {({ node }) =>
        node?.__typename === 'Order' ? (
          <OrderConfirmation
            confirmation={{ order: node, invoice: node.invoice ?? null, licenses: node.licenses, replayed: false }}
          />
        ) : (
          <NotFoundPage />
        )
      }
    </QueryContent>
  );
}
