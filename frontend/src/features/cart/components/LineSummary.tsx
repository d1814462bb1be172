import { LicenseChangeNotes } from '../../../components/LicenseChangeNotes';
import type { LineKind } from '../../../gql/graphql';
import { LINE_KIND_LABELS } from '../../../lib/labels';

interface Named {
  name: string;
}

/** What a cart or order line buys, in the fields both have. */
export interface LineContents {
  product: Named;
  edition: Named;
  tier: Named;
  addons: readonly Named[];
  assignToEmail?: string | null;
  personal: boolean;
  /** New licenses, or a change of one: an upgrade or M&S (new licenses when not given). */
  kind?: LineKind;
  /** The line as the invoice reads it. */
  description?: string;
  /** The license an upgrade or M&S line changes. */
  license?: { key: string } | null;
  /** Years of M&S. */
  years?: number | null;
  /** Why a cart line can no longer be bought. */
  problem?: string | null;
}

interface LineSummaryProps {
  line: LineContents;
  /** True for a line of an order placed: its customer is who it was bought for, not one to assign to. */
  placed?: boolean;
}

/** Whether a line changes a license (upgrade, M&S) rather than buying new ones. */
export function isModification(line: Pick<LineContents, 'kind'>): boolean {
  return line.kind !== undefined && line.kind !== 'NEW_LICENSE';
}

/** Whether a line buys years of M&S (a renewal or a reinstatement), which the cart lets change. */
export function isMaintenance(line: Pick<LineContents, 'kind'>): boolean {
  return line.kind === 'MAINTENANCE_RENEWAL' || line.kind === 'MAINTENANCE_REINSTATEMENT';
}

/** The line in a few words, for buttons and messages: "SmarterMail Enterprise, 250 mailboxes", "Upgrade of ABC…". */
export function lineName(line: LineContents): string {
  if (isModification(line) && line.kind) {
    return `${LINE_KIND_LABELS[line.kind]} of ${line.license?.key ?? `${line.product.name} ${line.edition.name}`}`;
  }
  return `${line.product.name} ${line.edition.name}, ${line.tier.name}`;
}

/** The line's product, edition and tier, its add-ons, and who the licenses are for; or the change of a license. */
export function LineSummary({ line, placed = false }: LineSummaryProps) {
  if (isModification(line)) return <ModificationSummary line={line} />;
  return (
    <>
      <span className="line-title">
        {line.product.name} {line.edition.name}, {line.tier.name}
      </span>
      <span className="cell-note">
        {line.addons.length > 0 ? `Add-ons: ${line.addons.map((addon) => addon.name).join(', ')}` : 'No add-ons'}
      </span>
      <span className="cell-note">{assignmentOf(line, placed)}</span>
    </>
  );
}

/** An upgrade or M&S line: what it changes, of which license, for how many years, and why it cannot be bought. */
function ModificationSummary({ line }: { line: LineContents }) {
  return (
    <>
      <span className="line-title">{line.kind && LINE_KIND_LABELS[line.kind]}</span>
      {line.description && <span className="cell-note">{line.description}</span>}
      <LicenseChangeNotes license={line.license} years={line.years} />
      {line.problem && (
        <span className="cell-note warning">
          <strong>Can no longer be bought:</strong> {line.problem} Remove this line to check out.
        </span>
      )}
    </>
  );
}

function assignmentOf(line: LineContents, placed: boolean): string {
  if (line.personal) return 'For your own use (personal)';
  if (line.assignToEmail) {
    return placed ? `Bought for ${line.assignToEmail}` : `Assigned at checkout to ${line.assignToEmail}`;
  }
  return 'For resale: assign later';
}
