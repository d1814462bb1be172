import { Panel } from '../../../components/Panel';
import { RESELLER_STATUS_LABELS } from '../../../lib/labels';
import type { CompanyAccount } from '../queries';

interface AccountTermsProps {
  account: Pick<CompanyAccount, 'discountPercent' | 'mayPayByInvoice' | 'status'>;
}

/** The terms the vendor sets for the account: discount, invoice payment and status. */
export function AccountTerms({ account }: AccountTermsProps) {
  return (
    <Panel title="Your terms">
      <dl className="details">
        <div>
          <dt>Reseller discount</dt>
          <dd>{account.discountPercent}%</dd>
        </div>
        <div>
          <dt>Payment</dt>
          <dd>{account.mayPayByInvoice ? 'On order or on the monthly summary invoice' : 'On order'}</dd>
        </div>
        <div>
          <dt>Account status</dt>
          <dd>{RESELLER_STATUS_LABELS[account.status]}</dd>
        </div>
      </dl>
      <p className="muted">The vendor sets these terms. Contact your partner manager to change them.</p>
    </Panel>
  );
}
