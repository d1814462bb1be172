interface CopyButtonProps {
  text: string;
  /** The button's text. */
  label?: string;
  /** What is copied, read out after the label: "Copy ABC123-…". */
  subject?: string;
  onCopied: (copied: boolean) => void;
}

/** Copies a text to the clipboard and tells whether it worked. */
export function CopyButton({ text, label = 'Copy', subject, onCopied }: CopyButtonProps) {
  return (
    <button
      type="button"
      className="button-secondary"
      onClick={() => {
        // Through a promise: where there is no clipboard (a page not served securely) the call throws.
        Promise.resolve()
          .then(() => navigator.clipboard.writeText(text))
          .then(
            () => {
              onCopied(true);
            },
            () => {
              onCopied(false);
            },
          );
      }}
    >
      {label}
      {subject && <span className="visually-hidden"> {subject}</span>}
    </button>
  );
}
