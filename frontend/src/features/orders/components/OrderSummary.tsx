import { DateTime } from '../../../components/DateTime';
import { DetailsList, type Detail } from '../../../components/DetailsList';
import { ResellerLink } from '../../../components/ResellerLink';
import { PAYMENT_METHOD_LABELS } from '../../../lib/labels';
import { formatMoney } from '../../../lib/money';
import { formatPercent } from '../../../lib/percent';
import type { OrderDetails } from '../queries';

interface OrderSummaryProps {
  order: OrderDetails;
  /** Name the reseller account that placed it (the vendor sees every account's). */
  showReseller: boolean;
}

/** Which reseller placed an order, when and by whom, how it is paid, its discount and total. */
export function OrderSummary({ order, showReseller }: OrderSummaryProps) {
  return (
    <DetailsList
      details={[
        ...(showReseller
          ? [['Reseller', <ResellerLink key="reseller" reseller={order.reseller} />] satisfies Detail]
          : []),
        ['Placed', <DateTime key="placed" value={order.placedAt} />],
        ['Placed by', order.placedBy],
        ['Payment', PAYMENT_METHOD_LABELS[order.paymentMethod]],
        ['Discount', formatPercent(order.discountPercent)],
        ['Total', formatMoney(order.total)],
      ]}
    />
  );
}
