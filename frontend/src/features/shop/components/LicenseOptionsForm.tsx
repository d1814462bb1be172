import { useState } from 'react';
import { CheckboxField } from '../../../components/form/CheckboxField';
import { Form } from '../../../components/form/Form';
import { RadioGroupField } from '../../../components/form/RadioGroupField';
import { TextField } from '../../../components/form/TextField';
import { useClientChecks } from '../../../components/form/useClientChecks';
import { formatMoney } from '../../../lib/money';
import type { FormErrorState } from '../../../lib/userErrors';
import { MAX_QUANTITY, QUANTITY_PROBLEM, quantityOf } from '../../cart/quantity';
import {
  addonPriceOf,
  addonUnavailableReason,
  initialChoice,
  listPriceOf,
  withEditionAndTier,
  type LicenseChoice,
} from '../choices';
import type { ShopProduct } from '../queries';
import { ListPricePreview } from './ListPricePreview';

interface LicenseOptionsFormProps {
  product: ShopProduct;
  errors: FormErrorState;
  submitting: boolean;
  onSubmit: (choice: LicenseChoice, quantity: number) => void;
}

const FIELDS = ['editionCode', 'tier', 'addonCodes', 'quantity', 'assignToEmail', 'personal'];

/** The choices of a new license (edition, tier, add-ons, quantity, for whom) with its list price. */
export function LicenseOptionsForm({ product, errors: apiErrors, submitting, onSubmit }: LicenseOptionsFormProps) {
  const [choice, setChoice] = useState<LicenseChoice>(() => initialChoice(product));
  const { errors, check } = useClientChecks(apiErrors);
  const addonErrors = Object.entries(errors.fields)
    .filter(([name]) => name === 'addonCodes' || name.startsWith('addonCodes.'))
    .map(([, message]) => message);
  const editionName = product.editions.find((edition) => edition.code === choice.edition)?.name ?? '';

  return (
    <Form
      label={`Buy ${product.name}`}
      errors={errors}
      shownFields={[...FIELDS, ...Object.keys(errors.fields).filter((name) => name.startsWith('addonCodes.'))]}
      submitLabel="Add to cart"
      busyLabel="Adding…"
      busy={submitting}
      onSubmit={() => {
        const quantity = quantityOf(choice.quantity);
        if (check({ quantity: quantity === undefined ? QUANTITY_PROBLEM : undefined }) && quantity !== undefined) {
          onSubmit(choice, quantity);
        }
      }}
    >
      <RadioGroupField
        legend="Edition"
        value={choice.edition}
        error={errors.fields.editionCode}
        options={product.editions.map((edition) => ({
          value: edition.code,
          label: edition.name,
          hint: edition.description || undefined,
        }))}
        onChange={(edition) => {
          setChoice((current) => withEditionAndTier(product, current, edition, current.tier));
        }}
      />
      <RadioGroupField
        legend={`Tier (${product.unit})`}
        value={choice.tier}
        error={errors.fields.tier}
        options={product.tiers.map((tier) => {
          const price = listPriceOf(product, choice.edition, tier.code);
          return {
            value: tier.code,
            label: tier.name,
            hint: price && `List price ${formatMoney(price)}`,
            disabledReason: price ? undefined : `Not sold with ${editionName}.`,
          };
        })}
        onChange={(tier) => {
          setChoice((current) => withEditionAndTier(product, current, current.edition, tier));
        }}
      />
      {product.addons.length > 0 && (
        <fieldset className={addonErrors.length > 0 ? 'field--invalid' : undefined}>
          <legend>Add-ons</legend>
          <p className="field-hint">Each add-on is priced per year at the chosen tier and runs with the license’s M&amp;S.</p>
          {addonErrors.map((message) => (
            <p key={message} className="field-error">
              <span className="visually-hidden">Error: </span>
              {message}
            </p>
          ))}
          {product.addons.map((addon) => {
            const unavailable = addonUnavailableReason(product, addon, choice.edition, choice.tier);
            const price = addonPriceOf(addon, choice.tier);
            return (
              <CheckboxField
                key={addon.code}
                label={addon.name}
                checked={choice.addons.includes(addon.code)}
                disabled={unavailable !== undefined}
                hint={unavailable ?? [price && `${formatMoney(price)} a year.`, addon.description].filter(Boolean).join(' ')}
                onChange={(checked) => {
                  setChoice((current) => ({
                    ...current,
                    addons: checked
                      ? [...current.addons, addon.code]
                      : current.addons.filter((code) => code !== addon.code),
                  }));
                }}
              />
            );
          })}
        </fieldset>
      )}
      <TextField
        label="Quantity"
        type="number"
        inputMode="numeric"
        min={1}
        max={MAX_QUANTITY}
        step={1}
        hint={`How many licenses of this configuration, 1 to ${MAX_QUANTITY}.`}
        value={choice.quantity}
        error={errors.fields.quantity}
        onChange={(quantity) => {
          setChoice((current) => ({ ...current, quantity }));
        }}
      />
      <fieldset>
        <legend>Who the licenses are for</legend>
        <p className="field-hint">
          Leave both empty to assign the licenses later, from the Licenses page.
        </p>
        <TextField
          label="Assign to customer email"
          type="email"
          autoComplete="off"
          optional
          disabled={choice.personal}
          hint={
            choice.personal
              ? 'Licenses for your own use are not assigned to a customer.'
              : 'The customer these licenses are for: they are assigned to this email at checkout, for good, and the customer gets an email with the keys (a new customer also gets an account and a link to choose a password).'
          }
          value={choice.assignToEmail}
          error={errors.fields.assignToEmail}
          onChange={(assignToEmail) => {
            setChoice((current) => ({ ...current, assignToEmail }));
          }}
        />
        <CheckboxField
          label="For our own use (personal)"
          hint="Licenses your company runs itself, not for resale."
          checked={choice.personal}
          error={errors.fields.personal}
          onChange={(personal) => {
            setChoice((current) => ({ ...current, personal, assignToEmail: personal ? '' : current.assignToEmail }));
          }}
        />
      </fieldset>
      <ListPricePreview product={product} choice={choice} />
    </Form>
  );
}
