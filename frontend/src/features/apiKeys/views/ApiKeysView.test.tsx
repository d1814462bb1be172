import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ApiKeysQuery } from '../../../gql/graphql';
import { mockApi } from '../../../test/mockApi';
import { renderView } from '../../../test/render';
import ApiKeysView from './ApiKeysView';

const KEYS: { data: ApiKeysQuery } = {
  data: {
    apiKeys: {
      edges: [
        {
          node: {
            id: 'k1',
            name: 'Web shop',
            role: 'RESELLER_PURCHASER',
            prefix: 'ppk_abc',
            createdAt: '2026-11-20T10:00:00+00:00',
            createdBy: 'owner@reseller.example',
            lastUsedAt: null,
            revokedAt: null,
            active: true,
          },
        },
        {
          node: {
            id: 'k0',
            name: 'Old shop',
            role: 'RESELLER_VIEWER',
            prefix: 'ppk_old',
            createdAt: '2026-01-20T10:00:00+00:00',
            createdBy: null,
            lastUsedAt: '2026-02-01T08:00:00+00:00',
            revokedAt: '2026-03-01T08:00:00+00:00',
            active: false,
          },
        },
      ],
      pageInfo: { hasNextPage: false, endCursor: 'c2' },
    },
  },
};

const SECRET = 'ppk_new_0123456789abcdef';

describe('ApiKeysView', () => {
  it('shows the secret of a new key once, with a copy button and a warning', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const api = mockApi({
      ApiKeys: KEYS,
      CreateApiKey: {
        data: {
          createApiKey: {
            apiKey: { id: 'k2', name: 'Billing sync', role: 'RESELLER_BILLING', prefix: 'ppk_new' },
            secret: SECRET,
            userErrors: [],
          },
        },
      },
    });
    renderView(<ApiKeysView />, { client: api.client, route: '/account/api-keys' });

    await userEvent.click(screen.getByRole('button', { name: 'Create an API key' }));
    const form = screen.getByRole('form', { name: 'Create an API key' });
    await userEvent.type(within(form).getByLabelText('Name'), 'Billing sync');
    await userEvent.selectOptions(within(form).getByLabelText('Role'), 'RESELLER_BILLING');
    await userEvent.click(within(form).getByRole('button', { name: 'Create key' }));

    expect(api.variablesOf('CreateApiKey')).toEqual([{ input: { name: 'Billing sync', role: 'RESELLER_BILLING' } }]);
    const panel = screen.getByRole('region', { name: 'Copy the secret of “Billing sync” now' });
    expect(within(panel).getByRole('heading', { level: 2 })).toHaveFocus();
    expect(panel).toHaveTextContent('This is the only time the secret is shown. It cannot be shown again');
    expect(within(panel).getByLabelText('Secret')).toHaveValue(SECRET);
    await userEvent.click(within(panel).getByRole('button', { name: 'Copy' }));
    expect(writeText).toHaveBeenCalledWith(SECRET);
    expect(within(panel).getByRole('status')).toHaveTextContent('Copied to the clipboard.');

    await userEvent.click(within(panel).getByRole('button', { name: 'I have stored the secret' }));

    expect(screen.queryByRole('region', { name: /Copy the secret/ })).not.toBeInTheDocument();
    expect(screen.queryByDisplayValue(SECRET)).not.toBeInTheDocument();
  });

  it('lists the keys; only an active key can be revoked, after confirmation', async () => {
    const api = mockApi({
      ApiKeys: KEYS,
      RevokeApiKey: {
        data: { revokeApiKey: { apiKey: { id: 'k1', active: false, revokedAt: '2026-11-27T00:00:00+00:00' }, userErrors: [] } },
      },
    });
    renderView(<ApiKeysView />, { client: api.client, route: '/account/api-keys' });

    const table = screen.getByRole('table', { name: 'API keys of the account' });
    const active = within(table).getByRole('row', { name: /^Web shop/ });
    expect(active).toHaveTextContent('Purchaser');
    expect(active).toHaveTextContent('ppk_abc…');
    expect(active).toHaveTextContent('Never');
    const revoked = within(table).getByRole('row', { name: /^Old shop/ });
    expect(within(revoked).getByText('Revoked')).toBeInTheDocument();
    expect(within(revoked).queryByRole('button')).not.toBeInTheDocument();

    await userEvent.click(within(active).getByRole('button', { name: 'Revoke Web shop' }));
    await userEvent.click(screen.getByRole('button', { name: 'Yes, revoke' }));

    expect(api.variablesOf('RevokeApiKey')).toEqual([{ input: { apiKeyId: 'k1' } }]);
    expect(screen.getByText('Web shop was revoked: it no longer works.')).toBeInTheDocument();
  });

  it('shows why a key was not created next to the field', async () => {
    const api = mockApi({
      ApiKeys: KEYS,
      CreateApiKey: {
        data: {
          createApiKey: {
            apiKey: null,
            secret: null,
            userErrors: [{ code: 'REQUIRED', message: 'Give the key a name.', field: ['input', 'name'] }],
          },
        },
      },
    });
    renderView(<ApiKeysView />, { client: api.client, route: '/account/api-keys' });

    await userEvent.click(screen.getByRole('button', { name: 'Create an API key' }));
    await userEvent.click(screen.getByRole('button', { name: 'Create key' }));

    expect(screen.getByLabelText('Name')).toHaveAccessibleDescription(
      'What the key is for, such as “Web shop”. Error: Give the key a name.',
    );
    expect(screen.queryByRole('region', { name: /Copy the secret/ })).not.toBeInTheDocument();
  });
});
