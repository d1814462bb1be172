import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockApi, type Answer } from '../../../test/mockApi';
import { renderView } from '../../../test/render';
import type { LicenseToModify, PersonalLicense } from '../modificationQueries';
import { KEY, LICENSE, PRODUCT } from '../testData';
import ModifyLicenseView from './ModifyLicenseView';

const PERSONAL_KEY = 'PPPPPP-QQQQQQ-RRRRRR-SSSSSS-TTTTTT-UUUUUU';

const PERSONAL: PersonalLicense = {
  ...LICENSE,
  id: 'TGljZW5zZToy',
  key: PERSONAL_KEY,
  personal: true,
  status: 'UNASSIGNED',
  createdAt: '2026-11-27T12:00:00+00:00',
  order: { id: 'T3JkZXI6MQ==', number: 'ORD-2026-000001' },
  reseller: { id: 'UmVzZWxsZXI6MQ==', name: 'Reseller Example Inc.' },
  reactivationRequired: false,
  activations: [],
};

const RESOLD: LicenseToModify = {
  ...PERSONAL,
  id: LICENSE.id,
  key: KEY,
  personal: false,
  status: 'ASSIGNED',
  customer: { id: 'Q3VzdG9tZXI6MQ==', email: 'casey@customer.example', name: 'Casey Customer' },
};

function renderPage(answers: Record<string, Answer | Answer[]>) {
  const api = mockApi({
    PersonalLicenses: {
      data: { licenses: { edges: [{ node: PERSONAL }], pageInfo: { hasNextPage: false, endCursor: null } } },
    },
    ModificationChoices: { data: { product: PRODUCT } },
    ...answers,
  });
  renderView(<ModifyLicenseView />, { client: api.client, route: '/licenses/modify' });
  return api;
}

const location = () => screen.getByRole('note', { name: 'Current location' });

describe('ModifyLicenseView', () => {
  it('lists the personal licenses, and selecting one shows its changes and installations', async () => {
    const user = userEvent.setup();
    const api = renderPage({
      LicenseToModify: (variables) => ({
        data: { license: variables.key === PERSONAL_KEY ? { ...PERSONAL, customer: null } : null },
      }),
    });

    expect(screen.getByRole('heading', { level: 1, name: 'Modify existing license' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Personal' })).toBeChecked();
    const table = screen.getByRole('table', { name: 'Your personal licenses' });
    expect(within(table).getByRole('row', { name: new RegExp(PERSONAL_KEY) })).toHaveTextContent(
      'SmarterMailProfessional1000 mailboxesCyren Antispam',
    );

    await user.click(within(table).getByRole('button', { name: `Select ${PERSONAL_KEY}` }));

    expect(location()).toHaveTextContent(`/licenses/modify?by=personal&license=${PERSONAL_KEY}`);
    expect(api.variablesOf('LicenseToModify')).toEqual([{ key: PERSONAL_KEY }]);
    const selected = screen.getByRole('region', { name: 'Selected license' });
    expect(selected).toHaveTextContent('Personal: for your own use');
    expect(screen.getByRole('heading', { name: 'Selected license' })).toHaveFocus();
    const changes = screen.getByRole('region', { name: 'Changes' });
    expect(within(changes).getByRole('button', { name: 'Upgrade' })).toBeInTheDocument();
    expect(within(changes).getByRole('button', { name: 'Renew M&S' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Installations' })).toHaveTextContent('Not activated on any server yet.');

    await user.click(within(selected).getByRole('button', { name: 'Choose another license' }));
    expect(screen.getByRole('table', { name: 'Your personal licenses' })).toBeInTheDocument();
  });

  it('says a resold key the account does not have is not found', async () => {
    const user = userEvent.setup();
    const api = renderPage({ LicenseToModify: { data: { license: null } } });

    await user.click(screen.getByRole('radio', { name: 'Resold' }));
    expect(screen.queryByRole('table', { name: 'Your personal licenses' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Go' }));
    expect(screen.getByLabelText('License key')).toHaveAccessibleDescription(/Error: Enter the license key\./);
    expect(api.variablesOf('LicenseToModify')).toEqual([]);

    await user.type(screen.getByLabelText('License key'), 'ZZZZZZ-ZZZZZZ');
    await user.click(screen.getByRole('button', { name: 'Go' }));

    expect(api.variablesOf('LicenseToModify')).toEqual([{ key: 'ZZZZZZ-ZZZZZZ' }]);
    expect(screen.getByText(/Not found: your account has no license with the key/)).toHaveTextContent('ZZZZZZ-ZZZZZZ');
    expect(screen.queryByRole('button', { name: /^Select/ })).not.toBeInTheDocument();
  });

  it('finds a resold license by its key and selects it', async () => {
    const user = userEvent.setup();
    renderPage({ LicenseToModify: { data: { license: RESOLD } } });

    await user.click(screen.getByRole('radio', { name: 'Resold' }));
    await user.type(screen.getByLabelText('License key'), KEY.toLowerCase());
    await user.click(screen.getByRole('button', { name: 'Go' }));

    const found = screen.getByRole('region', { name: 'License found' });
    expect(found).toHaveTextContent(KEY);
    expect(found).toHaveTextContent('Resold to casey@customer.example');
    expect(found).toHaveTextContent('SmarterMail Professional, 1000 mailboxes');

    await user.click(within(found).getByRole('button', { name: `Select ${KEY}` }));

    expect(location()).toHaveTextContent(`/licenses/modify?by=resold&license=${KEY}`);
    expect(screen.getByRole('region', { name: 'Selected license' })).toHaveTextContent(KEY);
    expect(within(screen.getByRole('region', { name: 'Changes' })).getByRole('button', { name: 'Upgrade' })).toBeVisible();
  });
});
