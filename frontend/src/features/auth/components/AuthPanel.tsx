import type { ReactNode } from 'react';
import { Page } from '../../../components/Page';

interface AuthPanelProps {
  title: string;
  lead?: string;
  children: ReactNode;
}

/** The narrow panel of the pages before signing in. */
export function AuthPanel({ title, lead, children }: AuthPanelProps) {
  return (
    <div className="auth-panel">
      <Page title={title}>
        {lead && <p className="lead">{lead}</p>}
        {children}
      </Page>
    </div>
  );
}
