import { useState } from 'react';
import { useMutation } from 'urql';
import { describeError } from '../lib/errors';
import { logoutMutation } from './queries';
import { useStartOver } from './useStartOver';

/** Signs out, then starts a new session (an empty cache) on the login page. */
export function useSignOut() {
  const [{ fetching }, logout] = useMutation(logoutMutation);
  const startOver = useStartOver();
  const [error, setError] = useState<string | null>(null);

  async function signOut() {
    setError(null);
    const result = await logout({});
    if (result.error) {
      setError(`Signing out failed. ${describeError(result.error)}`);
      return;
    }
    startOver('/login');
  }

  return {
    signOut: () => {
      void signOut();
    },
    signingOut: fetching,
    error,
  };
}
