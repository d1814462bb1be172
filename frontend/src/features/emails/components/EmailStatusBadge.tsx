import type { EmailStatus } from '../../../gql/graphql';
import { EMAIL_STATUS_LABELS } from '../../../lib/labels';

/** Where a message is in delivery, as a coloured label. */
export function EmailStatusBadge({ status }: { status: EmailStatus }) {
  return <span className={`badge badge--${status.toLowerCase()}`}>{EMAIL_STATUS_LABELS[status]}</span>;
}
