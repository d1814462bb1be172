import { Link } from 'react-router';
import { ConfirmAction } from '../../../components/ConfirmAction';
import { DataTable, type Column } from '../../../components/DataTable';
import { DateTime } from '../../../components/DateTime';
import { LOGIN_STATUS_LABELS, ROLE_LABELS } from '../../../lib/labels';
import type { TableSorting } from '../../../lib/usePagedList';
import type { Person } from '../queries';

const COLUMNS: readonly Column[] = [
  { label: 'Name', sort: 'NAME' },
  { label: 'Contact', sort: 'EMAIL' },
  'Access',
  'Login',
];

/** The table's columns, sorting by name and email, with Actions for those who manage the account. */
export function peopleColumns(canManage: boolean): readonly Column[] {
  return canManage ? [...COLUMNS, 'Actions'] : COLUMNS;
}

interface PeopleTableProps {
  caption: string;
  people: readonly Person[];
  sorting?: TableSorting;
  /** Show the Edit and Remove actions. */
  canManage: boolean;
  removingId: string | null;
  onRemove: (person: Person) => void;
}

/** The people of the account with their access and sign-in status. */
export function PeopleTable({ caption, people, sorting, canManage, removingId, onRemove }: PeopleTableProps) {
  return (
    <DataTable caption={caption} columns={peopleColumns(canManage)} sorting={sorting}>
      {people.map((person) => (
        <tr key={person.id}>
          <th scope="row">
            {person.name}
            {person.isViewer && <span className="badge">You</span>}
            {person.jobTitle && <span className="cell-note">{person.jobTitle}</span>}
          </th>
          <td>
            {person.email}
            {person.phone && <span className="cell-note">{person.phone}</span>}
          </td>
          <td>{person.role ? ROLE_LABELS[person.role] : 'Contact only'}</td>
          <td>
            <span className={`badge badge--${person.loginStatus.toLowerCase()}`}>
              {LOGIN_STATUS_LABELS[person.loginStatus]}
            </span>
            {person.lastLoginAt && (
              <span className="cell-note">
                Last signed in <DateTime value={person.lastLoginAt} />
              </span>
            )}
          </td>
          {canManage && (
            <td>
              <div className="row-actions">
                <Link to={`/account/people/${encodeURIComponent(person.id)}`}>
                  Edit<span className="visually-hidden"> {person.name}</span>
                </Link>
                {!person.isViewer && (
                  <ConfirmAction
                    label="Remove"
                    subject={person.name}
                    question={`Remove ${person.name}?${person.role ? ' Their login stops working at once.' : ''}`}
                    confirmLabel="Yes, remove"
                    busy={removingId === person.id}
                    onConfirm={() => {
                      onRemove(person);
                    }}
                  />
                )}
              </div>
            </td>
          )}
        </tr>
      ))}
    </DataTable>
  );
}
