import { useId, useState } from 'react';
import { describedBy, FieldMessages } from '../../../components/form/FieldMessages';
import { formatYears } from '../../../lib/labels';
import { MAINTENANCE_YEARS } from '../../licenses/modifications';

interface YearsFormProps {
  /** The license the M&S is for, read out with the field and the button. */
  licenseKey: string;
  years: number;
  busy: boolean;
  error?: string | undefined;
  onUpdate: (years: number) => void;
}

/** An M&S line's years, changed in place with its own Update button, as a new-license line's quantity. */
export function YearsForm({ licenseKey, years, busy, error, onUpdate }: YearsFormProps) {
  const id = useId();
  const [chosen, setChosen] = useState(years);
  const label = `Years of M&S for ${licenseKey}`;
  return (
    <form
      className={error ? 'quantity-form field--invalid' : 'quantity-form'}
      aria-label={label}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!busy) onUpdate(chosen);
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <div className="inline-controls">
        <select
          id={id}
          value={chosen}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy({ id, error })}
          onChange={(event) => {
            setChosen(Number(event.target.value));
          }}
        >
          {MAINTENANCE_YEARS.map((option) => (
            <option key={option} value={option}>
              {formatYears(option)}
            </option>
          ))}
        </select>
        <button
          type="submit"
          className="button-secondary"
          aria-disabled={busy}
          onClick={(event) => {
            if (busy) event.preventDefault();
          }}
        >
          {busy ? 'Updating…' : 'Update'}
          <span className="visually-hidden"> years of M&amp;S for {licenseKey}</span>
        </button>
      </div>
      <FieldMessages id={id} error={error} />
    </form>
  );
}
