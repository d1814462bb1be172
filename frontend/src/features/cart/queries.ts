import { graphql } from '../../gql';
import type { CartFieldsFragment } from '../../gql/graphql';

/**
 * A cart line as the cart and the checkout show it: what it buys (new licenses, or a change of a
 * license: upgrade or M&S) and the server's amounts.
 */
export const cartLineFields = graphql(`
  fragment CartLineFields on CartLine {
    id
    kind
    description
    quantity
    years
    problem
    license {
      id
      key
    }
    assignToEmail
    personal
    product {
      code
      name
    }
    edition {
      code
      name
    }
    tier {
      code
      name
    }
    addons {
      code
      name
    }
    unitPrice {
      ...MoneyFields
    }
    subtotal {
      ...MoneyFields
    }
    total {
      ...MoneyFields
    }
  }
`);

/** The whole cart: its lines and the totals the server computed, with the reseller discount. */
export const cartFields = graphql(`
  fragment CartFields on Cart {
    lines {
      ...CartLineFields
    }
    licenseCount
    discountPercent
    subtotal {
      ...MoneyFields
    }
    discount {
      ...MoneyFields
    }
    total {
      ...MoneyFields
    }
  }
`);

/** The line just added to the cart (new licenses or a change of one), and the cart after it. */
export const addedToCartFields = graphql(`
  fragment AddedToCartFields on CartPayload {
    cartLine {
      id
      description
      quantity
      total {
        ...MoneyFields
      }
    }
    cart {
      licenseCount
      total {
        ...MoneyFields
      }
    }
    userErrors {
      ...UserErrorFields
    }
  }
`);

export const shoppingCartQuery = graphql(`
  query ShoppingCart {
    cart {
      ...CartFields
    }
  }
`);

export const updateCartLineMutation = graphql(`
  mutation UpdateCartLine($input: UpdateCartLineInput!) {
    updateCartLine(input: $input) {
      cart {
        ...CartFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const removeCartLineMutation = graphql(`
  mutation RemoveCartLine($input: RemoveCartLineInput!) {
    removeCartLine(input: $input) {
      cart {
        ...CartFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export type Cart = CartFieldsFragment;
export type CartLine = Cart['lines'][number];
