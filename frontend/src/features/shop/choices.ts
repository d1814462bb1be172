import type { NewLicenseInput } from '../../gql/graphql';
import type { Money } from '../../lib/money';
import { quantityOf } from '../cart/quantity';
import { sumOf, times } from './listPrice';
import type { ShopAddon, ShopProduct } from './queries';

/** What the buyer has chosen on the product page, as the form holds it. */
export interface LicenseChoice {
  edition: string;
  tier: string;
  addons: readonly string[];
  /** As typed: checked before sending. */
  quantity: string;
  assignToEmail: string;
  personal: boolean;
}

/** The list price of an (edition, tier), or undefined when the pair is not on sale. */
export function listPriceOf(product: ShopProduct, edition: string, tier: string): Money | undefined {
  return product.prices.find((price) => price.edition.code === edition && price.tier.code === tier)?.price;
}

/** An add-on's yearly price at a tier, or undefined when it is not sold at that tier. */
export function addonPriceOf(addon: ShopAddon, tier: string): Money | undefined {
  return addon.prices.find((price) => price.tier.code === tier)?.yearlyPrice;
}

/** Why an add-on cannot be chosen with the edition and tier, or undefined when it can. */
export function addonUnavailableReason(product: ShopProduct, addon: ShopAddon, edition: string, tier: string) {
  if (!addon.allowedEditions.some((allowed) => allowed.code === edition)) {
    const names = addon.allowedEditions.map((allowed) => allowed.name);
    const editionName = product.editions.find((candidate) => candidate.code === edition)?.name ?? edition;
    return names.length > 0
      ? `Available with ${joinNames(names)} only, not with ${editionName}.`
      : 'Not available with any edition.';
  }
  if (addonPriceOf(addon, tier) === undefined) {
    const tierName = product.tiers.find((candidate) => candidate.code === tier)?.name ?? tier;
    return `Not sold with ${tierName}.`;
  }
  return undefined;
}

function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} or ${names.at(-1) ?? ''}`;
}

/** The tiers on sale with an edition, smallest first. */
export function tiersOffered(product: ShopProduct, edition: string) {
  return product.tiers.filter((tier) => listPriceOf(product, edition, tier.code) !== undefined);
}

/** The first edition on sale at any tier, with its smallest tier: where the form starts. */
export function initialChoice(product: ShopProduct): LicenseChoice {
  const edition =
    product.editions.find((candidate) => tiersOffered(product, candidate.code).length > 0) ?? product.editions[0];
  const editionCode = edition?.code ?? '';
  return {
    edition: editionCode,
    tier: tiersOffered(product, editionCode)[0]?.code ?? '',
    addons: [],
    quantity: '1',
    assignToEmail: '',
    personal: false,
  };
}

/**
 * The choice with another edition or tier: a tier not on sale with the edition
 * becomes the edition's smallest one, and add-ons that are no longer
 * available are dropped.
 */
export function withEditionAndTier(product: ShopProduct, choice: LicenseChoice, edition: string, tier: string) {
  const offered = tiersOffered(product, edition);
  const nextTier = offered.some((candidate) => candidate.code === tier) ? tier : (offered[0]?.code ?? tier);
  const addons = choice.addons.filter((code) => {
    const addon = product.addons.find((candidate) => candidate.code === code);
    return addon !== undefined && addonUnavailableReason(product, addon, edition, nextTier) === undefined;
  });
  return { ...choice, edition, tier: nextTier, addons };
}

export interface PricePreview {
  license: Money | undefined;
  addons: readonly { name: string; price: Money }[];
  unitPrice: Money | null;
  quantity: number | undefined;
  lineTotal: Money | null;
}

/** The choice at list prices: the license, each add-on's yearly price, one license with add-ons, and the line. */
export function pricePreview(product: ShopProduct, choice: LicenseChoice): PricePreview {
  const license = listPriceOf(product, choice.edition, choice.tier);
  const addons = product.addons.flatMap((addon) => {
    const price = choice.addons.includes(addon.code) ? addonPriceOf(addon, choice.tier) : undefined;
    return price ? [{ name: addon.name, price }] : [];
  });
  const unitPrice = license ? sumOf([license, ...addons.map((addon) => addon.price)]) : null;
  const quantity = quantityOf(choice.quantity);
  const lineTotal = unitPrice && quantity !== undefined ? times(unitPrice, quantity) : null;
  return { license, addons, unitPrice, quantity, lineTotal };
}

/** The input of `addNewLicenseToCart`: codes and a quantity, never a price. */
export function newLicenseInput(product: ShopProduct, choice: LicenseChoice, quantity: number): NewLicenseInput {
  const assignToEmail = choice.personal ? '' : choice.assignToEmail.trim();
  return {
    productCode: product.code,
    editionCode: choice.edition,
    tier: choice.tier,
    // in the catalog's order, as the cart lists them
    addonCodes: product.addons.map((addon) => addon.code).filter((code) => choice.addons.includes(code)),
    quantity,
    assignToEmail: assignToEmail || null,
    personal: choice.personal,
  };
}
