import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CSV_FILE } from '../lib/useFileDownload';
import { DownloadButton } from './DownloadButton';
import { ToastProvider } from './Toast';

/** A download button for a CSV export: read with the cookie, saved under the server's file name, a toast when done. */

let saved: string[] = [];

beforeEach(() => {
  saved = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:customers');
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push(this.download);
  });
});

function renderButton() {
  render(
    <ToastProvider>
      <DownloadButton href="/exports/customers.csv?search=ana" kind={CSV_FILE}>
        Download CSV
      </DownloadButton>
    </ToastProvider>,
  );
}

describe('DownloadButton', () => {
  it('saves the file under the name the server gives, and says so in a toast', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockResolvedValue(
      new Response('email,name\r\n', {
        status: 200,
        headers: {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': 'attachment; filename="customers-2026-11-27.csv"',
        },
      }),
    );
    renderButton();
    await userEvent.click(screen.getByRole('button', { name: 'Download CSV' }));

    expect(fetchSpy).toHaveBeenCalledWith(
      '/exports/customers.csv?search=ana',
      expect.objectContaining({ credentials: 'same-origin' }),
    );
    expect(await screen.findByText('Downloaded customers-2026-11-27.csv.')).toBeInTheDocument();
    expect(saved).toEqual(['customers-2026-11-27.csv']);
  });

  it('says why it failed', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('Sign in first.', { status: 401 }));
    renderButton();
    await userEvent.click(screen.getByRole('button', { name: 'Download CSV' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'You are no longer signed in. Sign in again, then download the CSV file.',
    );
    expect(saved).toEqual([]);
  });
});
