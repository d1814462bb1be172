import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SuccessMessage } from './SuccessMessage';
import { TOAST_DURATION_MS, ToastProvider, useToast } from './Toast';

function Saver() {
  const toast = useToast();
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        onClick={() => {
          toast.show('Key revoked.');
        }}
      >
        Revoke
      </button>
      <button
        type="button"
        onClick={() => {
          setSaved('Company details saved.');
        }}
      >
        Save
      </button>
      <SuccessMessage message={saved} />
    </>
  );
}

function renderApp() {
  return render(
    <ToastProvider>
      <Saver />
    </ToastProvider>,
  );
}

afterEach(() => {
  vi.useRealTimers();
});

describe('Toasts', () => {
  it('shows a completed action in the polite status region, and a success message as a toast', async () => {
    const user = userEvent.setup();
    renderApp();
    const region = screen.getByRole('status');
    expect(region).toHaveAttribute('aria-live', 'polite');
    expect(region).toBeEmptyDOMElement();

    await user.click(screen.getByRole('button', { name: 'Revoke' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(region).toHaveTextContent('Key revoked.');
    expect(region).toHaveTextContent('Company details saved.');
    expect(screen.getAllByRole('button', { name: 'Dismiss message' })).toHaveLength(2);
  });

  it('closes a toast with its button', async () => {
    const user = userEvent.setup();
    renderApp();
    await user.click(screen.getByRole('button', { name: 'Revoke' }));
    await user.click(screen.getByRole('button', { name: 'Dismiss message' }));
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });

  it('goes by itself after a few seconds, but not while the pointer is on it', () => {
    vi.useFakeTimers();
    renderApp();
    act(() => {
      screen.getByRole('button', { name: 'Revoke' }).click();
    });
    const region = screen.getByRole('status');

    act(() => {
      region.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    });
    act(() => {
      vi.advanceTimersByTime(TOAST_DURATION_MS * 2);
    });
    expect(region).toHaveTextContent('Key revoked.');

    act(() => {
      region.dispatchEvent(new MouseEvent('mouseout', { bubbles: true }));
    });
    act(() => {
      vi.advanceTimersByTime(TOAST_DURATION_MS);
    });
    expect(region).toBeEmptyDOMElement();
  });

  it('shows the same message once, however often it is shown while visible', async () => {
    const user = userEvent.setup();
    renderApp();
    await user.click(screen.getByRole('button', { name: 'Revoke' }));
    await user.click(screen.getByRole('button', { name: 'Revoke' }));
    expect(screen.getAllByText('Key revoked.')).toHaveLength(1);
  });
});
