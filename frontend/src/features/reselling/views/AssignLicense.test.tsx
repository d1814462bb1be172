import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockApi, type Answer } from '../../../test/mockApi';
import { renderView } from '../../../test/render';
import {
  assigned,
  CASEY,
  customersPage,
  MAIL,
  MAIL_KEY,
  refused,
  TRACK,
  TRACK_KEY,
  unassignedPage,
} from '../testData';
import ResellingView from './ResellingView';

/** The Assign Product dialog's steps, opened on the Reselling page as people open it. */

function renderPage(assign: Answer | Answer[]) {
  const api = mockApi({
    UnassignedLicenses: unassignedPage([MAIL, TRACK]),
    ResellerCustomers: customersPage([CASEY]),
    AssignLicense: assign,
  });
  renderView(<ResellingView />, { client: api.client, route: '/reselling' });
  return api;
}

function dialog() {
  return screen.getByRole('dialog', { name: 'Assign license' });
}

async function openFromRow(key: string) {
  await userEvent.click(screen.getByRole('button', { name: `Assign license ${key}` }));
  return dialog();
}

async function fillCustomer(email: string, name = '') {
  const emailField = within(dialog()).getByLabelText('Customer email');
  await userEvent.clear(emailField);
  await userEvent.type(emailField, email);
  const nameField = within(dialog()).getByLabelText('Customer name (optional)');
  await userEvent.clear(nameField);
  if (name) await userEvent.type(nameField, name);
}

async function continueAndConfirm() {
  await userEvent.click(within(dialog()).getByRole('button', { name: 'Continue' }));
  await userEvent.click(within(dialog()).getByRole('button', { name: 'Yes, assign license' }));
}

describe('Assign Product dialog', () => {
  it('warns that the assignment cannot be undone, assigns, and says a new customer account was created', async () => {
    const api = renderPage(assigned(MAIL, { email: 'nina@new.example', name: 'Nina New' }, true));
    const opener = await openFromRow(MAIL_KEY);
    expect(within(opener).getByLabelText('License')).toHaveValue(MAIL_KEY);
    await fillCustomer('  nina@new.example ', 'Nina New');

    await userEvent.click(within(dialog()).getByRole('button', { name: 'Continue' }));
    const question = within(dialog()).getByRole('group', {
      name: `Assign ${MAIL_KEY} to nina@new.example? This cannot be undone.`,
    });
    expect(question).toHaveTextContent(
      'SmarterMail Professional, 250 mailboxes goes to Nina New (nina@new.example) for good: an assigned license can never be re-assigned',
    );
    // The safe choice has focus; going back keeps what was typed.
    expect(within(question).getByRole('button', { name: 'Back' })).toHaveFocus();
    await userEvent.click(within(question).getByRole('button', { name: 'Back' }));
    expect(within(dialog()).getByLabelText('Customer email')).toHaveValue('nina@new.example');
    expect(api.variablesOf('AssignLicense')).toEqual([]);

    const listsBefore = api.variablesOf('UnassignedLicenses').length + api.variablesOf('ResellerCustomers').length;
    await continueAndConfirm();

    expect(api.variablesOf('AssignLicense')).toEqual([
      { input: { licenseKey: MAIL_KEY, email: 'nina@new.example', name: 'Nina New' } },
    ]);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    const message = screen.getByText(/^License assigned\./).closest('p');
    expect(message).toHaveTextContent(
      `License assigned. ${MAIL_KEY} (SmarterMail Professional, 250 mailboxes) is now assigned to Nina New ` +
        '(nina@new.example). A customer account was created for nina@new.example: they get an email with the ' +
        'license key and a link to set their password.',
    );
    expect(message).toHaveFocus();
    expect(screen.getByRole('link', { name: 'Open the license' })).toHaveAttribute('href', `/licenses/${MAIL_KEY}`);
    // Both lists are asked for again.
    expect(api.variablesOf('UnassignedLicenses').length + api.variablesOf('ResellerCustomers').length).toBeGreaterThan(
      listsBefore,
    );
  });

  it('says when the customer already had an account', async () => {
    renderPage(assigned(TRACK, { email: CASEY.email, name: CASEY.name }, false));
    await userEvent.click(screen.getByRole('button', { name: `Assign license to ${CASEY.email}` }));
    await userEvent.selectOptions(within(dialog()).getByLabelText('License'), TRACK_KEY);
    await continueAndConfirm();

    expect(screen.getByText(/^License assigned\./).closest('p')).toHaveTextContent(
      `${TRACK_KEY} (SmarterTrack Enterprise, 5 agents) is now assigned to Casey Customer (customer@example.com). ` +
        'customer@example.com already had a customer account: they get an email with the license key.',
    );
  });

  it('asks for the license and the email before confirming', async () => {
    const api = renderPage(assigned(MAIL, { email: 'x@y.example', name: '' }, true));
    await userEvent.click(screen.getByRole('button', { name: `Assign license to ${CASEY.email}` }));
    await fillCustomer(' ');
    await userEvent.click(within(dialog()).getByRole('button', { name: 'Continue' }));

    expect(within(dialog()).getByLabelText('License')).toHaveAttribute('aria-invalid', 'true');
    expect(within(dialog()).getByLabelText('License')).toHaveAccessibleDescription(
      /Choose the license to assign\./,
    );
    expect(within(dialog()).getByLabelText('Customer email')).toHaveAccessibleDescription(
      /Enter the email of the customer who gets the license\./,
    );
    expect(within(dialog()).getByLabelText('License')).toHaveFocus();
    expect(within(dialog()).queryByRole('button', { name: 'Yes, assign license' })).not.toBeInTheDocument();
    expect(api.variablesOf('AssignLicense')).toEqual([]);
  });

  it('brings the details back with the server’s reason at the email it refused', async () => {
    renderPage([
      refused([
        {
          code: 'INVALID',
          message: 'owner@reseller.example is the login of a partner’s or the vendor’s staff, not of a customer.',
          field: ['input', 'email'],
        },
      ]),
      refused([
        {
          code: 'CONFLICT',
          message: 'This license is already assigned to someone@else.example and cannot be re-assigned.',
          field: ['input', 'licenseKey'],
        },
      ]),
    ]);
    await openFromRow(MAIL_KEY);
    await fillCustomer('owner@reseller.example');
    await continueAndConfirm();

    const email = within(dialog()).getByLabelText('Customer email');
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription(/is the login of a partner’s or the vendor’s staff/);
    expect(email).toHaveFocus();
    expect(within(dialog()).getByLabelText('License')).not.toHaveAttribute('aria-invalid');

    await fillCustomer('someone@customer.example');
    await continueAndConfirm();

    const license = within(dialog()).getByLabelText('License');
    expect(license).toHaveAttribute('aria-invalid', 'true');
    expect(license).toHaveAccessibleDescription(/already assigned to someone@else\.example and cannot be re-assigned/);
    expect(within(dialog()).getByLabelText('Customer email')).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByText(/^License assigned\./)).not.toBeInTheDocument();
  });

  it('shows a failure that names no field at the top of the form', async () => {
    renderPage(refused([{ code: 'PERMISSION_DENIED', message: 'This reseller account is suspended.', field: null }]));
    await openFromRow(MAIL_KEY);
    await fillCustomer('nina@new.example');
    await continueAndConfirm();

    expect(within(dialog()).getByRole('alert')).toHaveTextContent('This reseller account is suspended.');
  });

  it('closes with Cancel without assigning, and opens fresh the next time', async () => {
    const api = renderPage(refused([{ code: 'INVALID', message: 'Not an email.', field: ['input', 'email'] }]));
    await openFromRow(MAIL_KEY);
    await fillCustomer('nope');
    await continueAndConfirm();
    expect(within(dialog()).getByText('Not an email.')).toBeInTheDocument();

    await userEvent.click(within(dialog()).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    await openFromRow(TRACK_KEY);
    expect(within(dialog()).getByLabelText('License')).toHaveValue(TRACK_KEY);
    expect(within(dialog()).getByLabelText('Customer email')).toHaveValue('');
    expect(within(dialog()).queryByText('Not an email.')).not.toBeInTheDocument();
    expect(api.variablesOf('AssignLicense')).toHaveLength(1);
  });

  it('says there is nothing to assign when no license waits for a customer', async () => {
    const api = mockApi({ UnassignedLicenses: unassignedPage([]), ResellerCustomers: customersPage([CASEY]) });
    renderView(<ResellingView />, { client: api.client, route: '/reselling' });
    await userEvent.click(screen.getByRole('button', { name: `Assign license to ${CASEY.email}` }));

    expect(dialog()).toHaveTextContent('You have no unassigned licenses for resale. Buy licenses in the Shop');
    expect(within(dialog()).queryByRole('button', { name: 'Continue' })).not.toBeInTheDocument();
  });
});
