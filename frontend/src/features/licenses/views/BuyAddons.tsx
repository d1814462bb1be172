import { useState } from 'react';
import { useQuery } from 'urql';
import { useClientChecks } from '../../../components/form/useClientChecks';
import type { AddLicenseUpgradeToCartMutation } from '../../../gql/graphql';
import { describeError } from '../../../lib/errors';
import { useFormMutation } from '../../../lib/useFormMutation';
import { groupUserErrors, hasErrors } from '../../../lib/userErrors';
import { AddonsDialog } from '../components/AddonsDialog';
import { addonCodesInOrder, type AddedLine, type AddonOption } from '../modifications';
import {
  addLicenseUpgradeToCartMutation,
  addonsQuoteQuery,
  type ModifiableLicense,
  type ModificationProduct,
} from '../modificationQueries';

const payloadOf = (data: AddLicenseUpgradeToCartMutation) => data.addLicenseUpgradeToCart;

interface BuyAddonsProps {
  license: ModifiableLicense;
  product: ModificationProduct;
  options: readonly AddonOption[];
  onClose: () => void;
  onAdded: (line: AddedLine) => void;
}

/** The Buy add-ons dialog with its data: the server's prorated price of the add-ons chosen, and the cart. */
export function BuyAddons({ license, product, options, onClose, onAdded }: BuyAddonsProps) {
  const [chosen, setChosen] = useState<string[]>([]);
  const addonCodes = addonCodesInOrder(product, chosen);
  const [quoted] = useQuery({
    query: addonsQuoteQuery,
    variables: { key: license.key, addonCodes },
    pause: addonCodes.length === 0,
    requestPolicy: 'cache-and-network',
  });
  const adding = useFormMutation(addLicenseUpgradeToCartMutation, payloadOf);
  const { errors: ownErrors, check } = useClientChecks(adding.errors);
  const quote = addonCodes.length > 0 ? quoted.data?.license?.upgradeQuote : undefined;
  const quoteErrors = quoted.error
    ? { general: [`The price could not be loaded. ${describeError(quoted.error)}`], fields: {} }
    : groupUserErrors(quote?.userErrors ?? []);
  const errors = hasErrors(ownErrors) ? ownErrors : quoteErrors;

  return (
    <AddonsDialog
      open
      onClose={onClose}
      license={license}
      options={options}
      chosen={chosen}
      onChange={(next) => {
        adding.clearErrors();
        check({});
        setChosen(next);
      }}
      quote={quote ?? undefined}
      quoting={quoted.fetching}
      errors={errors}
      submitting={adding.submitting}
      onSubmit={() => {
        if (!check({ addAddonCodes: addonCodes.length > 0 ? undefined : 'Choose at least one add-on.' })) return;
        void adding
          .submit({ input: { licenseKey: license.key, editionCode: null, tier: null, addAddonCodes: addonCodes } })
          .then((payload) => {
            if (payload?.cartLine) onAdded(payload.cartLine);
          });
      }}
    />
  );
}
