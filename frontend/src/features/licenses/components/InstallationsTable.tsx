import { Badge } from '../../../components/Badge';
import { ConfirmAction } from '../../../components/ConfirmAction';
import { DataTable, type Column } from '../../../components/DataTable';
import { DateTime } from '../../../components/DateTime';
import type { Installation } from '../modificationQueries';

const COLUMNS: readonly Column[] = ['Host name', 'Fingerprint', 'Activated', 'Revision', 'Status'];

interface InstallationsTableProps {
  /** The license's key, for the caption. */
  licenseKey: string;
  installations: readonly Installation[];
  /** Offer Deactivate on the active installation (for callers who may manage installations). */
  canDeactivate: boolean;
  /** The installation being deactivated, if any. */
  busyId: string | null;
  onDeactivate: (installation: Installation) => void;
}

/** The servers a license is or was activated on, newest first, with Deactivate for the active one. */
export function InstallationsTable({
  licenseKey,
  installations,
  canDeactivate,
  busyId,
  onDeactivate,
}: InstallationsTableProps) {
  return (
    <DataTable
      caption={`Installations of ${licenseKey}`}
      className="compact-table"
      columns={canDeactivate ? [...COLUMNS, 'Actions'] : COLUMNS}
    >
      {installations.map((installation) => (
        <tr key={installation.id}>
          <th scope="row">{installation.hostname}</th>
          <td>
            <code>{installation.fingerprint}</code>
          </td>
          <td className="nowrap">
            <DateTime value={installation.activatedAt} />
          </td>
          <td>{installation.revision}</td>
          <td>
            <InstallationStatus installation={installation} />
          </td>
          {canDeactivate && (
            <td>
              {installation.active && (
                <ConfirmAction
                  label="Deactivate"
                  subject={installation.hostname}
                  question={`Deactivate ${installation.hostname}? It stops holding the license, and the key can be activated on another server.`}
                  confirmLabel="Yes, deactivate"
                  busy={busyId === installation.id}
                  onConfirm={() => {
                    onDeactivate(installation);
                  }}
                />
              )}
            </td>
          )}
        </tr>
      ))}
    </DataTable>
  );
}

function InstallationStatus({ installation }: { installation: Installation }) {
  if (!installation.active) {
    return (
      <>
        <Badge tone="neutral">Deactivated</Badge>
        {installation.deactivatedAt && (
          <span className="cell-note">
            <DateTime value={installation.deactivatedAt} />
          </span>
        )}
      </>
    );
  }
  return (
    <>
      <Badge tone="success">Active</Badge>
      {installation.reactivationRequired && (
        <>
          {' '}
          <Badge tone="warning">Reactivation required</Badge>
        </>
      )}
    </>
  );
}
