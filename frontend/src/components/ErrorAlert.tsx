interface ErrorAlertProps {
  message: string;
  onRetry?: () => void;
  /** True while the retry is in flight: the button stays focusable but does nothing. */
  retrying?: boolean;
}

/** An assertive message that something failed, with an optional Retry button. */
export function ErrorAlert({ message, onRetry, retrying = false }: ErrorAlertProps) {
  return (
    <div role="alert" className="alert">
      <p>{message}</p>
      {onRetry && (
        <button
          type="button"
          aria-disabled={retrying}
          onClick={() => {
            if (!retrying) onRetry();
          }}
        >
          {retrying ? 'Retrying…' : 'Retry'}
        </button>
      )}
    </div>
  );
}
