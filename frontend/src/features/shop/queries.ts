import { graphql } from '../../gql';
import type { ShopProductQuery } from '../../gql/graphql';

/** One product with everything a buyer chooses from: editions, tiers, add-ons and their list prices. */
export const shopProductQuery = graphql(`
  query ShopProduct($code: String!) {
    product(code: $code) {
      id
      code
      name
      unit
      description
      editions {
        id
        code
        name
        description
      }
      tiers {
        id
        code
        name
      }
      prices {
        edition {
          code
        }
        tier {
          code
        }
        price {
          amount
          currency
        }
      }
      addons {
        id
        code
        name
        description
        allowedEditions {
          code
          name
        }
        prices {
          tier {
            code
          }
          yearlyPrice {
            amount
            currency
          }
        }
      }
    }
  }
`);

export const addNewLicenseToCartMutation = graphql(`
  mutation AddNewLicenseToCart($input: NewLicenseInput!) {
    addNewLicenseToCart(input: $input) {
      cartLine {
        id
        description
        quantity
        total {
          amount
          currency
        }
      }
      cart {
        licenseCount
        total {
          amount
          currency
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export type ShopProduct = NonNullable<ShopProductQuery['product']>;
export type ShopEdition = ShopProduct['editions'][number];
export type ShopTier = ShopProduct['tiers'][number];
export type ShopAddon = ShopProduct['addons'][number];
