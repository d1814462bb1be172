import { useState } from 'react';
import { useQuery } from 'urql';
import type { AddMaintenanceToCartMutation } from '../../../gql/graphql';
import { describeError } from '../../../lib/errors';
import { useFormMutation } from '../../../lib/useFormMutation';
import { MaintenanceDialog } from '../components/MaintenanceDialog';
import type { AddedLine } from '../modifications';
import {
  addMaintenanceToCartMutation,
  maintenanceOfferQuery,
  type MaintenanceOffer,
  type ModifiableLicense,
} from '../modificationQueries';

const payloadOf = (data: AddMaintenanceToCartMutation) => data.addMaintenanceToCart;

interface RenewMaintenanceProps {
  license: ModifiableLicense;
  /** The license's offer for one year: renewal or reinstatement. */
  offer: MaintenanceOffer;
  onClose: () => void;
  onAdded: (line: AddedLine) => void;
}

/** The Renew (or Reinstate) M&S dialog with its data: the server's offer for the years chosen, and the cart. */
export function RenewMaintenance({ license, offer: firstYear, onClose, onAdded }: RenewMaintenanceProps) {
  const [years, setYears] = useState(1);
  const [offered] = useQuery({
    query: maintenanceOfferQuery,
    variables: { key: license.key, years },
    pause: years === 1,
    requestPolicy: 'cache-and-network',
  });
  const adding = useFormMutation(addMaintenanceToCartMutation, payloadOf);
  const offer = years === 1 ? firstYear : (offered.data?.license?.maintenanceOffer ?? undefined);
  const offerNote = offered.fetching
    ? 'Calculating…'
    : offered.error
      ? `The price could not be loaded. ${describeError(offered.error)}`
      : 'M&S cannot be bought for this license now.';

  return (
    <MaintenanceDialog
      open
      onClose={onClose}
      license={license}
      kindOf={firstYear}
      years={years}
      onYearsChange={(next) => {
        adding.clearErrors();
        setYears(next);
      }}
      offer={offer}
      offerNote={offerNote}
      errors={adding.errors}
      submitting={adding.submitting}
      onSubmit={() => {
        void adding.submit({ input: { licenseKey: license.key, years } }).then((payload) => {
          if (payload?.cartLine) onAdded(payload.cartLine);
        });
      }}
    />
  );
}
