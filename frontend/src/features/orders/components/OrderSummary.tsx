import { DateTime } from '../../../components/DateTime';
import { DetailsList } from '../../../components/DetailsList';
import { formatMoney } from '../../../lib/money';
import { PAYMENT_METHOD_LABELS } from '../labels';
import type { OrderDetails } from '../queries';

/** When and by whom an order was placed, how it is paid, its discount and total. */
export function OrderSummary({ order }: { order: OrderDetails }) {
  return (
    <DetailsList
      details={[
        ['Placed', <DateTime key="placed" value={order.placedAt} />],
        ['Placed by', order.placedBy],
        ['Payment', PAYMENT_METHOD_LABELS[order.paymentMethod]],
        ['Discount', `${order.discountPercent}%`],
        ['Total', formatMoney(order.total)],
      ]}
    />
  );
}
