import { useMemo, useState, type ReactNode } from 'react';
import { Provider } from 'urql';
import { createGraphqlClient } from '../graphqlClient';
import { SessionControlContext, type SessionControl } from './ViewerContext';

interface ApiProviderProps {
  children: ReactNode;
}

/**
 * The API client of the app. Signing in or out starts a new client, so that
 * nothing one user loaded is ever shown to the next from the cache, and
 * mounts the app afresh, so that no page's state outlives the session.
 */
export function ApiProvider({ children }: ApiProviderProps) {
  const [session, setSession] = useState(0);
  // A new client per session: `session` is what makes the memo start over.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const client = useMemo(() => createGraphqlClient(), [session]);
  const control = useMemo<SessionControl>(
    () => ({
      restart: () => {
        setSession((count) => count + 1);
      },
    }),
    [],
  );
  return (
    <SessionControlContext value={control}>
      <Provider value={client} key={session}>
        {children}
      </Provider>
    </SessionControlContext>
  );
}
