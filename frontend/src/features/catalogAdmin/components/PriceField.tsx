import { useId, useState } from 'react';
import { describedBy, FieldMessages } from '../../../components/form/FieldMessages';
import { FormErrors } from '../../../components/form/FormErrors';
import { useClientChecks } from '../../../components/form/useClientChecks';
import type { Money } from '../../../lib/money';
import { NO_ERRORS, type FormErrorState } from '../../../lib/userErrors';
import { priceProblem } from '../prices';

interface PriceFieldProps {
  /** The price's name for people, e.g. "Professional, 250 mailboxes list price". */
  label: string;
  /** The current price, or undefined where the combination is not offered. */
  price: Money | undefined;
  /** Sends the new amount; resolves to the API's user errors (none when it was saved). */
  onSave: (amount: string) => Promise<FormErrorState>;
}

const SHOWN_FIELDS = ['price'];

/**
 * A table cell with one price to edit in place and its own Save button. The
 * row and column headers say what it prices; the label says it again for
 * screen readers. A problem with the amount is shown on the field.
 */
export function PriceField({ label, price, onSave }: PriceFieldProps) {
  const id = useId();
  const [value, setValue] = useState(price?.amount ?? '');
  const [saving, setSaving] = useState(false);
  const [apiErrors, setApiErrors] = useState<FormErrorState>(NO_ERRORS);
  const { errors, check } = useClientChecks(apiErrors);
  const error = errors.fields.price;
  const hint = price === undefined ? 'Not offered' : undefined;

  return (
    <td className="price">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (saving) return;
          const amount = value.trim();
          if (!check({ price: priceProblem(amount) })) return;
          setSaving(true);
          setApiErrors(NO_ERRORS);
          void onSave(amount).then((found) => {
            setApiErrors(found);
            setSaving(false);
          });
        }}
      >
        <FormErrors errors={errors} shownFields={SHOWN_FIELDS} />
        <div className={error ? 'field field--invalid' : 'field'}>
          <label htmlFor={id} className="visually-hidden">
            {label}
          </label>
          <FieldMessages id={id} hint={hint} error={error} />
          <div className="row-actions">
            <input
              id={id}
              inputMode="decimal"
              autoComplete="off"
              value={value}
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy({ id, hint, error })}
              onChange={(event) => {
                setValue(event.target.value);
              }}
            />
            <button
              type="submit"
              aria-disabled={saving}
              onClick={(event) => {
                if (saving) event.preventDefault();
              }}
            >
              {saving ? 'Saving…' : 'Save'}
              <span className="visually-hidden"> {label}</span>
            </button>
          </div>
        </div>
      </form>
    </td>
  );
}
