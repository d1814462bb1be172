import type { LicenseUpgradeInput } from '../../gql/graphql';
import type { Money } from '../../lib/money';
import type { MaintenanceOffer, ModifiableLicense, ModificationProduct } from './modificationQueries';

type Edition = ModificationProduct['editions'][number];
type Tier = ModificationProduct['tiers'][number];
type Addon = ModificationProduct['addons'][number];

/** The edition and tier chosen in the Upgrade dialog (codes); the license's own until changed. */
export interface UpgradeChoice {
  edition: string;
  tier: string;
}

/** A change of a license put into the cart, as the server priced it. */
export interface AddedLine {
  description: string;
  total: Money;
}

/** An add-on the license could get, or why it cannot. */
export interface AddonOption {
  addon: Addon;
  yearlyPrice: Money | undefined;
  /** Why it cannot be bought with the license's tier; undefined when it can. */
  unavailableReason: string | undefined;
}

export function listPriceOf(product: ModificationProduct, edition: string, tier: string): Money | undefined {
  return product.prices.find((price) => price.edition.code === edition && price.tier.code === tier)?.price;
}

/** The items from the license's own on, in catalog order (lowest first): an upgrade never goes down. */
function fromCurrent<Item extends { code: string }>(items: readonly Item[], current: string): Item[] {
  const index = items.findIndex((item) => item.code === current);
  return index < 0 ? [] : items.slice(index);
}

/** The license's edition and the higher ones. */
export function editionsOffered(product: ModificationProduct, license: ModifiableLicense): Edition[] {
  return fromCurrent(product.editions, license.edition.code);
}

/** The license's tier and the larger ones. */
export function tiersOffered(product: ModificationProduct, license: ModifiableLicense): Tier[] {
  return fromCurrent(product.tiers, license.tier.code);
}

export function initialUpgradeChoice(license: ModifiableLicense): UpgradeChoice {
  return { edition: license.edition.code, tier: license.tier.code };
}

/**
 * The choice with another edition: a tier the edition is not sold with
 * becomes the smallest offered tier it is sold with.
 */
export function withEdition(
  product: ModificationProduct,
  license: ModifiableLicense,
  choice: UpgradeChoice,
  edition: string,
): UpgradeChoice {
  if (listPriceOf(product, edition, choice.tier)) return { edition, tier: choice.tier };
  const sold = tiersOffered(product, license).find((tier) => listPriceOf(product, edition, tier.code));
  return { edition, tier: sold?.code ?? choice.tier };
}

/** Whether the product has a higher edition or a larger tier on sale for the license. */
export function canUpgrade(product: ModificationProduct, license: ModifiableLicense): boolean {
  return editionsOffered(product, license).some((edition) =>
    tiersOffered(product, license).some(
      (tier) =>
        (edition.code !== license.edition.code || tier.code !== license.tier.code) &&
        listPriceOf(product, edition.code, tier.code) !== undefined,
    ),
  );
}

export function isChanged(license: ModifiableLicense, choice: UpgradeChoice): boolean {
  return choice.edition !== license.edition.code || choice.tier !== license.tier.code;
}

/** What changes, as `upgradeQuote` and `addLicenseUpgradeToCart` take it: null keeps the license's. */
export function upgradeChanges(license: ModifiableLicense, choice: UpgradeChoice) {
  return {
    editionCode: choice.edition === license.edition.code ? null : choice.edition,
    tier: choice.tier === license.tier.code ? null : choice.tier,
  };
}

export function upgradeInput(license: ModifiableLicense, choice: UpgradeChoice): LicenseUpgradeInput {
  return { licenseKey: license.key, ...upgradeChanges(license, choice), addAddonCodes: [] };
}

function allows(addon: Addon, license: ModifiableLicense): boolean {
  return addon.allowedEditions.some((edition) => edition.code === license.edition.code);
}

/** The add-ons the license's edition allows and the license lacks, in catalog order. */
export function addonsOffered(product: ModificationProduct, license: ModifiableLicense): AddonOption[] {
  const owned = new Set(license.addons.map((addon) => addon.code));
  return product.addons
    .filter((addon) => !owned.has(addon.code))
    .filter((addon) => allows(addon, license))
    .map((addon) => {
      const yearlyPrice = addon.prices.find((price) => price.tier.code === license.tier.code)?.yearlyPrice;
      return {
        addon,
        yearlyPrice,
        unavailableReason: yearlyPrice ? undefined : `Not sold with ${license.tier.name}.`,
      };
    });
}

/** Why no add-on can be bought now, or undefined when some can. */
export function addonsUnavailableReason(
  product: ModificationProduct,
  license: ModifiableLicense,
  offered: readonly AddonOption[],
): string | undefined {
  if (license.maintenanceStatus !== 'ACTIVE') {
    return 'Add-ons run with Maintenance & Support, which has ended: renew or reinstate M&S first.';
  }
  if (offered.length === 0 && !product.addons.some((addon) => allows(addon, license))) {
    return `No add-ons are sold with ${license.product.name} ${license.edition.name}.`;
  }
  if (!offered.some((option) => option.unavailableReason === undefined)) {
    return `This license already has every add-on ${license.edition.name} allows.`;
  }
  return undefined;
}

/** The chosen add-on codes in catalog order, as the cart lists them. */
export function addonCodesInOrder(product: ModificationProduct, chosen: readonly string[]): string[] {
  return product.addons.map((addon) => addon.code).filter((code) => chosen.includes(code));
}

/** The M&S button and dialog: "Renew M&S" while renewable, "Reinstate M&S" once lapsed. */
export function maintenanceActionLabel(offer: Pick<MaintenanceOffer, 'kind'>): string {
  return offer.kind === 'MAINTENANCE_REINSTATEMENT' ? 'Reinstate M&S' : 'Renew M&S';
}

/** The years of M&S one line may buy. */
export const MAINTENANCE_YEARS = [1, 2, 3, 4, 5] as const;
