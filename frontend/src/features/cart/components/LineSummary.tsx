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
}

interface LineSummaryProps {
  line: LineContents;
  /** True for a line of an order placed: its customer is who it was bought for, not one to assign to. */
  placed?: boolean;
}

/** The line's product, edition and tier, its add-ons, and who the licenses are for. */
export function LineSummary({ line, placed = false }: LineSummaryProps) {
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

function assignmentOf(line: LineContents, placed: boolean): string {
  if (line.personal) return 'For your own use (personal)';
  if (line.assignToEmail) {
    return placed ? `Bought for ${line.assignToEmail}` : `Assigned at checkout to ${line.assignToEmail}`;
  }
  return 'For resale: assign later';
}
