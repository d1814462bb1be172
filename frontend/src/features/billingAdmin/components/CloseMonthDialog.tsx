import { useEffect, useRef } from 'react';
import { Dialog } from '../../../components/Dialog';
import { formatPeriod } from '../period';

interface CloseMonthDialogProps {
  /** The month to close, YYYY-MM; null while the dialog is closed. */
  period: string | null;
  onConfirm: (period: string) => void;
  onCancel: () => void;
}

/** Asks before closing a month, which cannot be undone. Focus starts on Cancel, the safe choice. */
export function CloseMonthDialog({ period, onConfirm, onCancel }: CloseMonthDialogProps) {
  const month = period === null ? '' : formatPeriod(period);
  return (
    <Dialog title={`Close ${month}?`} open={period !== null} onClose={onCancel}>
      {period !== null && (
        <Question
          month={month}
          onConfirm={() => {
            onConfirm(period);
          }}
          onCancel={onCancel}
        />
      )}
    </Dialog>
  );
}

function Question({ month, onConfirm, onCancel }: { month: string; onConfirm: () => void; onCancel: () => void }) {
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // before the dialog is shown: it focuses its autofocus delegate when it opens
    const button = cancel.current;
    if (!button) return;
    if (button.closest('dialog')?.open) button.focus();
    else button.setAttribute('autofocus', '');
  }, []);
  return (
    <>
      <p className="warning">
        <strong>This cannot be undone.</strong>
      </p>
      <p>
        Every reseller’s invoices of {month} that wait for the monthly summary are collected in one summary invoice
        per reseller, due in 30 days. Closing the month again collects only what was not collected before.
      </p>
      <div className="form-actions">
        <button type="button" onClick={onConfirm}>
          Yes, close {month}
        </button>
        <button ref={cancel} type="button" className="button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </>
  );
}
