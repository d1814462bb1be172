import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Page } from './Page';

interface ErrorBoundaryProps {
  children: ReactNode;
}

interface ErrorBoundaryState {
  failed: boolean;
}

/**
 * What a page shows when it fails to render, instead of a blank window: the
 * rest of the app (header, navigation) keeps working. Give it a `key` that
 * changes with the page, so that going elsewhere starts afresh.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { failed: false };

  static getDerivedStateFromError(): ErrorBoundaryState {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('The page failed to render.', error, info.componentStack);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <Page title="Something went wrong">
        <div role="alert" className="alert">
          <p>
            This page could not be shown. Reload the page to try again; if it keeps happening,
            tell your vendor.
          </p>
        </div>
        <button
          type="button"
          onClick={() => {
            window.location.reload();
          }}
        >
          Reload the page
        </button>
      </Page>
    );
  }
}
