import { useCallback, useEffect, useRef, useState } from 'react';

/** Where a PDF download stands. */
export type PdfDownload =
  | { step: 'idle' }
  /** The server prepares and sends it; the share received when the server says the size, else null. */
  | { step: 'preparing'; percent: number | null }
  | { step: 'saved'; fileName: string }
  | { step: 'failed'; message: string };

/** An invoice's PDF is saved under its number: INV-2026-000123.pdf. */
export function pdfFileName(invoiceNumber: string): string {
  return `${invoiceNumber}.pdf`;
}

/** How long the browser keeps the downloaded file's object URL (it copies the file on the click). */
const KEEP_OBJECT_URL_MS = 10_000;

class DownloadProblem extends Error {}

function problemOf(status: number): string {
  if (status === 401) return 'You are no longer signed in. Sign in again, then download the PDF.';
  if (status === 403 || status === 404) return 'The PDF of this invoice is not available to you.';
  return `The PDF could not be prepared (the server answered ${status}). Try again.`;
}

/** The response's body, reporting the share received as it arrives when the size is known. */
async function readPdf(response: Response, onProgress: (percent: number) => void): Promise<Blob> {
  const size = Number(response.headers.get('Content-Length'));
  const reader = response.body?.getReader();
  if (!reader || !(size > 0)) return response.blob();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    // a compressed transfer may count other bytes than the header says
    onProgress(Math.min(100, Math.round((received / size) * 100)));
  }
  return new Blob(chunks as BlobPart[], { type: 'application/pdf' });
}

/** Hands a file to the browser's downloads, as a link with a file name would. */
function saveFile(file: Blob, fileName: string): void {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => {
    URL.revokeObjectURL(url);
  }, KEEP_OBJECT_URL_MS);
}

/**
 * Downloads a PDF the API serves behind the session cookie: the file is read
 * with the cookie (a link could not say it is being prepared, or why it
 * failed), then saved under the given name. One download at a time.
 */
export function usePdfDownload() {
  const [state, setState] = useState<PdfDownload>({ step: 'idle' });
  const running = useRef<AbortController | null>(null);

  useEffect(
    () => () => {
      running.current?.abort();
    },
    [],
  );

  const download = useCallback(async (url: string, fileName: string) => {
    if (running.current) return;
    const controller = new AbortController();
    running.current = controller;
    setState({ step: 'preparing', percent: null });
    try {
      const response = await fetch(url, { credentials: 'same-origin', signal: controller.signal });
      if (!response.ok) throw new DownloadProblem(problemOf(response.status));
      // an address the server does not know answers with the app's page, not a PDF
      if (!(response.headers.get('Content-Type') ?? '').includes('application/pdf')) {
        throw new DownloadProblem('The server did not send a PDF. Try again later.');
      }
      const file = await readPdf(response, (percent) => {
        setState({ step: 'preparing', percent });
      });
      saveFile(file, fileName);
      setState({ step: 'saved', fileName });
    } catch (error) {
      if (controller.signal.aborted) return;
      setState({
        step: 'failed',
        message:
          error instanceof DownloadProblem
            ? error.message
            : 'The PDF could not be downloaded: the server could not be reached. Check your connection and try again.',
      });
    } finally {
      running.current = null;
    }
  }, []);

  return { state, download };
}
