import { Page } from '../../../components/Page';
import { QueryContent } from '../../../components/QueryContent';
import { useRetryableQuery } from '../../../lib/useRetryableQuery';
import { ProductCatalogEntry } from '../components/ProductCatalogEntry';
import { shopCatalogQuery } from '../queries';

/** The Shop page: the catalog with list prices per edition and seat tier. */
export default function ShopView() {
  const query = useRetryableQuery({ query: shopCatalogQuery });

  return (
    <Page title="Shop">
      <p className="lead">
        List prices per edition and seat tier. Your reseller discount is applied at checkout.
      </p>
      <QueryContent query={query} what="the catalog">
        {({ products }) =>
          products.length === 0 ? (
            <p>The catalog is empty.</p>
          ) : (
            products.map((product) => <ProductCatalogEntry key={product.id} product={product} />)
          )
        }
      </QueryContent>
    </Page>
  );
}
