import type { AuditChange } from '../queries';

interface ChangeListProps {
  changes: readonly AuditChange[];
}

/** A JSON value of the audit log as people read it: strings without their quotes. */
export function readableValue(json: string | null | undefined): string {
  if (json === null || json === undefined) return '(none)';
  try {
    const value: unknown = JSON.parse(json);
    if (typeof value === 'string') return value === '' ? '(empty)' : value;
    if (value === null) return '(none)';
    if (typeof value === 'boolean') return value ? 'yes' : 'no';
    return JSON.stringify(value);
  } catch {
    return json;
  }
}

/** What one audited change changed: each field from its old to its new value. */
export function ChangeList({ changes }: ChangeListProps) {
  if (changes.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="changes">
      {changes.map((change) => (
        <li key={change.field}>
          <span className="change-field">{change.field}</span>:{' '}
          <del>{readableValue(change.oldValue)}</del>
          <span aria-hidden="true"> → </span>
          <span className="visually-hidden"> changed to </span>
          <ins>{readableValue(change.newValue)}</ins>
        </li>
      ))}
    </ul>
  );
}
