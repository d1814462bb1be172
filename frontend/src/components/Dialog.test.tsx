import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { Dialog } from './Dialog';

function Harness() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        onClick={() => {
          setOpen(true);
        }}
      >
        Open
      </button>
      <Dialog
        title="Assign license"
        open={open}
        onClose={() => {
          setOpen(false);
        }}
      >
        <label>
          Email <input />
        </label>
      </Dialog>
    </>
  );
}

describe('Dialog', () => {
  it('opens named by its title and closes with Escape, focus back on the opener', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const opener = screen.getByRole('button', { name: 'Open' });

    await user.click(opener);
    expect(screen.getByRole('dialog', { name: 'Assign license' })).toBeInTheDocument();

    await user.click(screen.getByLabelText('Email'));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(opener).toHaveFocus();
  });

  it('closes with its close button', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.click(screen.getByRole('button', { name: 'Open' }));
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('keeps Tab inside: from its last control to its first, and Shift+Tab back', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.click(screen.getByRole('button', { name: 'Open' }));
    const close = screen.getByRole('button', { name: 'Close' });
    const email = screen.getByLabelText('Email');

    await user.click(email);
    await user.tab();
    expect(close).toHaveFocus();
    await user.tab({ shift: true });
    expect(email).toHaveFocus();
  });
});
