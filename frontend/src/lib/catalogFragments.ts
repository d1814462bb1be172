import { graphql } from '../gql';
import type { ProductPricingFieldsFragment } from '../gql/graphql';

/**
 * A product as it is priced: its editions and seat tiers, the list price of each
 * edition and tier, and its add-ons with the editions they go with and their
 * yearly price per tier. The shop, its product page and the vendor's Catalog
 * page each add what they show besides.
 */
export const productPricingFields = graphql(`
  fragment ProductPricingFields on Product {
    id
    code
    name
    unit
    editions {
      id
      code
      name
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
        ...MoneyFields
      }
    }
    addons {
      id
      code
      name
      allowedEditions {
        code
        name
      }
      prices {
        tier {
          code
        }
        yearlyPrice {
          ...MoneyFields
        }
      }
    }
  }
`);

export type PricedProduct = ProductPricingFieldsFragment;
