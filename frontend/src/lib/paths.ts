/** Where the app shows one license, order or invoice. */

export function licensePath(key: string): string {
  return `/licenses/${encodeURIComponent(key)}`;
}

/** An order's page, by its global id. */
export function orderPath(id: string): string {
  return `/orders/${encodeURIComponent(id)}`;
}

/** An invoice's page, by its global id. */
export function invoicePath(id: string): string {
  return `/invoices/${encodeURIComponent(id)}`;
}

/** A reseller account's page (for the vendor), by its global id. */
export function resellerPath(id: string): string {
  return `/resellers/${encodeURIComponent(id)}`;
}
