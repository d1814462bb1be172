import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { CompanyDetailsQuery } from '../../../gql/graphql';
import { mockApi } from '../../../test/mockApi';
import { renderView, viewerWithRole } from '../../../test/render';
import CompanyDetailsView from './CompanyDetailsView';

const ACCOUNT: CompanyDetailsQuery = {
  viewer: {
    reseller: {
      id: 'UmVzZWxsZXI6MQ==',
      name: 'Reseller Example Inc.',
      contactName: 'Olivia Owner',
      addressLine1: '100 Market Street',
      addressLine2: '',
      city: 'Springfield',
      postalCode: '62701',
      region: 'IL',
      country: 'US',
      phone: '+1 555 010 2000',
      billingEmail: 'billing@reseller.example',
      notifyInvoiceCreated: true,
      notifySummaryInvoiceCreated: true,
      notifyLicenseAssigned: false,
      discountPercent: '20.00',
      mayPayByInvoice: true,
      status: 'ACTIVE',
    },
  },
};

const updated = (userErrors: { code: string; message: string; field: string[] | null }[]) => ({
  data: { updateAccount: { account: userErrors.length ? null : ACCOUNT.viewer?.reseller, userErrors } },
});

describe('CompanyDetailsView', () => {
  it('saves the contact information and notification choices', async () => {
    const api = mockApi({ CompanyDetails: { data: ACCOUNT }, UpdateAccount: updated([]) });
    renderView(<CompanyDetailsView />, { client: api.client });

    const phone = screen.getByLabelText('Phone');
    await userEvent.clear(phone);
    await userEvent.type(phone, '+1 555 010 9999');
    await userEvent.type(screen.getByLabelText('Country'), '{Backspace}{Backspace}de');
    await userEvent.click(screen.getByRole('checkbox', { name: 'A license is assigned to a customer' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));

    const [variables] = api.variablesOf('UpdateAccount');
    expect(variables?.input).toMatchObject({
      phone: '+1 555 010 9999',
      country: 'DE',
      notifyLicenseAssigned: true,
      billingEmail: 'billing@reseller.example',
    });
    expect(screen.getByRole('status')).toHaveTextContent('Company details saved.');
  });

  it('shows each user error next to the field it names, and the others at the top', async () => {
    const api = mockApi({
      CompanyDetails: { data: ACCOUNT },
      UpdateAccount: updated([
        { code: 'INVALID', message: "'nope' is not a valid email address.", field: ['input', 'billingEmail'] },
        { code: 'PERMISSION_DENIED', message: 'The account is suspended.', field: null },
      ]),
    });
    renderView(<CompanyDetailsView />, { client: api.client });

    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));

    const billingEmail = screen.getByLabelText('Billing email');
    expect(billingEmail).toHaveAttribute('aria-invalid', 'true');
    expect(billingEmail).toHaveAccessibleDescription(
      "Invoices and billing notifications are sent here. Error: 'nope' is not a valid email address.",
    );
    expect(screen.getByLabelText('City')).not.toHaveAttribute('aria-invalid');
    const form = screen.getByRole('form', { name: 'Company details' });
    expect(within(form).getByRole('alert')).toHaveTextContent('The account is suspended.');
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });

  it('shows the details read-only to a role that may not change them', () => {
    const api = mockApi({ CompanyDetails: { data: ACCOUNT } });
    renderView(<CompanyDetailsView />, { client: api.client, viewer: viewerWithRole('RESELLER_VIEWER') });

    expect(screen.queryByRole('form')).not.toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    const company = screen.getByRole('region', { name: 'Company' });
    expect(within(company).getByText('billing@reseller.example')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Email notifications' })).toHaveTextContent(
      'an invoice is createda monthly summary invoice is created',
    );
    expect(screen.getByRole('region', { name: 'Your terms' })).toHaveTextContent('20.00%');
  });
});
