import { Link } from 'react-router';
import { invoicePath } from '../../../lib/paths';

interface PendingSummaryNoticeProps {
  notes: string;
  /** The summary invoice that collects it, once its month is closed. */
  summaryInvoice: { id: string; number: string } | null;
}

/**
 * An invoice waiting for the monthly summary is not paid on its own: the
 * summary that collects it is the one to pay, or it will be collected when
 * its month is closed (as its note says).
 */
export function PendingSummaryNotice({ notes, summaryInvoice }: PendingSummaryNoticeProps) {
  return (
    <div className="warning invoice-notice">
      {summaryInvoice ? (
        <p>
          <strong>
            Pay it with summary invoice <Link to={invoicePath(summaryInvoice.id)}>{summaryInvoice.number}</Link>.
          </strong>{' '}
          This invoice is collected there and is not paid on its own.
        </p>
      ) : (
        <p>
          <strong>Nothing to pay now.</strong>{' '}
          {notes || 'When its month is closed, it is collected in that month’s summary invoice, the one to pay.'}
        </p>
      )}
    </div>
  );
}
