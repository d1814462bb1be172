import { graphql } from '../../gql';
import type { ShopProductQuery } from '../../gql/graphql';

/** One product with everything a buyer chooses from: editions, tiers, add-ons and their list prices. */
export const shopProductQuery = graphql(`
  query ShopProduct($code: String!) {
    product(code: $code) {
      ...ProductPricingFields
      description
      editions {
        description
      }
      addons {
        description
      }
    }
  }
`);

export const addNewLicenseToCartMutation = graphql(`
  mutation AddNewLicenseToCart($input: NewLicenseInput!) {
    addNewLicenseToCart(input: $input) {
      ...AddedToCartFields
    }
  }
`);

export type ShopProduct = NonNullable<ShopProductQuery['product']>;
export type ShopEdition = ShopProduct['editions'][number];
export type ShopTier = ShopProduct['tiers'][number];
export type ShopAddon = ShopProduct['addons'][number];
