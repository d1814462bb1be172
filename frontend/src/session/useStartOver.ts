import { startTransition, useCallback } from 'react';
import { useNavigate } from 'react-router';
import { useSessionControl } from './ViewerContext';

/**
 * Starts the session over (a new API client with an empty cache) after
 * signing in or out, optionally at another page. Both happen in one render,
 * so the page being left never asks the new session for its data.
 */
export function useStartOver(): (path?: string) => void {
  const navigate = useNavigate();
  const { restart } = useSessionControl();
  return useCallback(
    (path?: string) => {
      startTransition(() => {
        if (path !== undefined) void navigate(path, { replace: true });
        restart();
      });
    },
    [navigate, restart],
  );
}
