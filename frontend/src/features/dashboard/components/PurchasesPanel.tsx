import { useId } from 'react';
import { Link } from 'react-router';
import type { Chart } from '../chart';
import { PurchasesChart } from './PurchasesChart';

interface PurchasesPanelProps {
  chart: Chart;
  canShop: boolean;
}

/** The last 12 months' purchases by product, or what to do when there are none. */
export function PurchasesPanel({ chart, canShop }: PurchasesPanelProps) {
  const headingId = useId();
  return (
    <section className="panel purchases" aria-labelledby={headingId}>
      <h2 id={headingId}>Purchases, last 12 months</h2>
      {chart.max === 0 ? (
        <p>
          Nothing bought in the last 12 months
          {canShop ? (
            <>
              {' '}
              — <Link to="/shop">visit the Shop</Link> to buy your first licenses.
            </>
          ) : (
            '.'
          )}
        </p>
      ) : (
        <PurchasesChart chart={chart} />
      )}
    </section>
  );
}
