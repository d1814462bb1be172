import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { mockApi } from '../../../test/mockApi';
import { renderView } from '../../../test/render';
import { invoiceAnswer, SUMMARY } from '../testData';
import InvoiceView from './InvoiceView';

/** Download PDF on an invoice's page: the file is read with the session cookie, then saved under its number. */

interface Saved {
  href: string;
  download: string;
}

let saved: Saved[] = [];
let files: Blob[] = [];

beforeEach(() => {
  saved = [];
  files = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((file) => {
    files.push(file as Blob);
    return 'blob:invoice-pdf';
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ href: this.href, download: this.download });
  });
});

function renderPage() {
  const api = mockApi({ Invoice: invoiceAnswer(SUMMARY) });
  renderView(<InvoiceView />, { client: api.client, route: '/invoices/:invoiceId', path: `/invoices/${SUMMARY.id}` });
}

/** A PDF answer whose body the test sends piece by piece. */
function streamedPdf(size: number) {
  let sendTo: ReadableStreamDefaultController<Uint8Array> | undefined;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      sendTo = controller;
    },
  });
  const response = {
    ok: true,
    status: 200,
    headers: new Headers({ 'Content-Type': 'application/pdf', 'Content-Length': String(size) }),
    body,
  } as unknown as Response;
  return {
    response,
    send: (bytes: number[]) => sendTo?.enqueue(new Uint8Array(bytes)),
    end: () => sendTo?.close(),
  };
}

function downloadButton() {
  return within(screen.getByRole('group', { name: 'Invoice actions' })).getByRole('button', { name: /PDF/ });
}

describe('Download PDF', () => {
  it('shows the download’s progress, then saves the PDF named after the invoice', async () => {
    let answer: (response: Response) => void = () => undefined;
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockImplementation(
      () =>
        new Promise<Response>((resolve) => {
          answer = resolve;
        }),
    );
    renderPage();
    await userEvent.click(screen.getByRole('button', { name: 'Download PDF' }));

    expect(fetchSpy).toHaveBeenCalledWith(
      '/invoices/SW52b2ljZToz/pdf',
      expect.objectContaining({ credentials: 'same-origin' }),
    );
    expect(downloadButton()).toHaveTextContent('Preparing PDF…');
    expect(downloadButton()).toHaveAttribute('aria-disabled', 'true');
    const progress = screen.getByRole('progressbar', { name: /^Preparing PDF…/ });
    expect(progress).not.toHaveAttribute('value');
    // A second click while it is prepared asks for nothing more.
    await userEvent.click(downloadButton());
    expect(fetchSpy).toHaveBeenCalledTimes(1);

    const pdf = streamedPdf(10);
    answer(pdf.response);
    pdf.send([0x25, 0x50, 0x44, 0x46]); // %PDF
    await waitFor(() => {
      expect(screen.getByRole('progressbar', { name: 'Preparing PDF… 40%' })).toHaveAttribute('value', '40');
    });
    expect(saved).toEqual([]);

    pdf.send([0x2d, 0x31, 0x2e, 0x37, 0x0a, 0x0a]);
    pdf.end();
    await waitFor(() => {
      expect(saved).toEqual([{ href: 'blob:invoice-pdf', download: 'INV-2026-000003.pdf' }]);
    });
    expect(files.map((file) => [file.type, file.size])).toEqual([['application/pdf', 10]]);
    expect(await screen.findByText('Downloaded INV-2026-000003.pdf.')).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(downloadButton()).toHaveTextContent('Download PDF');
    expect(downloadButton()).toHaveAttribute('aria-disabled', 'false');
  });

  it.each<[string, () => Promise<Response>, string]>([
    [
      'the server fails',
      () => Promise.resolve({ ok: false, status: 500, headers: new Headers() } as Response),
      'The PDF could not be prepared (the server answered 500). Try again.',
    ],
    [
      'the answer is not a PDF',
      () =>
        Promise.resolve(new Response('<!doctype html>', { status: 200, headers: { 'Content-Type': 'text/html' } })),
      'The server did not send a PDF. Try again later.',
    ],
    [
      'the server cannot be reached',
      () => Promise.reject(new TypeError('Failed to fetch')),
      'The PDF could not be downloaded: the server could not be reached. Check your connection and try again.',
    ],
  ])('says so when %s, and can be tried again', async (_, fetchPdf, message) => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockImplementation(fetchPdf);
    renderPage();
    await userEvent.click(screen.getByRole('button', { name: 'Download PDF' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    expect(saved).toEqual([]);
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Download PDF' }));
    expect(fetchSpy).toHaveBeenCalledTimes(2);
  });
});
