import { useId, useState } from 'react';
import { describedBy, FieldMessages } from '../../../components/form/FieldMessages';

interface QuantityFormProps {
  /** What the quantity is of, read out with the field and the button. */
  subject: string;
  quantity: number;
  busy: boolean;
  error?: string | undefined;
  onUpdate: (typed: string) => void;
}

/** A cart line's quantity, changed in place with its own Update button. */
export function QuantityForm({ subject, quantity, busy, error, onUpdate }: QuantityFormProps) {
  const id = useId();
  const [typed, setTyped] = useState(String(quantity));
  return (
    <form
      className={error ? 'quantity-form field--invalid' : 'quantity-form'}
      aria-label={`Quantity of ${subject}`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!busy) onUpdate(typed);
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        Quantity of {subject}
      </label>
      <div className="inline-controls">
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={1}
          max={100}
          step={1}
          value={typed}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy({ id, error })}
          onChange={(event) => {
            setTyped(event.target.value);
          }}
        />
        <button
          type="submit"
          className="button-secondary"
          aria-disabled={busy}
          onClick={(event) => {
            if (busy) event.preventDefault();
          }}
        >
          {busy ? 'Updating…' : 'Update'}
          <span className="visually-hidden"> quantity of {subject}</span>
        </button>
      </div>
      <FieldMessages id={id} error={error} />
    </form>
  );
}
