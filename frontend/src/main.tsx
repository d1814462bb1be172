import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { Provider } from 'urql';
import { App } from './App';
import { createGraphqlClient } from './graphqlClient';
import './styles.css';

const container = document.getElementById('root');
if (container === null) {
  throw new Error('The page has no #root element to render into.');
}

createRoot(container).render(
  <StrictMode>
    <Provider value={createGraphqlClient()}>
      <BrowserRouter>
        <App />
      </BrowserRouter>
    </Provider>
  </StrictMode>,
);
