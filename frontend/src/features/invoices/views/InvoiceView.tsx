import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router';
import { AmountTakenOff } from '../../../components/AmountTakenOff';
import { BillingDetailsList } from '../../../components/BillingDetailsList';
import { DetailsList } from '../../../components/DetailsList';
import { NotFoundPage } from '../../../components/NotFoundPage';
import { Page } from '../../../components/Page';
import { Panel } from '../../../components/Panel';
import { PricedLinesTable } from '../../../components/PricedLinesTable';
import { QueryContent } from '../../../components/QueryContent';
import { SuccessMessage } from '../../../components/SuccessMessage';
import { formatMoney } from '../../../lib/money';
import { useRetryableQuery } from '../../../lib/useRetryableQuery';
import { hasPermission } from '../../../session/access';
import { useViewer } from '../../../session/ViewerContext';
import { PaymentsTable } from '../../payments/components/PaymentsTable';
import { InvoiceActions } from '../components/InvoiceActions';
import { InvoicesTable } from '../components/InvoicesTable';
import { InvoiceSummary } from '../components/InvoiceSummary';
import { PdfDownloadStatus } from '../components/PdfDownloadStatus';
import { PendingSummaryNotice } from '../components/PendingSummaryNotice';
import '../invoices.css';
import { isPayable } from '../payable';
import { pdfFileName, usePdfDownload } from '../pdf';
import { invoiceQuery, type InvoiceDetails } from '../queries';
import { EmailInvoice } from './EmailInvoice';
import { PayInvoice } from './PayInvoice';
import { RecordPayment } from './RecordPayment';

/**
 * One invoice: its status and amounts, its lines and totals, who it is billed
 * to and what it is for, its payments; and paying it, its PDF, and emailing it.
 */
export default function InvoiceView() {
  const { invoiceId = '' } = useParams();
  const query = useRetryableQuery({ query: invoiceQuery, variables: { id: invoiceId } });
  return (
    <QueryContent query={query} what="the invoice">
      {({ node }) =>
        node?.__typename === 'Invoice' ? <Invoice invoice={node} onChanged={query.retry} /> : <NotFoundPage />
      }
    </QueryContent>
  );
}

type InvoiceDialog = 'pay' | 'email' | 'record' | null;

interface InvoiceProps {
  invoice: InvoiceDetails;
  /** After a payment: read the invoice again. */
  onChanged: () => void;
}

function Invoice({ invoice, onChanged }: InvoiceProps) {
  const viewer = useViewer();
  const showReseller = hasPermission(viewer, 'RESELLERS_MANAGE');
  const payable = isPayable(invoice);
  const [dialog, setDialog] = useState<InvoiceDialog>(null);
  const [done, setDone] = useState<string | null>(null);
  const pdf = usePdfDownload();

  const closeDialog = useCallback(() => {
    setDialog(null);
  }, []);
  const onSent = useCallback((message: string) => {
    setDialog(null);
    setDone(message);
  }, []);
  const onPaid = useCallback(
    (message: string) => {
      onSent(message);
      onChanged();
    },
    [onChanged, onSent],
  );

  return (
    <Page title={`Invoice ${invoice.number}`}>
      <p>
        <Link to="/invoices">Back to invoices</Link>
      </p>
      <InvoiceActions
        canPay={payable && hasPermission(viewer, 'INVOICES_PAY')}
        canRecordPayment={payable && hasPermission(viewer, 'BILLING_MANAGE')}
        preparingPdf={pdf.state.step === 'preparing'}
        onPay={() => {
          setDone(null);
          setDialog('pay');
        }}
        onDownloadPdf={() => {
          void pdf.download(invoice.pdfUrl, pdfFileName(invoice.number));
        }}
        onEmail={() => {
          setDone(null);
          setDialog('email');
        }}
        onRecordPayment={() => {
          setDone(null);
          setDialog('record');
        }}
      />
      <PdfDownloadStatus state={pdf.state} />
      <SuccessMessage message={done} />
      {invoice.status === 'PENDING_SUMMARY' ? (
        <PendingSummaryNotice notes={invoice.notes} summaryInvoice={invoice.summaryInvoice ?? null} />
      ) : (
        invoice.notes && <p className="lead">{invoice.notes}</p>
      )}
      <InvoiceSummary invoice={invoice} showReseller={showReseller} />
      {invoice.kind === 'SUMMARY' ? (
        <Panel title="Totals">
          <DetailsList
            details={[
              ['Subtotal', formatMoney(invoice.subtotal)],
              ['Discount', <AmountTakenOff money={invoice.discount} />],
              ['Total', <strong>{formatMoney(invoice.total)}</strong>],
            ]}
          />
        </Panel>
      ) : (
        <Panel title="Lines">
          <PricedLinesTable caption={`Lines of invoice ${invoice.number}`} lines={invoice.lines} totals={invoice} />
        </Panel>
      )}
      {invoice.kind === 'SUMMARY' && (
        <Panel title="Invoices summarized">
          {invoice.summarizedInvoices.length > 0 ? (
            <InvoicesTable
              caption={`Invoices summarized in ${invoice.number}`}
              invoices={invoice.summarizedInvoices}
              showResellers={false}
            />
          ) : (
            <p>This summary collects no invoices.</p>
          )}
        </Panel>
      )}
      <Panel title="Payments">
        {invoice.payments.length > 0 ? (
          <PaymentsTable
            caption={`Payments of invoice ${invoice.number}`}
            payments={invoice.payments}
            showInvoices={false}
            showResellers={false}
          />
        ) : (
          <p>No payments yet.</p>
        )}
      </Panel>
      <Panel title="Billing details">
        <BillingDetailsList billing={invoice.billing} />
      </Panel>
      <PayInvoice invoice={invoice} open={dialog === 'pay'} onClose={closeDialog} onPaid={onPaid} />
      <EmailInvoice invoice={invoice} open={dialog === 'email'} onClose={closeDialog} onSent={onSent} />
      <RecordPayment invoice={invoice} open={dialog === 'record'} onClose={closeDialog} onRecorded={onPaid} />
    </Page>
  );
}
