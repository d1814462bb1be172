import { useQuery } from 'urql';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingStatus } from '../../../components/LoadingStatus';
import { Page } from '../../../components/Page';
import { ProductCatalogEntry } from '../components/ProductCatalogEntry';
import { shopCatalogQuery } from '../queries';

/** The Shop page: the catalog with list prices per edition and seat tier. */
export default function ShopView() {
  const [{ data, error, fetching }, reexecuteQuery] = useQuery({ query: shopCatalogQuery });

  let content;
  if (data) {
    content =
      data.products.length === 0 ? (
        <p>The catalog is empty.</p>
      ) : (
        data.products.map((product) => <ProductCatalogEntry key={product.id} product={product} />)
      );
  } else if (error) {
    content = (
      <ErrorAlert
        message={`The catalog could not be loaded: ${error.message}`}
        retrying={fetching}
        onRetry={() => {
          reexecuteQuery({ requestPolicy: 'network-only' });
        }}
      />
    );
  } else {
    content = <LoadingStatus label="Loading catalog…" />;
  }

  return (
    <Page title="Shop">
      <p className="lead">
        List prices per edition and seat tier. Your reseller discount is applied at checkout.
      </p>
      {content}
    </Page>
  );
}
