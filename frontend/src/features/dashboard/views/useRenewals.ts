import { useCallback, useState } from 'react';
import { useMutation } from 'urql';
import { describeError } from '../../../lib/errors';
import { addMaintenanceToCartMutation } from '../../licenses/modificationQueries';
import type { Renewal } from '../components/MaintenanceEnding';

/**
 * One-click M&S renewals: `renew(key)` puts one year of M&S for the license in the cart, the
 * same cart line as the license page's Renew M&S. Each license's renewal has its own state,
 * so a failure is shown beside its row.
 */
export function useRenewals() {
  const [, addToCart] = useMutation(addMaintenanceToCartMutation);
  const [renewals, setRenewals] = useState<Readonly<Record<string, Renewal>>>({});
  const [lastAdded, setLastAdded] = useState<string | null>(null);

  const renew = useCallback(
    async (licenseKey: string) => {
      const set = (renewal: Renewal) => {
        setRenewals((all) => ({ ...all, [licenseKey]: renewal }));
      };
      set({ state: 'adding' });
      const result = await addToCart({ input: { licenseKey, years: 1 } });
      const payload = result.data?.addMaintenanceToCart;
      if (result.error) {
        set({ state: 'failed', messages: [describeError(result.error)] });
      } else if (!payload) {
        set({ state: 'failed', messages: ['The server sent no answer. Try again.'] });
      } else if (payload.userErrors.length > 0 || !payload.cartLine) {
        const messages = payload.userErrors.map((error) => error.message);
        set({ state: 'failed', messages: messages.length > 0 ? messages : ['The renewal could not be added.'] });
      } else {
        set({ state: 'added', description: payload.cartLine.description, total: payload.cartLine.total });
        setLastAdded(licenseKey);
      }
    },
    [addToCart],
  );

  return { renewals, lastAdded, renew };
}
