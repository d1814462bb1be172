import { useCallback, useState } from 'react';
import { useMutation } from 'urql';
import { Page } from '../../../components/Page';
import { Panel } from '../../../components/Panel';
import { QueryContent } from '../../../components/QueryContent';
import { SuccessMessage } from '../../../components/SuccessMessage';
import type { UpdateMaintenancePolicyMutation } from '../../../gql/graphql';
import { describeError } from '../../../lib/errors';
import { useFormMutation } from '../../../lib/useFormMutation';
import { useRetryableQuery } from '../../../lib/useRetryableQuery';
import { groupUserErrors, hasErrors, type FormErrorState } from '../../../lib/userErrors';
import { MaintenancePolicyForm } from '../components/MaintenancePolicyForm';
import { ProductPrices } from '../components/ProductPrices';
import type { PriceTarget } from '../prices';
import { catalogAdminQuery, updateCatalogPriceMutation, updateMaintenancePolicyMutation } from '../queries';
import '../catalogAdmin.css';

const policyPayloadOf = (data: UpdateMaintenancePolicyMutation) => data.updateMaintenancePolicy;

/**
 * The vendor's catalog: every list price and add-on price, each saved on its
 * own, and the Maintenance & Support policy. A change applies to purchases
 * from then on.
 */
export default function CatalogAdminView() {
  const query = useRetryableQuery({ query: catalogAdminQuery });
  const [, executeUpdatePrice] = useMutation(updateCatalogPriceMutation);
  const policy = useFormMutation(updateMaintenancePolicyMutation, policyPayloadOf);
  const [message, setMessage] = useState<string | null>(null);

  const savePrice = useCallback(
    async (target: PriceTarget, amount: string): Promise<FormErrorState> => {
      setMessage(null);
      const { productCode, editionCode, addonCode, tier } = target;
      const result = await executeUpdatePrice({
        input: { productCode, editionCode, addonCode, tier, price: amount },
      });
      if (result.error) return { general: [describeError(result.error)], fields: {} };
      if (!result.data) return { general: ['The server sent no answer. Try again.'], fields: {} };
      const found = groupUserErrors(result.data.updateCatalogPrice.userErrors);
      if (!hasErrors(found)) {
        setMessage(`${target.productName}: ${target.label} saved.`);
      }
      return found;
    },
    [executeUpdatePrice],
  );

  return (
    <Page title="Catalog">
      <p className="lead">
        List prices per edition and seat tier, add-on prices per tier, and the Maintenance &amp; Support terms.
        A change applies to purchases from then on; orders already placed keep their prices.
      </p>
      <SuccessMessage message={message} />
      <QueryContent query={query} what="the catalog">
        {({ products, maintenancePolicy }) => (
          <>
            {products.length === 0 ? (
              <p>The catalog is empty.</p>
            ) : (
              products.map((product) => <ProductPrices key={product.id} product={product} onSave={savePrice} />)
            )}
            <Panel title="Maintenance & Support policy">
              <MaintenancePolicyForm
                policy={maintenancePolicy}
                errors={policy.errors}
                submitting={policy.submitting}
                onSubmit={(input) => {
                  setMessage(null);
                  void policy.submit({ input }).then((payload) => {
                    if (payload) setMessage('The Maintenance & Support policy was saved.');
                  });
                }}
              />
            </Panel>
          </>
        )}
      </QueryContent>
    </Page>
  );
}
