import { graphql } from '../../gql';
import type { ShopCatalogQuery } from '../../gql/graphql';

/** Everything the Shop page shows: each product with its editions, tiers, list prices and add-ons. */
export const shopCatalogQuery = graphql(`
  query ShopCatalog {
    products {
      ...ProductPricingFields
      description
      tiers {
        seats
      }
      addons {
        description
      }
    }
  }
`);

export type CatalogProduct = ShopCatalogQuery['products'][number];
export type CatalogTier = CatalogProduct['tiers'][number];
export type CatalogEdition = CatalogProduct['editions'][number];
export type CatalogListPrice = CatalogProduct['prices'][number];
export type CatalogAddon = CatalogProduct['addons'][number];
