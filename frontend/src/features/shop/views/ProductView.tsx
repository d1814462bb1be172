import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { NotFoundPage } from '../../../components/NotFoundPage';
import { Page } from '../../../components/Page';
import { QueryContent } from '../../../components/QueryContent';
import { useToast } from '../../../components/Toast';
import type { AddNewLicenseToCartMutation } from '../../../gql/graphql';
import { useFormMutation } from '../../../lib/useFormMutation';
import { useRetryableQuery } from '../../../lib/useRetryableQuery';
import { newLicenseInput } from '../choices';
import { AddedToCartPanel } from '../components/AddedToCartPanel';
import { LicenseOptionsForm } from '../components/LicenseOptionsForm';
import { addNewLicenseToCartMutation, shopProductQuery, type ShopProduct } from '../queries';

const payloadOf = (data: AddNewLicenseToCartMutation) => data.addNewLicenseToCart;
type Added = NonNullable<ReturnType<typeof payloadOf>['cartLine']>;
type AddedCart = NonNullable<ReturnType<typeof payloadOf>['cart']>;

/** A product's page in the shop: choose a new license and add it to the cart. */
export default function ProductView() {
  const { productCode = '' } = useParams();
  const query = useRetryableQuery({ query: shopProductQuery, variables: { code: productCode } });
  return (
    <QueryContent query={query} what="the product">
      {({ product }) => (product ? <BuyProduct key={product.id} product={product} /> : <NotFoundPage />)}
    </QueryContent>
  );
}

function BuyProduct({ product }: { product: ShopProduct }) {
  const adding = useFormMutation(addNewLicenseToCartMutation, payloadOf);
  const [added, setAdded] = useState<{ line: Added; cart: AddedCart } | null>(null);
  const toast = useToast();

  return (
    <Page title={`Buy ${product.name}`}>
      <p>
        <Link to="/shop">Back to the shop</Link>
      </p>
      {product.description && <p className="lead">{product.description}</p>}
      {added ? (
        <AddedToCartPanel line={added.line} cart={added.cart} />
      ) : (
        <LicenseOptionsForm
          product={product}
          errors={adding.errors}
          submitting={adding.submitting}
          onSubmit={(choice, quantity) => {
            void adding.submit({ input: newLicenseInput(product, choice, quantity) }).then((payload) => {
              if (payload?.cartLine && payload.cart) {
                setAdded({ line: payload.cartLine, cart: payload.cart });
                toast.show(`Added to your cart: ${payload.cartLine.description}.`);
              }
            });
          }}
        />
      )}
    </Page>
  );
}
