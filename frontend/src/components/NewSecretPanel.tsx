import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

interface NewSecretPanelProps {
  /** What the secret belongs to: an API key's name, a webhook endpoint's URL. */
  keyName: string;
  secret: string;
  /** What to do with the secret, and what to do if it is lost. */
  usage: ReactNode;
  lost: string;
  onDone: () => void;
}

type CopyState = 'idle' | 'copied' | 'failed';

/**
 * A secret just made (an API key's, a webhook endpoint's), shown this once: a warning, the secret
 * ready to copy, and a button to close it. Focus moves here so the warning is
 * read first.
 */
export function NewSecretPanel({ keyName, secret, usage, lost, onDone }: NewSecretPanelProps) {
  const headingId = useId();
  const secretId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [copy, setCopy] = useState<CopyState>('idle');

  useEffect(() => {
    heading.current?.focus();
  }, []);

  return (
    <section className="panel secret-panel" aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        Copy the secret of “{keyName}” now
      </h2>
      <p className="warning">
        <strong>This is the only time the secret is shown.</strong> It cannot be shown again: store
        it somewhere safe now. {lost}
      </p>
      <label htmlFor={secretId}>Secret</label>
      <div className="inline-controls">
        <input
          id={secretId}
          className="secret"
          readOnly
          value={secret}
          onFocus={(event) => {
            event.target.select();
          }}
        />
        <button
          type="button"
          onClick={() => {
            navigator.clipboard.writeText(secret).then(
              () => {
                setCopy('copied');
              },
              () => {
                setCopy('failed');
              },
            );
          }}
        >
          Copy
        </button>
      </div>
      <p role="status" className="status">
        {copy === 'copied' && 'Copied to the clipboard.'}
        {copy === 'failed' && 'Copying failed: select the secret and copy it yourself.'}
      </p>
      <p>{usage}</p>
      <button type="button" className="button-secondary" onClick={onDone}>
        I have stored the secret
      </button>
    </section>
  );
}
