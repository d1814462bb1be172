/**
 * The example operations GraphiQL opens with, one tab each, from the .graphql files beside
 * this one (a Vitest test validates each against the committed schema.graphql).
 */
import assignLicense from './examples/AssignLicense.graphql?raw';
import assignLicenseVariables from './examples/AssignLicense.variables.json?raw';
import catalog from './examples/Catalog.graphql?raw';
import invoices from './examples/Invoices.graphql?raw';
import invoicesVariables from './examples/Invoices.variables.json?raw';
import licenses from './examples/Licenses.graphql?raw';
import licensesVariables from './examples/Licenses.variables.json?raw';
import purchase from './examples/Purchase.graphql?raw';
import purchaseVariables from './examples/Purchase.variables.json?raw';
import viewer from './examples/Viewer.graphql?raw';

export interface ExampleTab {
  /** The operation's name: GraphiQL titles the tab with it. */
  name: string;
  query: string;
  variables?: string;
}

export const EXAMPLE_TABS: readonly ExampleTab[] = [
  { name: 'Viewer', query: viewer },
  { name: 'Catalog', query: catalog },
  { name: 'Licenses', query: licenses, variables: licensesVariables },
  { name: 'Purchase', query: purchase, variables: purchaseVariables },
  { name: 'AssignLicense', query: assignLicense, variables: assignLicenseVariables },
  { name: 'Invoices', query: invoices, variables: invoicesVariables },
];
