import { Panel } from '../../../components/Panel';
import { CONTACT_GROUPS, NOTIFICATIONS } from '../fields';
import type { CompanyAccount } from '../queries';

interface CompanyDetailsSummaryProps {
  account: CompanyAccount;
}

/** The account's contact information and notification choices, read-only. */
export function CompanyDetailsSummary({ account }: CompanyDetailsSummaryProps) {
  const notified = NOTIFICATIONS.filter(({ name }) => account[name]);
  return (
    <>
      {CONTACT_GROUPS.map((group) => (
        <Panel key={group.legend} title={group.legend}>
          <dl className="details">
            {group.fields.map(({ name, label }) => (
              <div key={name}>
                <dt>{label}</dt>
                <dd>{account[name] || <span className="muted">Not given</span>}</dd>
              </div>
            ))}
          </dl>
        </Panel>
      ))}
      <Panel title="Email notifications">
        {notified.length > 0 ? (
          <>
            <p>The billing address is emailed when:</p>
            <ul>
              {notified.map(({ name, label }) => (
                <li key={name}>{label.charAt(0).toLowerCase() + label.slice(1)}</li>
              ))}
            </ul>
          </>
        ) : (
          <p>The billing address gets no notifications.</p>
        )}
      </Panel>
    </>
  );
}
