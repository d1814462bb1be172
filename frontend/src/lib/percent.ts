/**
 * A percentage as the API sends it ("20.00", "12.50") for people: "20%",
 * "12.5%". Only trailing zeros are dropped; the number is never rounded.
 */
export function formatPercent(value: string): string {
  const match = /^(-?\d+)(?:\.(\d*?)0*)?$/.exec(value);
  if (!match) return `${value}%`;
  const [, whole = value, fraction] = match;
  return fraction ? `${whole}.${fraction}%` : `${whole}%`;
}
