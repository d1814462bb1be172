import { vi } from 'vitest';
import { concat, fromValue, never } from 'wonka';
import type { Client, OperationResult } from 'urql';

/**
 * An urql client whose queries answer with the results given, one per
 * execution (the last one repeats); with none, queries never answer.
 * Like a real client's, each source stays open after its result.
 */
export function mockClient(...results: Partial<OperationResult>[]) {
  let calls = 0;
  const executeQuery = vi.fn(() => {
    const result = results[Math.min(calls++, results.length - 1)];
    return result === undefined ? never : concat([fromValue(result), never]);
  });
  const client = {
    executeQuery,
    executeMutation: vi.fn(() => never),
    executeSubscription: vi.fn(() => never),
  } as unknown as Client;
  return { client, executeQuery };
}
