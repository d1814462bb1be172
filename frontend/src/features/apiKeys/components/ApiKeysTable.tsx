import { ConfirmAction } from '../../../components/ConfirmAction';
import { DataTable, type Column } from '../../../components/DataTable';
import { DateTime } from '../../../components/DateTime';
import { ROLE_LABELS } from '../../../lib/labels';
import type { ApiKey } from '../queries';

const COLUMNS: readonly Column[] = [
  'Name',
  'Role',
  'Key starts with',
  'Created',
  'Last used',
  'Status',
  'Actions',
];

interface ApiKeysTableProps {
  apiKeys: readonly ApiKey[];
  revokingId: string | null;
  onRevoke: (apiKey: ApiKey) => void;
}

/** The account's API keys: what each may do, when it was last used, and whether it still works. */
export function ApiKeysTable({ apiKeys, revokingId, onRevoke }: ApiKeysTableProps) {
  return (
    <DataTable caption="API keys of the account" columns={COLUMNS}>
      {apiKeys.map((apiKey) => (
        <tr key={apiKey.id}>
          <th scope="row">{apiKey.name}</th>
          <td>{ROLE_LABELS[apiKey.role]}</td>
          <td>
            <code>{apiKey.prefix}…</code>
          </td>
          <td>
            <DateTime value={apiKey.createdAt} />
            {apiKey.createdBy && <span className="cell-note">by {apiKey.createdBy}</span>}
          </td>
          <td>{apiKey.lastUsedAt ? <DateTime value={apiKey.lastUsedAt} /> : 'Never'}</td>
          <td>
            {apiKey.active ? (
              <span className="badge badge--active">Active</span>
            ) : (
              <>
                <span className="badge badge--none">Revoked</span>
                {apiKey.revokedAt && (
                  <span className="cell-note">
                    <DateTime value={apiKey.revokedAt} />
                  </span>
                )}
              </>
            )}
          </td>
          <td>
            {apiKey.active && (
              <ConfirmAction
                label="Revoke"
                subject={apiKey.name}
                question={`Revoke ${apiKey.name}? Requests with this key fail at once; this cannot be undone.`}
                confirmLabel="Yes, revoke"
                busy={revokingId === apiKey.id}
                onConfirm={() => {
                  onRevoke(apiKey);
                }}
              />
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
