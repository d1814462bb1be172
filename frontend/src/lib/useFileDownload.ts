import { useCallback, useEffect, useRef, useState } from 'react';

/** Where a file download stands. */
export type FileDownload =
  | { step: 'idle' }
  /** The server prepares and sends it; the share received when the server says the size, else null. */
  | { step: 'preparing'; percent: number | null }
  | { step: 'saved'; fileName: string }
  | { step: 'failed'; message: string };

/** What is downloaded, as the messages name it and as the server must send it. */
export interface FileKind {
  /** The kind of file, as in "the PDF", "a CSV file": `PDF`, `CSV file`. */
  name: string;
  /** The answer's Content-Type starts with this, e.g. `application/pdf`, `text/csv`. */
  contentType: string;
  /** Why a 403 or 404 answer, e.g. "The PDF of this invoice is not available to you." */
  notAvailable: string;
}

/** A CSV export, such as the customers list. */
export const CSV_FILE: FileKind = {
  name: 'CSV file',
  contentType: 'text/csv',
  notAvailable: 'This list is not available to you.',
};

/** How long the browser keeps the downloaded file's object URL (it copies the file on the click). */
const KEEP_OBJECT_URL_MS = 10_000;

class DownloadProblem extends Error {}

function problemOf(status: number, kind: FileKind): string {
  if (status === 401) return `You are no longer signed in. Sign in again, then download the ${kind.name}.`;
  if (status === 403 || status === 404) return kind.notAvailable;
  return `The ${kind.name} could not be prepared (the server answered ${status}). Try again.`;
}

/** The file name the server gives in Content-Disposition, if any. */
export function fileNameOf(response: Response): string | null {
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const match = /filename="?([^";]+)"?/i.exec(disposition);
  return match?.[1] ?? null;
}

/** The response's body, reporting the share received as it arrives when the size is known. */
async function readFile(response: Response, type: string, onProgress: (percent: number) => void): Promise<Blob> {
  const size = Number(response.headers.get('Content-Length'));
  // a streamed file (the CSV export) has no size: nothing to count against, read it whole
  // (before taking a reader, which would lock the body)
  if (!(size > 0) || !response.body) return response.blob();
  const reader = response.body.getReader();
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
  return new Blob(chunks as BlobPart[], { type });
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
 * Downloads a file the server serves behind the session cookie (an invoice's
 * PDF, the customers CSV): the file is read with the cookie (a link could not
 * say it is being prepared, or why it failed), then saved under the given
 * name, else the one the server gives. One download at a time.
 */
export function useFileDownload(kind: FileKind) {
  const [state, setState] = useState<FileDownload>({ step: 'idle' });
  const running = useRef<AbortController | null>(null);
  const kindRef = useRef(kind);
  useEffect(() => {
    kindRef.current = kind;
  });

  useEffect(
    () => () => {
      running.current?.abort();
    },
    [],
  );

  const download = useCallback(async (url: string, fileName?: string) => {
    if (running.current) return;
    const controller = new AbortController();
    running.current = controller;
    const current = kindRef.current;
    setState({ step: 'preparing', percent: null });
    try {
      const response = await fetch(url, { credentials: 'same-origin', signal: controller.signal });
      if (!response.ok) throw new DownloadProblem(problemOf(response.status, current));
      // an address the server does not know answers with the app's page, not the file
      if (!(response.headers.get('Content-Type') ?? '').includes(current.contentType)) {
        throw new DownloadProblem(`The server did not send a ${current.name}. Try again later.`);
      }
      const file = await readFile(response, current.contentType, (percent) => {
        setState({ step: 'preparing', percent });
      });
      const name = fileName ?? fileNameOf(response) ?? new URL(url, window.location.href).pathname.split('/').pop() ?? 'download';
      saveFile(file, name);
      setState({ step: 'saved', fileName: name });
    } catch (error) {
      if (controller.signal.aborted) return;
      setState({
        step: 'failed',
        message:
          error instanceof DownloadProblem
            ? error.message
            : `The ${current.name} could not be downloaded: the server could not be reached. Check your connection and try again.`,
      });
    } finally {
      running.current = null;
    }
  }, []);

  return { state, download };
}
