import { useId, useState } from 'react';
import { describedBy, FieldMessages } from '../../../components/form/FieldMessages';

interface LicenseKeyFormProps {
  /** The key looked up last, to start from. */
  initial: string;
  onLookUp: (key: string) => void;
}

const HINT = 'The key of a license your account resold, e.g. 7KQ2MX-R9TP4H-…; any case, dashes optional.';
const EMPTY = 'Enter the license key.';

/** A license key to look up, with its Go button. */
export function LicenseKeyForm({ initial, onLookUp }: LicenseKeyFormProps) {
  const id = useId();
  const [key, setKey] = useState(initial);
  const [error, setError] = useState<string | undefined>(undefined);
  return (
    <form
      className="form"
      aria-label="Find a resold license"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const trimmed = key.trim();
        setError(trimmed ? undefined : EMPTY);
        if (trimmed) onLookUp(trimmed);
      }}
    >
      <div className={error ? 'field field--invalid' : 'field'}>
        <label htmlFor={id}>License key</label>
        <FieldMessages id={id} hint={HINT} error={error} />
        <div className="inline-controls">
          <input
            id={id}
            type="text"
            autoComplete="off"
            spellCheck={false}
            value={key}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy({ id, hint: HINT, error })}
            onChange={(event) => {
              setKey(event.target.value);
            }}
          />
          <button type="submit">Go</button>
        </div>
      </div>
    </form>
  );
}
