import { useState } from 'react';
import { useQuery } from 'urql';
import { useClientChecks } from '../../../components/form/useClientChecks';
import type { AddLicenseUpgradeToCartMutation } from '../../../gql/graphql';
import { describeError } from '../../../lib/errors';
import { useFormMutation } from '../../../lib/useFormMutation';
import { groupUserErrors, hasErrors } from '../../../lib/userErrors';
import { UpgradeDialog } from '../components/UpgradeDialog';
import {
  initialUpgradeChoice,
  isChanged,
  upgradeChanges,
  upgradeInput,
  type AddedLine,
  type UpgradeChoice,
} from '../modifications';
import {
  addLicenseUpgradeToCartMutation,
  upgradeQuoteQuery,
  type ModifiableLicense,
  type ModificationProduct,
} from '../modificationQueries';

const payloadOf = (data: AddLicenseUpgradeToCartMutation) => data.addLicenseUpgradeToCart;

interface UpgradeLicenseProps {
  license: ModifiableLicense;
  product: ModificationProduct;
  onClose: () => void;
  onAdded: (line: AddedLine) => void;
}

/** The Upgrade dialog with its data: the server's quote of each choice, and the upgrade into the cart. */
export function UpgradeLicense({ license, product, onClose, onAdded }: UpgradeLicenseProps) {
  const [choice, setChoice] = useState<UpgradeChoice>(() => initialUpgradeChoice(license));
  const changed = isChanged(license, choice);
  const [quoted] = useQuery({
    query: upgradeQuoteQuery,
    variables: { key: license.key, ...upgradeChanges(license, choice) },
    pause: !changed,
    requestPolicy: 'cache-and-network',
  });
  const adding = useFormMutation(addLicenseUpgradeToCartMutation, payloadOf);
  const { errors: ownErrors, check } = useClientChecks(adding.errors);
  const quote = changed ? quoted.data?.license?.upgradeQuote : undefined;
  const quoteErrors = quoted.error
    ? { general: [`The price could not be loaded. ${describeError(quoted.error)}`], fields: {} }
    : groupUserErrors(quote?.userErrors ?? []);
  // the form's own check and the cart's answer first, then why the quote refuses the choice
  const errors = hasErrors(ownErrors) ? ownErrors : quoteErrors;

  return (
    <UpgradeDialog
      open
      onClose={onClose}
      license={license}
      product={product}
      choice={choice}
      onChange={(next) => {
        adding.clearErrors();
        check({});
        setChoice(next);
      }}
      quote={quote ?? undefined}
      quoting={quoted.fetching}
      errors={errors}
      submitting={adding.submitting}
      onSubmit={() => {
        if (!check({ editionCode: changed ? undefined : 'Choose a higher edition or a larger tier.' })) return;
        void adding.submit({ input: upgradeInput(license, choice) }).then((payload) => {
          if (payload?.cartLine) onAdded(payload.cartLine);
        });
      }}
    />
  );
}
