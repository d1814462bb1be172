import { RadioGroupField } from '../../../components/form/RadioGroupField';
import { formatMoney } from '../../../lib/money';
import { editionsOffered, listPriceOf, tiersOffered, withEdition, type UpgradeChoice } from '../modifications';
import type { ModificationProduct, Quote } from '../modificationQueries';
import { LicenseNameAndKey, ModificationDialog, type ModificationDialogProps } from './ModificationDialog';
import { QuotePreview } from './QuotePreview';

const FIELDS = ['editionCode', 'tier'];

interface UpgradeDialogProps extends ModificationDialogProps {
  product: ModificationProduct;
  choice: UpgradeChoice;
  onChange: (choice: UpgradeChoice) => void;
  /** The server's quote of the choice; undefined while nothing is chosen or it is on its way. */
  quote: Quote | undefined;
  quoting: boolean;
}

const current = (name: string) => `${name} (current)`;

/** Upgrade a license to a higher edition and/or a larger tier, with the server's price of it. */
export function UpgradeDialog({ license, product, choice, onChange, quote, quoting, ...form }: UpgradeDialogProps) {
  const editionName = product.editions.find((edition) => edition.code === choice.edition)?.name ?? choice.edition;
  const unchanged = choice.edition === license.edition.code && choice.tier === license.tier.code;
  return (
    <ModificationDialog
      title="Upgrade license"
      {...form}
      intro={
        <>
          <LicenseNameAndKey license={license} />. Choose a higher edition, a larger tier, or both: you pay the
          difference in list price, and the license’s installations activate again to get the change.
        </>
      }
      shownFields={FIELDS}
    >
      <RadioGroupField
        legend="Edition"
        value={choice.edition}
        error={form.errors.fields.editionCode}
        options={editionsOffered(product, license).map((edition) => ({
          value: edition.code,
          label: edition.code === license.edition.code ? current(edition.name) : edition.name,
        }))}
        onChange={(edition) => {
          onChange(withEdition(product, license, choice, edition));
        }}
      />
      <RadioGroupField
        legend={`Tier (${product.unit})`}
        value={choice.tier}
        error={form.errors.fields.tier}
        options={tiersOffered(product, license).map((tier) => {
          const price = listPriceOf(product, choice.edition, tier.code);
          return {
            value: tier.code,
            label: tier.code === license.tier.code ? current(tier.name) : tier.name,
            hint: price && `List price ${formatMoney(price)}`,
            disabledReason: price ? undefined : `Not sold with ${editionName}.`,
          };
        })}
        onChange={(tier) => {
          onChange({ ...choice, tier });
        }}
      />
      <QuotePreview
        price={quote?.price}
        description={quote?.description}
        note={
          unchanged
            ? 'Choose a higher edition or a larger tier.'
            : quoting
              ? 'Calculating…'
              : 'This upgrade cannot be bought: see above.'
        }
      />
    </ModificationDialog>
  );
}
