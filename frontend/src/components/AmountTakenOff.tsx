import { formatMoney, type Money } from '../lib/money';

/**
 * A discount as an amount taken off: "−$249.80", read out as "minus $249.80".
 * Nothing taken off stays "$0.00", and an amount already negative keeps its own sign.
 */
export function AmountTakenOff({ money }: { money: Money }) {
  const formatted = formatMoney(money);
  if (/^[0.]*$/.test(money.amount) || money.amount.startsWith('-')) {
    return <>{formatted}</>;
  }
  return (
    <>
      <span aria-hidden="true">−</span>
      <span className="visually-hidden">minus </span>
      {formatted}
    </>
  );
}
