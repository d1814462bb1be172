/** Navigation state carrying a one-off message for the next page, e.g. after a removal. */
export interface FlashState {
  flash: string;
}

export function flash(message: string): FlashState {
  return { flash: message };
}

/** The message a previous page left in the navigation state, if any. */
export function flashMessageOf(state: unknown): string | null {
  if (typeof state === 'object' && state !== null && 'flash' in state && typeof state.flash === 'string') {
    return state.flash;
  }
  return null;
}
