import { ErrorAlert } from '../../../components/ErrorAlert';
import type { PdfDownload } from '../pdf';

/** How a PDF download goes: a progress bar while it is prepared and sent, then that it is saved, or why it failed. */
export function PdfDownloadStatus({ state }: { state: PdfDownload }) {
  return (
    <>
      <div role="status" className="pdf-status">
        {state.step === 'preparing' && (
          <p>
            <label>
              Preparing PDF…{state.percent === null ? '' : ` ${state.percent}%`}{' '}
              <progress max={100} value={state.percent ?? undefined} />
            </label>
          </p>
        )}
        {state.step === 'saved' && <p>Downloaded {state.fileName}.</p>}
      </div>
      {state.step === 'failed' && <ErrorAlert message={state.message} />}
    </>
  );
}
