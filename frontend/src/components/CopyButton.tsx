import { useState } from 'react';

interface CopyButtonProps {
  /** What is copied. */
  text: string;
  /** The button's text, e.g. "Copy key". */
  label?: string;
  /** What is copied, read out after the label ("Copy ABC123-…"): tells apart several buttons, as in a table. */
  subject?: string;
  /**
   * Tells the caller whether copying worked, for one message about several
   * buttons; without it the button says so itself, beside it.
   */
  onCopied?: (copied: boolean) => void;
}

type Outcome = 'copied' | 'failed' | null;

/** Copies a text to the clipboard and says whether it worked. */
export function CopyButton({ text, label = 'Copy', subject, onCopied }: CopyButtonProps) {
  const [outcome, setOutcome] = useState<Outcome>(null);
  const report = (copied: boolean) => {
    if (onCopied) onCopied(copied);
    else setOutcome(copied ? 'copied' : 'failed');
  };
  const button = (
    <button
      type="button"
      className="button-secondary"
      onClick={() => {
        setOutcome(null);
        // Through a promise: without a clipboard (a page not served securely) the call throws at once.
        Promise.resolve()
          .then(() => navigator.clipboard.writeText(text))
          .then(
            () => {
              report(true);
            },
            () => {
              report(false);
            },
          );
      }}
    >
      {label}
      {subject && <span className="visually-hidden"> {subject}</span>}
    </button>
  );
  if (onCopied) return button;
  return (
    <span className="inline-controls">
      {button}
      <span role="status" className="status">
        {outcome === 'copied' && 'Copied.'}
        {outcome === 'failed' && 'Could not copy: select the text and copy it yourself.'}
      </span>
    </span>
  );
}
