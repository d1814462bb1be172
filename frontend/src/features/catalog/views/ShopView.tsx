import { Page } from '../../../components/Page';
import { QueryContent } from '../../../components/QueryContent';
import { useRetryableQuery } from '../../../lib/useRetryableQuery';
import { hasPermission } from '../../../session/access';
import { useViewer } from '../../../session/ViewerContext';
import { ProductCatalogEntry } from '../components/ProductCatalogEntry';
import { shopCatalogQuery } from '../queries';

/** The Shop page: the catalog with list prices per edition and seat tier, each product to buy. */
export default function ShopView() {
  const canBuy = hasPermission(useViewer(), 'SHOP');
  const query = useRetryableQuery({ query: shopCatalogQuery });

  return (
    <Page title="Shop">
      <p className="lead">
        {canBuy
          ? 'List prices per edition and seat tier; your reseller discount is applied in the cart. Choose Buy to configure a license.'
          : 'List prices per edition and seat tier.'}
      </p>
      <QueryContent query={query} what="the catalog">
        {({ products }) =>
          products.length === 0 ? (
            <p>The catalog is empty.</p>
          ) : (
            products.map((product) => <ProductCatalogEntry key={product.id} product={product} canBuy={canBuy} />)
          )
        }
      </QueryContent>
    </Page>
  );
}
