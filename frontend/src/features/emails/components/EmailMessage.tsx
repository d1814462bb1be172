import { DateTime } from '../../../components/DateTime';
import { Panel } from '../../../components/Panel';
import type { EmailDetails } from '../queries';
import { EmailStatusBadge } from './EmailStatusBadge';

interface EmailMessageProps {
  email: EmailDetails;
}

/**
 * One message as it was sent: its headers, the text body, and the HTML body
 * rendered in a sandboxed frame (no scripts, no forms, no navigation of this page).
 */
export function EmailMessage({ email }: EmailMessageProps) {
  return (
    <>
      <dl className="details">
        <div>
          <dt>To</dt>
          <dd>{email.to.join(', ')}</dd>
        </div>
        <div>
          <dt>Subject</dt>
          <dd>{email.subject}</dd>
        </div>
        <div>
          <dt>Kind</dt>
          <dd>
            <code>{email.template}</code>
          </dd>
        </div>
        <div>
          <dt>Queued</dt>
          <dd>
            <DateTime value={email.createdAt} />
          </dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            <EmailStatusBadge status={email.status} />
            {email.sentAt && (
              <>
                {' '}
                <DateTime value={email.sentAt} />
              </>
            )}
            {` · ${email.attempts} ${email.attempts === 1 ? 'attempt' : 'attempts'}`}
          </dd>
        </div>
        {email.lastError && (
          <div>
            <dt>Last error</dt>
            <dd>{email.lastError}</dd>
          </div>
        )}
      </dl>
      <Panel title="Text body">
        <pre className="email-text">{email.textBody}</pre>
      </Panel>
      <Panel title="HTML body">
        <iframe
          className="email-html"
          title={`HTML body of “${email.subject}”`}
          sandbox=""
          srcDoc={email.htmlBody}
        />
      </Panel>
    </>
  );
}
