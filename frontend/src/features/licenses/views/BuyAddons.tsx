import { useState } from 'react';
import { useQuery } from 'urql';
import { AddonsDialog } from '../components/AddonsDialog';
import { addonCodesInOrder, type AddedLine, type AddonOption } from '../modifications';
import { addonsQuoteQuery, type ModifiableLicense, type ModificationProduct } from '../modificationQueries';
import { useUpgradeToCart } from './useUpgradeToCart';

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
  const upgrade = useUpgradeToCart(quoted, addonCodes.length > 0, onAdded);

  return (
    <AddonsDialog
      open
      onClose={onClose}
      license={license}
      options={options}
      chosen={chosen}
      onChange={(next) => {
        upgrade.reset();
        setChosen(next);
      }}
      {...upgrade.dialogProps}
      onSubmit={() => {
        upgrade.submit(
          { addAddonCodes: addonCodes.length > 0 ? undefined : 'Choose at least one add-on.' },
          { licenseKey: license.key, editionCode: null, tier: null, addAddonCodes: addonCodes },
        );
      }}
    />
  );
}
