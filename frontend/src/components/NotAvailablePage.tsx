import { Link } from 'react-router';
import { Page } from './Page';

interface NotAvailablePageProps {
  /** The viewer's role as people read it, e.g. "Billing". */
  roleLabel: string;
}

/** What a page shows to a role that may not use it. */
export function NotAvailablePage({ roleLabel }: NotAvailablePageProps) {
  return (
    <Page title="Not available for your role">
      <p>
        Your role, <strong>{roleLabel}</strong>, does not give access to this page. If you need it,
        ask your account owner for a different role.
      </p>
      <p>
        <Link to="/">Go to the dashboard</Link>
      </p>
    </Page>
  );
}
