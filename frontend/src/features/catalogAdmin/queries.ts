import { graphql } from '../../gql';
import type { CatalogAdminQuery } from '../../gql/graphql';
import type { PricedProduct } from '../../lib/catalogFragments';

/** The M&S terms as the policy form edits them. */
export const maintenancePolicyFields = graphql(`
  fragment MaintenancePolicyFields on MaintenancePolicy {
    termMonths
    renewalPercent
    graceDays
    reinstatementFeePercent
  }
`);

/** Everything the Catalog page edits: every product's prices and the M&S policy. */
export const catalogAdminQuery = graphql(`
  query CatalogAdmin {
    products {
      ...ProductPricingFields
    }
    maintenancePolicy {
      ...MaintenancePolicyFields
    }
  }
`);

export const updateCatalogPriceMutation = graphql(`
  mutation UpdateCatalogPrice($input: UpdateCatalogPriceInput!) {
    updateCatalogPrice(input: $input) {
      product {
        ...ProductPricingFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const updateMaintenancePolicyMutation = graphql(`
  mutation UpdateMaintenancePolicy($input: UpdateMaintenancePolicyInput!) {
    updateMaintenancePolicy(input: $input) {
      maintenancePolicy {
        ...MaintenancePolicyFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/** A product as the vendor prices it: editions × tiers, and each add-on's price per tier. */
export type AdminProduct = PricedProduct;
export type AdminEdition = AdminProduct['editions'][number];
export type AdminTier = AdminProduct['tiers'][number];
export type AdminListPrice = AdminProduct['prices'][number];
export type AdminAddon = AdminProduct['addons'][number];
export type MaintenancePolicyValues = CatalogAdminQuery['maintenancePolicy'];
