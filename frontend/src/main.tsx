import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './App';
import { ToastProvider } from './components/Toast';
import { ApiProvider } from './session/ApiProvider';
import './styles.css';

const container = document.getElementById('root');
if (container === null) {
  throw new Error('The page has no #root element to render into.');
}

createRoot(container).render(
  <StrictMode>
    <ApiProvider>
      <BrowserRouter>
        <ToastProvider>
          <App />
        </ToastProvider>
      </BrowserRouter>
    </ApiProvider>
  </StrictMode>,
);
