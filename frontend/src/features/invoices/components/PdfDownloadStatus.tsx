import { DownloadStatus } from '../../../components/DownloadButton';
import type { PdfDownload } from '../pdf';

/** How a PDF download goes: a progress bar while it is prepared and sent, then that it is saved, or why it failed. */
export function PdfDownloadStatus({ state }: { state: PdfDownload }) {
  return <DownloadStatus state={state} name="PDF" />;
}
