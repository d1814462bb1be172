import { graphql } from '../../gql';
import type { ShopCatalogQuery } from '../../gql/graphql';

/** Everything the Shop page shows: each product with its editions, tiers, list prices and add-ons. */
export const shopCatalogQuery = graphql(`
  query ShopCatalog {
    products {
      id
      code
      name
      unit
      description
      editions {
        id
        code
        name
      }
      tiers {
        id
        code
        name
        seats
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

export type CatalogProduct = ShopCatalogQuery['products'][number];
export type CatalogTier = CatalogProduct['tiers'][number];
export type CatalogEdition = CatalogProduct['editions'][number];
export type CatalogListPrice = CatalogProduct['prices'][number];
export type CatalogAddon = CatalogProduct['addons'][number];
