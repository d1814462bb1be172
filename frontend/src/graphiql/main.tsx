/** GraphiQL for signed-in partners (served at /graphql), with the example operations as tabs. */
import './workers';
import { GraphiQL } from 'graphiql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { EXAMPLE_TABS } from './examples';
import { graphqlFetcher } from './fetcher';
import '@graphiql/react/style.css';
import '@graphiql/plugin-doc-explorer/style.css';
import '@graphiql/plugin-history/style.css';
import 'graphiql/graphiql.css';
import './graphiql.css';

const container = document.getElementById('graphiql');
if (container === null) {
  throw new Error('The page has no #graphiql element to render into.');
}

createRoot(container).render(
  <StrictMode>
    <GraphiQL
      fetcher={graphqlFetcher}
      defaultTabs={EXAMPLE_TABS.map(({ query, variables }) => ({ query, variables: variables ?? null }))}
      defaultEditorToolsVisibility
    >
      <GraphiQL.Logo>
        <a className="portal-home" href="/">
          Partner Portal
        </a>{' '}
        GraphiQL
      </GraphiQL.Logo>
    </GraphiQL>
  </StrictMode>,
);
