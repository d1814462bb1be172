import { useState } from 'react';
import { useQuery } from 'urql';
import { UpgradeDialog } from '../components/UpgradeDialog';
import {
  initialUpgradeChoice,
  isChanged,
  upgradeChanges,
  upgradeInput,
  type AddedLine,
  type UpgradeChoice,
} from '../modifications';
import { upgradeQuoteQuery, type ModifiableLicense, type ModificationProduct } from '../modificationQueries';
import { useUpgradeToCart } from './useUpgradeToCart';

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
  const upgrade = useUpgradeToCart(quoted, changed, onAdded);

  return (
    <UpgradeDialog
      open
      onClose={onClose}
      license={license}
      product={product}
      choice={choice}
      onChange={(next) => {
        upgrade.reset();
        setChoice(next);
      }}
      {...upgrade.dialogProps}
      onSubmit={() => {
        upgrade.submit(
          { editionCode: changed ? undefined : 'Choose a higher edition or a larger tier.' },
          upgradeInput(license, choice),
        );
      }}
    />
  );
}
