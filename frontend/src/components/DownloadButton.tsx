import { useEffect, type ReactNode } from 'react';
import { useFileDownload, type FileDownload, type FileKind } from '../lib/useFileDownload';
import { ErrorAlert } from './ErrorAlert';
import { useToastOrNull } from './Toast';

interface DownloadStatusProps {
  state: FileDownload;
  /** The kind of file: "Preparing PDF…". */
  name: string;
}

/**
 * How a download goes: a progress bar while the file is prepared and sent,
 * then that it is saved (a toast in the app), or why it failed.
 */
export function DownloadStatus({ state, name }: DownloadStatusProps) {
  const toasts = useToastOrNull();
  const saved = state.step === 'saved' ? `Downloaded ${state.fileName}.` : null;
  useEffect(() => {
    if (saved !== null) toasts?.show(saved);
  }, [toasts, saved]);
  return (
    <>
      <div role="status" className="download-status">
        {state.step === 'preparing' && (
          <p>
            <label>
              Preparing {name}…{state.percent === null ? '' : ` ${state.percent}%`}{' '}
              <progress max={100} value={state.percent ?? undefined} />
            </label>
          </p>
        )}
        {saved !== null && !toasts && <p>{saved}</p>}
      </div>
      {state.step === 'failed' && <ErrorAlert message={state.message} />}
    </>
  );
}

interface DownloadButtonProps {
  /** The file's address on this server (read with the session cookie). */
  href: string;
  kind: FileKind;
  /** The name to save it under; else the one the server gives. */
  fileName?: string;
  /** The button's text, e.g. "Download CSV"; more words for screen readers may follow in a visually hidden span. */
  children: ReactNode;
  className?: string;
}

/**
 * A button that downloads a file and shows how it goes: while the server
 * prepares it the button says so (and does nothing more), a progress bar
 * follows the transfer, and a failure says why.
 */
export function DownloadButton({ href, kind, fileName, children, className = 'button-secondary' }: DownloadButtonProps) {
  const { state, download } = useFileDownload(kind);
  const preparing = state.step === 'preparing';
  return (
    <div className="download">
      <button
        type="button"
        className={className}
        aria-disabled={preparing}
        onClick={() => {
          if (!preparing) void download(href, fileName);
        }}
      >
        {preparing ? `Preparing ${kind.name}…` : children}
      </button>
      <DownloadStatus state={state} name={kind.name} />
    </div>
  );
}
