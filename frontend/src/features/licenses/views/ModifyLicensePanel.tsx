import { useState } from 'react';
import { QueryContent } from '../../../components/QueryContent';
import { useToast } from '../../../components/Toast';
import { useRetryableQuery } from '../../../lib/useRetryableQuery';
import { hasPermission } from '../../../session/access';
import { useViewer } from '../../../session/ViewerContext';
import { AddedToCartMessage } from '../components/AddedToCartMessage';
import { ModificationActions } from '../components/ModificationActions';
import {
  addonsOffered,
  addonsUnavailableReason,
  canUpgrade,
  maintenanceActionLabel,
  type AddedLine,
} from '../modifications';
import { modificationChoicesQuery, type ModifiableLicense, type ModificationProduct } from '../modificationQueries';
import '../licenses.css';
import { BuyAddons } from './BuyAddons';
import { RenewMaintenance } from './RenewMaintenance';
import { UpgradeLicense } from './UpgradeLicense';

type Opened = 'upgrade' | 'addons' | 'maintenance' | null;

/**
 * The changes a license can be bought (for callers who shop): an upgrade to a
 * higher edition or tier, add-ons, and M&S renewal or reinstatement. Each
 * opens its dialog and becomes a cart line.
 */
export function ModifyLicensePanel({ license }: { license: ModifiableLicense }) {
  const mayShop = hasPermission(useViewer(), 'SHOP');
  if (!mayShop) return null;
  return <Modifications license={license} />;
}

function Modifications({ license }: { license: ModifiableLicense }) {
  const choices = useRetryableQuery({ query: modificationChoicesQuery, variables: { code: license.product.code } });
  return (
    <QueryContent query={choices} what="the ways to change this license">
      {({ product }) =>
        product ? (
          <Actions license={license} product={product} />
        ) : (
          <p>{license.product.name} is no longer in the catalog: this license cannot be changed.</p>
        )
      }
    </QueryContent>
  );
}

function Actions({ license, product }: { license: ModifiableLicense; product: ModificationProduct }) {
  const [opened, setOpened] = useState<Opened>(null);
  const [added, setAdded] = useState<AddedLine | null>(null);
  const toast = useToast();
  const close = () => {
    setOpened(null);
  };
  const onAdded = (line: AddedLine) => {
    setOpened(null);
    setAdded(line);
    toast.show(`Added to your cart: ${line.description}.`);
  };
  const start = (which: Opened) => () => {
    setAdded(null);
    setOpened(which);
  };
  const addons = addonsOffered(product, license);
  const offer = license.maintenanceOffer;

  return (
    <>
      {added && <AddedToCartMessage line={added} />}
      <p>Upgrades, add-ons and M&amp;S go into the cart and are bought at checkout, like new licenses.</p>
      <ModificationActions
        actions={[
          {
            label: 'Upgrade',
            unavailableReason: canUpgrade(product, license)
              ? undefined
              : `${license.edition.name}, ${license.tier.name} is the highest edition and tier on sale.`,
            onStart: start('upgrade'),
          },
          {
            label: 'Buy add-ons',
            unavailableReason: addonsUnavailableReason(product, license, addons),
            onStart: start('addons'),
          },
          {
            label: offer ? maintenanceActionLabel(offer) : 'Renew M&S',
            unavailableReason: offer ? undefined : 'M&S cannot be bought for this license now.',
            onStart: start('maintenance'),
          },
        ]}
      />
      {opened === 'upgrade' && (
        <UpgradeLicense license={license} product={product} onClose={close} onAdded={onAdded} />
      )}
      {opened === 'addons' && (
        <BuyAddons license={license} product={product} options={addons} onClose={close} onAdded={onAdded} />
      )}
      {opened === 'maintenance' && offer && (
        <RenewMaintenance license={license} offer={offer} onClose={close} onAdded={onAdded} />
      )}
    </>
  );
}
