import { useState } from 'react';

interface CopyButtonProps {
  /** What is copied. */
  text: string;
  /** The button's text, e.g. "Copy key". */
  label: string;
}

type Outcome = 'copied' | 'failed' | null;

/** Copies a text to the clipboard and says whether it worked. */
export function CopyButton({ text, label }: CopyButtonProps) {
  const [outcome, setOutcome] = useState<Outcome>(null);
  return (
    <span className="inline-controls">
      <button
        type="button"
        className="button-secondary"
        onClick={() => {
          setOutcome(null);
          // Through a promise: without a clipboard (an insecure address) the call throws at once.
          Promise.resolve()
            .then(() => navigator.clipboard.writeText(text))
            .then(
            () => {
              setOutcome('copied');
            },
            () => {
              setOutcome('failed');
            },
          );
        }}
      >
        {label}
      </button>
      <span role="status" className="status">
        {outcome === 'copied' && 'Copied.'}
        {outcome === 'failed' && 'Could not copy: select the text and copy it yourself.'}
      </span>
    </span>
  );
}
