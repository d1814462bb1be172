import { useEffect, useId, useRef, useState } from 'react';

interface NewSecretPanelProps {
  keyName: string;
  secret: string;
  onDone: () => void;
}

type CopyState = 'idle' | 'copied' | 'failed';

/**
 * The secret of a key just created, shown this once: a warning, the secret
 * ready to copy, and a button to close it. Focus moves here so the warning is
 * read first.
 */
export function NewSecretPanel({ keyName, secret, onDone }: NewSecretPanelProps) {
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
        it somewhere safe now. If it is lost, revoke the key and create a new one.
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
      <p>
        Send it as <code>Authorization: Bearer &lt;secret&gt;</code> with each request to the API.
      </p>
      <button type="button" className="button-secondary" onClick={onDone}>
        I have stored the secret
      </button>
    </section>
  );
}
