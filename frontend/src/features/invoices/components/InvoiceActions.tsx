interface InvoiceActionsProps {
  /** Show Pay: the viewer may pay invoices and this one is to pay. */
  canPay: boolean;
  /** Show Record payment: the vendor's billing team, on an invoice to pay. */
  canRecordPayment: boolean;
  /** While its PDF is being prepared, Download PDF says so and does nothing. */
  preparingPdf: boolean;
  onPay: () => void;
  onDownloadPdf: () => void;
  onEmail: () => void;
  onRecordPayment: () => void;
}

/** What can be done with an invoice: pay it, download or email its PDF, record a payment received. */
export function InvoiceActions({
  canPay,
  canRecordPayment,
  preparingPdf,
  onPay,
  onDownloadPdf,
  onEmail,
  onRecordPayment,
}: InvoiceActionsProps) {
  return (
    <div className="invoice-actions" role="group" aria-label="Invoice actions">
      {canPay && (
        <button type="button" onClick={onPay}>
          Pay
        </button>
      )}
      <button
        type="button"
        className="button-secondary"
        aria-disabled={preparingPdf}
        onClick={() => {
          if (!preparingPdf) onDownloadPdf();
        }}
      >
        {preparingPdf ? 'Preparing PDF…' : 'Download PDF'}
      </button>
      <button type="button" className="button-secondary" onClick={onEmail}>
        Email
      </button>
      {canRecordPayment && (
        <button type="button" className="button-secondary" onClick={onRecordPayment}>
          Record payment
        </button>
      )}
    </div>
  );
}
