import type { Confirmation } from './queries';

/** Where an order's confirmation is shown. */
export function confirmationPath(orderId: string): string {
  return `/orders/confirmation/${encodeURIComponent(orderId)}`;
}

/** Navigation state carrying the checkout's answer to the confirmation page. */
export interface ConfirmationState {
  confirmation: Confirmation;
}

/** The checkout's answer the navigation carried for this order, if any (none when the page is opened directly). */
export function confirmationOf(state: unknown, orderId: string): Confirmation | null {
  if (typeof state !== 'object' || state === null || !('confirmation' in state)) return null;
  const { confirmation } = state;
  if (typeof confirmation !== 'object' || confirmation === null) return null;
  const { order } = confirmation as { order?: { id?: unknown } | null };
  return order?.id === orderId ? (confirmation as Confirmation) : null;
}
