import {
  buildSchema,
  getVariableValues,
  Kind,
  parse,
  validate,
  type OperationDefinitionNode,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import schemaSource from '../../../schema.graphql?raw';
import { EXAMPLE_TABS, type ExampleTab } from './examples';

// The committed schema (`make schema` keeps it equal to the server's): an example that no longer
// matches the API fails here, not in a partner's GraphiQL.
const schema = buildSchema(schemaSource);

function operationOf(tab: ExampleTab): OperationDefinitionNode {
  const document = parse(tab.query);
  expect(document.definitions).toHaveLength(1);
  const [operation] = document.definitions;
  if (operation?.kind !== Kind.OPERATION_DEFINITION) throw new Error(`${tab.name}: not an operation`);
  return operation;
}

function variablesOf(tab: ExampleTab): Record<string, unknown> {
  return tab.variables === undefined ? {} : (JSON.parse(tab.variables) as Record<string, unknown>);
}

describe('the example operations GraphiQL opens with', () => {
  it('are the issue\'s six, in order', () => {
    expect(EXAMPLE_TABS.map((tab) => tab.name)).toEqual([
      'Viewer',
      'Catalog',
      'Licenses',
      'Purchase',
      'AssignLicense',
      'Invoices',
    ]);
  });

  it.each(EXAMPLE_TABS.map((tab) => [tab.name, tab] as const))('%s is valid against schema.graphql', (name, tab) => {
    const operation = operationOf(tab);

    expect(operation.name?.value).toBe(name);
    expect(validate(schema, parse(tab.query)).map((error) => error.message)).toEqual([]);
  });

  it.each(EXAMPLE_TABS.map((tab) => [tab.name, tab] as const))("%s's variables fit its variable definitions", (_name, tab) => {
    const operation = operationOf(tab);

    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variablesOf(tab));

    expect(coerced.errors?.map((error) => error.message)).toBeUndefined();
  });

  it('buy with an assignment and an idempotency key, as a mutation with variables', () => {
    const purchase = EXAMPLE_TABS.find((tab) => tab.name === 'Purchase');
    if (purchase === undefined) throw new Error('no Purchase tab');
    const operation = operationOf(purchase);
    const { input } = variablesOf(purchase) as {
      input: { idempotencyKey: string; lines: { assignToEmail?: string }[] };
    };

    expect(operation.operation).toBe('mutation');
    expect(operation.variableDefinitions?.map((definition) => definition.variable.name.value)).toEqual(['input']);
    expect(input.idempotencyKey).not.toBe('');
    expect(input.lines[0]?.assignToEmail).toMatch(/@/);
  });

  it('page the licenses with first and after', () => {
    const licenses = EXAMPLE_TABS.find((tab) => tab.name === 'Licenses');
    if (licenses === undefined) throw new Error('no Licenses tab');

    const names = operationOf(licenses).variableDefinitions?.map((definition) => definition.variable.name.value);

    expect(names).toEqual(['first', 'after']);
  });
});
