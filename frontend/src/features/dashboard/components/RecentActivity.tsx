import { useId } from 'react';
import { Link } from 'react-router';
import { DateTime } from '../../../components/DateTime';
import { actionLabel } from '../../audit/actions';
import type { ActivityEvent } from '../queries';

interface RecentActivityProps {
  events: readonly ActivityEvent[];
  /** The whole audit log: the account's for partners, the vendor's own page for the vendor. */
  auditLogPath: string;
}

/** The latest audit events: what happened, to what, by whom and when. */
export function RecentActivity({ events, auditLogPath }: RecentActivityProps) {
  const headingId = useId();
  return (
    <section className="panel recent-activity" aria-labelledby={headingId}>
      <h2 id={headingId}>Recent activity</h2>
      {events.length === 0 ? (
        <p>Nothing has happened yet: orders, assignments and sign-ins will be listed here.</p>
      ) : (
        <ol className="activity-list">
          {events.map((event) => (
            <li key={event.id}>
              <span className="activity-what">{actionLabel(event.action)}</span>
              {event.targetLabel && <span className="activity-target">{event.targetLabel}</span>}
              <span className="activity-when">
                {event.actor} · <DateTime value={event.occurredAt} />
              </span>
            </li>
          ))}
        </ol>
      )}
      <p>
        <Link to={auditLogPath}>See the audit log</Link>
      </p>
    </section>
  );
}
