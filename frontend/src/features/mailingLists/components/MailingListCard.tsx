import { CheckboxField } from '../../../components/form/CheckboxField';
import type { MailingList } from '../queries';

interface MailingListCardProps {
  list: MailingList;
  /** Whether the viewer can receive lists (a person of the account). */
  canSubscribe: boolean;
  busy: boolean;
  onToggle: (subscribed: boolean) => void;
}

/** One mailing list: what it sends, how many receive it, and whether the viewer does. */
export function MailingListCard({ list, canSubscribe, busy, onToggle }: MailingListCardProps) {
  const count = list.subscribers.length;
  return (
    <li className="list-card">
      <h2>{list.name}</h2>
      <p>{list.description}</p>
      <p className="muted">
        {count === 0
          ? 'Nobody at your company receives it.'
          : `${count} ${count === 1 ? 'person' : 'people'} at your company receive it.`}
      </p>
      {canSubscribe && (
        <CheckboxField
          label={`Send ${list.name} to me`}
          checked={list.subscribed}
          disabled={busy}
          onChange={onToggle}
        />
      )}
    </li>
  );
}
