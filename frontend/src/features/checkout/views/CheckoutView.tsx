import { useNavigate } from 'react-router';
import { Page } from '../../../components/Page';
import { Panel } from '../../../components/Panel';
import { QueryContent } from '../../../components/QueryContent';
import { useToast } from '../../../components/Toast';
import type { CheckoutMutation } from '../../../gql/graphql';
import { useFormMutation } from '../../../lib/useFormMutation';
import { useRetryableQuery } from '../../../lib/useRetryableQuery';
import { CartLinesTable } from '../../cart/components/CartLinesTable';
import { CartTotals } from '../../cart/components/CartTotals';
import { EmptyCart } from '../../cart/components/EmptyCart';
import { CheckoutForm } from '../components/CheckoutForm';
import { confirmationPath, type ConfirmationState } from '../confirmationState';
import { useIdempotencyKey } from '../idempotency';
import { checkoutRequest } from '../payment';
import { checkoutDetailsQuery, checkoutMutation } from '../queries';

const payloadOf = (data: CheckoutMutation) => data.checkout;
/** What a placed order changes besides what the answer holds: the cart is emptied. */
const INVALIDATES = ['Cart', 'Order', 'Invoice', 'License'];

/** Checkout: the order summary with the server's totals, billing details and payment. */
export default function CheckoutView() {
  const navigate = useNavigate();
  const toast = useToast();
  const query = useRetryableQuery({ query: checkoutDetailsQuery });
  const placing = useFormMutation(checkoutMutation, payloadOf, { invalidates: INVALIDATES });
  const keyFor = useIdempotencyKey();

  return (
    <Page title="Checkout">
      <QueryContent query={query} what="your cart">
        {({ cart, viewer }) => {
          const account = viewer?.reseller;
          if (cart.lines.length === 0 || !account) return <EmptyCart />;
          return (
            <>
              <Panel title="Order summary">
                <CartLinesTable caption="What you are buying" lines={cart.lines} />
                <CartTotals
                  caption="Order total"
                  subtotal={cart.subtotal}
                  discount={cart.discount}
                  discountPercent={cart.discountPercent}
                  total={cart.total}
                />
              </Panel>
              <CheckoutForm
                account={account}
                errors={placing.errors}
                submitting={placing.submitting}
                onSubmit={(values) => {
                  const request = checkoutRequest(values);
                  const input = { ...request, idempotencyKey: keyFor(request) };
                  void placing.submit({ input }).then(async (payload) => {
                    if (!payload?.order) return;
                    const state: ConfirmationState = {
                      confirmation: {
                        order: payload.order,
                        invoice: payload.invoice ?? null,
                        licenses: payload.licenses,
                        replayed: payload.replayed,
                      },
                    };
                    toast.show(`Order ${payload.order.number} placed.`);
                    await navigate(confirmationPath(payload.order.id), { state });
                  });
                }}
              />
            </>
          );
        }}
      </QueryContent>
    </Page>
  );
}
