import { createContext, useContext } from 'react';
import type { SessionViewer } from './queries';

/** The signed-in viewer, for every page behind the login. */
export const ViewerContext = createContext<SessionViewer | null>(null);

/** The signed-in viewer; only for pages behind the login (RequireViewer). */
export function useViewer(): SessionViewer {
  const viewer = useContext(ViewerContext);
  if (viewer === null) {
    throw new Error('useViewer() is for pages behind the login.');
  }
  return viewer;
}

/** Starts the session over with an empty cache: after signing in or out. */
export interface SessionControl {
  restart: () => void;
}

export const SessionControlContext = createContext<SessionControl>({
  restart: () => undefined,
});

export function useSessionControl(): SessionControl {
  return useContext(SessionControlContext);
}
