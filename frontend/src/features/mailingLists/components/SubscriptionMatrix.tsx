import type { MailingListCode } from '../../../gql/graphql';
import type { MailingList, Subscriber } from '../queries';
import { TableScroll } from '../../../components/TableScroll';

interface SubscriptionMatrixProps {
  lists: readonly MailingList[];
  people: readonly Subscriber[];
  /** The checkbox being saved, as `${personId} ${code}`. */
  busyKey: string | null;
  onChange: (person: Subscriber, list: MailingListCode, subscribed: boolean) => void;
}

export function subscriptionKey(personId: string, list: MailingListCode): string {
  return `${personId} ${list}`;
}

/** Who receives which list: one row per person, one checkbox per list. */
export function SubscriptionMatrix({ lists, people, busyKey, onChange }: SubscriptionMatrixProps) {
  return (
    <TableScroll label={'Who receives which list'}>
      <table>
        <caption>Who receives which list</caption>
        <thead>
          <tr>
            <th scope="col">Person</th>
            {lists.map((list) => (
              <th key={list.code} scope="col" className="center">
                {list.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {people.map((person) => (
            <tr key={person.id}>
              <th scope="row">
                {person.name}
                <span className="cell-note">{person.email}</span>
              </th>
              {lists.map((list) => {
                const key = subscriptionKey(person.id, list.code);
                return (
                  <td key={list.code} className="center">
                    <input
                      type="checkbox"
                      aria-label={`Send ${list.name} to ${person.name}`}
                      checked={person.mailingLists.includes(list.code)}
                      disabled={busyKey === key}
                      onChange={(event) => {
                        onChange(person, list.code, event.target.checked);
                      }}
                    />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
