import { graphql } from '../../gql';
import type {
  InstallationFieldsFragment,
  LicenseInstallationsFieldsFragment,
  LicenseModificationFieldsFragment,
  LicenseToModifyQuery,
  MaintenanceOfferFieldsFragment,
  ModificationChoicesQuery,
  PersonalLicensesQuery,
  UpgradeQuoteFieldsFragment,
} from '../../gql/graphql';

/*
 * The documents of a license's changes (upgrade, add-ons, M&S), its
 * installations, and the Modify Existing License page; the license pages'
 * own documents are in queries.ts.
 */

/** A server where the license is or was activated. */
export const installationFields = graphql(`
  fragment InstallationFields on Installation {
    id
    hostname
    fingerprint
    activatedAt
    deactivatedAt
    revision
    active
    reactivationRequired
  }
`);

/** The installations of a license, newest first, for its page and the customer's. */
export const licenseInstallationsFields = graphql(`
  fragment LicenseInstallationsFields on License {
    id
    key
    reactivationRequired
    activations {
      ...InstallationFields
    }
  }
`);

/** What M&S for a license costs now: a renewal or a reinstatement. */
export const maintenanceOfferFields = graphql(`
  fragment MaintenanceOfferFields on MaintenanceOffer {
    kind
    years
    price {
      ...MoneyFields
    }
    yearlyPrice {
      ...MoneyFields
    }
    reinstatementFee {
      ...MoneyFields
    }
    monthsLapsed
    newExpiresAt
  }
`);

/** What the modification actions (upgrade, add-ons, M&S) need of a license. */
export const licenseModificationFields = graphql(`
  fragment LicenseModificationFields on License {
    id
    key
    personal
    revision
    maintenanceStatus
    maintenanceExpiresAt
    ...LicenseChoiceFields
    maintenanceOffer {
      ...MaintenanceOfferFields
    }
  }
`);

/** What an upgrade or add-ons cost now, or why they cannot be bought. */
export const upgradeQuoteFields = graphql(`
  fragment UpgradeQuoteFields on UpgradeQuote {
    price {
      ...MoneyFields
    }
    description
    userErrors {
      ...UserErrorFields
    }
  }
`);

/** The product's editions, tiers, add-ons and list prices: what a license can be upgraded to. */
export const modificationChoicesQuery = graphql(`
  query ModificationChoices($code: String!) {
    product(code: $code) {
      ...ProductPricingFields
    }
  }
`);

/** What an upgrade to a higher edition and/or tier costs now, or why it cannot be bought. */
export const upgradeQuoteQuery = graphql(`
  query UpgradeQuote($key: String!, $editionCode: String, $tier: String) {
    license(key: $key) {
      id
      upgradeQuote(editionCode: $editionCode, tier: $tier) {
        ...UpgradeQuoteFields
      }
    }
  }
`);

/** What add-ons cost now, prorated to the license's M&S expiry, or why they cannot be bought. */
export const addonsQuoteQuery = graphql(`
  query AddonsQuote($key: String!, $addonCodes: [String!]!) {
    license(key: $key) {
      id
      upgradeQuote(addAddonCodes: $addonCodes) {
        ...UpgradeQuoteFields
      }
    }
  }
`);

/** What some years of M&S cost now. */
export const maintenanceOfferQuery = graphql(`
  query MaintenanceOffer($key: String!, $years: Int!) {
    license(key: $key) {
      id
      maintenanceOffer(years: $years) {
        ...MaintenanceOfferFields
      }
    }
  }
`);

export const addLicenseUpgradeToCartMutation = graphql(`
  mutation AddLicenseUpgradeToCart($input: LicenseUpgradeInput!) {
    addLicenseUpgradeToCart(input: $input) {
      ...AddedToCartFields
    }
  }
`);

export const addMaintenanceToCartMutation = graphql(`
  mutation AddMaintenanceToCart($input: MaintenanceInput!) {
    addMaintenanceToCart(input: $input) {
      ...AddedToCartFields
    }
  }
`);

export const deactivateInstallationMutation = graphql(`
  mutation DeactivateInstallation($input: DeactivateInstallationInput!) {
    deactivateInstallation(input: $input) {
      installation {
        ...InstallationFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/** The account's personal licenses, to pick one to modify. */
export const personalLicensesQuery = graphql(`
  query PersonalLicenses($first: Int!, $after: String) {
    licenses(first: $first, after: $after, filter: { personal: true }) {
      edges {
        node {
          ...LicenseRowFields
          ...LicenseModificationFields
          ...LicenseInstallationsFields
        }
      }
      pageInfo {
        ...NextPageFields
      }
    }
  }
`);

/** A license by its key, to modify it; null when the account has none with the key. */
export const licenseToModifyQuery = graphql(`
  query LicenseToModify($key: String!) {
    license(key: $key) {
      ...LicenseRowFields
      ...LicenseModificationFields
      ...LicenseInstallationsFields
      customer {
        id
        email
        name
      }
    }
  }
`);

export type Installation = InstallationFieldsFragment;
export type LicenseInstallations = LicenseInstallationsFieldsFragment;
export type MaintenanceOffer = MaintenanceOfferFieldsFragment;
export type ModifiableLicense = LicenseModificationFieldsFragment;
export type ModificationProduct = NonNullable<ModificationChoicesQuery['product']>;
export type Quote = UpgradeQuoteFieldsFragment;
export type PersonalLicense = PersonalLicensesQuery['licenses']['edges'][number]['node'];
export type LicenseToModify = NonNullable<LicenseToModifyQuery['license']>;
