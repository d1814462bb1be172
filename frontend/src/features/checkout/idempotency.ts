import { useCallback, useRef } from 'react';

/** A random UUID; from random bytes where `crypto.randomUUID` is missing (a page not served securely). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The idempotency key of a checkout attempt. Sending the same request again
 * (a double click, a retry after a lost answer or a failed payment) reuses
 * its key, so the server places the order at most once; a changed request
 * (another card, other billing details) is a new attempt with a new key.
 */
export function useIdempotencyKey(): (request: unknown) => string {
  const attempt = useRef<{ request: string; key: string } | null>(null);
  return useCallback((request: unknown) => {
    const fingerprint = JSON.stringify(request);
    if (attempt.current?.request !== fingerprint) {
      attempt.current = { request: fingerprint, key: newIdempotencyKey() };
    }
    return attempt.current.key;
  }, []);
}
