import { getOperationName, type Client, type Operation, type OperationResult } from 'urql';
import { vi } from 'vitest';
import { concat, fromValue, never } from 'wonka';

type Variables = Record<string, unknown>;

/** One answer: a result, or a function of the operation's variables that gives one. */
export type Answer = Partial<OperationResult> | ((variables: Variables) => Partial<OperationResult>);

/**
 * An urql client that answers each operation by its name: `{ Viewer: { data:
 * … } }`. A list answers one execution after the other (the last repeats); an
 * operation without an answer never answers. The spies record every call.
 */
export function mockApi(answers: Record<string, Answer | Answer[]>) {
  const calls = new Map<string, number>();

  function answer(operation: Operation) {
    const name = getOperationName(operation.query) ?? '';
    const given = answers[name];
    if (given === undefined) return never;
    const list = Array.isArray(given) ? given : [given];
    const count = calls.get(name) ?? 0;
    calls.set(name, count + 1);
    const chosen = list[Math.min(count, list.length - 1)];
    if (chosen === undefined) return never;
    const result = typeof chosen === 'function' ? chosen(operation.variables as Variables) : chosen;
    return concat([fromValue({ operation, stale: false, hasNext: false, ...result }), never]);
  }

  const executeQuery = vi.fn((request: Operation) => answer(request));
  const executeMutation = vi.fn((request: Operation) => answer(request));
  const client = {
    executeQuery,
    executeMutation,
    executeSubscription: vi.fn(() => never),
  } as unknown as Client;

  /** The variables of every call of the named operation, in order. */
  function variablesOf(name: string): Variables[] {
    return [...executeQuery.mock.calls, ...executeMutation.mock.calls]
      .map(([operation]) => operation)
      .filter((operation) => getOperationName(operation.query) === name)
      .map((operation) => operation.variables as Variables);
  }

  return { client, executeQuery, executeMutation, variablesOf };
}
