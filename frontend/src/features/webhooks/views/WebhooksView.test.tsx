import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { WebhookEndpointsQuery } from '../../../gql/graphql';
import { mockApi } from '../../../test/mockApi';
import { renderView } from '../../../test/render';
import WebhooksView from './WebhooksView';

const ENDPOINTS: { data: WebhookEndpointsQuery } = {
  data: {
    webhookEndpoints: {
      edges: [
        {
          node: {
            id: 'w1',
            url: 'https://shop.example.com/hooks',
            description: 'Web shop',
            events: ['ORDER_COMPLETED', 'INVOICE_PAID'],
            enabled: true,
            createdAt: '2026-11-20T10:00:00+00:00',
            createdBy: 'owner@reseller.example',
            lastDelivery: { id: 'd9', status: 'PENDING', lastStatusCode: 500, createdAt: '2026-11-26T10:00:00+00:00' },
            deliveryCounts: { pending: 2, failed: 1 },
          },
        },
        {
          node: {
            id: 'w0',
            url: 'https://old.example.com/hooks',
            description: '',
            events: ['LICENSE_ASSIGNED'],
            enabled: false,
            createdAt: '2026-01-20T10:00:00+00:00',
            createdBy: null,
            lastDelivery: null,
            deliveryCounts: { pending: 0, failed: 0 },
          },
        },
      ],
      pageInfo: { hasNextPage: false, endCursor: 'c2' },
    },
  },
};

const SECRET = 'whsec_0123456789abcdef';

describe('WebhooksView', () => {
  it('lists the endpoints with their events and status, each linking to its page', () => {
    const api = mockApi({ WebhookEndpoints: ENDPOINTS });
    renderView(<WebhooksView />, {
      client: api.client,
      route: '/account/webhooks',
    });

    const table = screen.getByRole('table', {
      name: 'Webhook endpoints of the account',
    });
    const enabled = within(table).getByRole('row', {
      name: /shop\.example\.com/,
    });
    expect(
      within(enabled).getByRole('link', {
        name: 'https://shop.example.com/hooks',
      }),
    ).toHaveAttribute('href', '/account/webhooks/w1');
    expect(enabled).toHaveTextContent('Web shop');
    expect(enabled).toHaveTextContent('order.completed');
    expect(enabled).toHaveTextContent('invoice.paid');
    expect(enabled).toHaveTextContent('Enabled');
    expect(enabled).toHaveTextContent('by owner@reseller.example');
    expect(enabled).toHaveTextContent('1 delivery failed');
    expect(enabled).toHaveTextContent('2 deliveries pending');
    expect(enabled).toHaveTextContent('PendingHTTP 500');
    const disabled = within(table).getByRole('row', { name: /old\.example\.com/ });
    expect(disabled).toHaveTextContent('Disabled');
    expect(disabled).toHaveTextContent('None yet');
    expect(disabled).not.toHaveTextContent('failed');
  });

  it('adds an endpoint with the events ticked and shows its signing secret once', async () => {
    const api = mockApi({
      WebhookEndpoints: ENDPOINTS,
      CreateWebhookEndpoint: {
        data: {
          createWebhookEndpoint: {
            endpoint: { id: 'w2', url: 'https://shop.example.com/new' },
            secret: SECRET,
            userErrors: [],
          },
        },
      },
    });
    renderView(<WebhooksView />, {
      client: api.client,
      route: '/account/webhooks',
    });

    await userEvent.click(screen.getByRole('button', { name: 'Add an endpoint' }));
    const form = screen.getByRole('form', { name: 'Add an endpoint' });
    await userEvent.type(within(form).getByLabelText('URL'), ' https://shop.example.com/new ');
    await userEvent.type(within(form).getByLabelText(/Description/), 'Invoices to the ERP');
    // order.completed and license.assigned are ticked to start with
    await userEvent.click(within(form).getByRole('checkbox', { name: 'license.assigned' }));
    await userEvent.click(within(form).getByRole('checkbox', { name: 'invoice.paid' }));
    await userEvent.click(within(form).getByRole('checkbox', { name: 'invoice.created' }));
    await userEvent.click(within(form).getByRole('button', { name: 'Add endpoint' }));

    expect(api.variablesOf('CreateWebhookEndpoint')).toEqual([
      {
        input: {
          url: 'https://shop.example.com/new',
          description: 'Invoices to the ERP',
          events: ['ORDER_COMPLETED', 'INVOICE_CREATED', 'INVOICE_PAID'],
        },
      },
    ]);
    const panel = screen.getByRole('region', {
      name: 'Copy the secret of “https://shop.example.com/new” now',
    });
    expect(panel).toHaveTextContent('This is the only time the secret is shown.');
    expect(panel).toHaveTextContent('Partner-Portal-Signature');
    expect(panel).toHaveTextContent('roll the endpoint’s secret');
    expect(within(panel).getByLabelText('Secret')).toHaveValue(SECRET);

    await userEvent.click(within(panel).getByRole('button', { name: 'I have stored the secret' }));
    expect(screen.queryByDisplayValue(SECRET)).not.toBeInTheDocument();
  });

  it('shows why an endpoint was refused next to its field', async () => {
    const api = mockApi({
      WebhookEndpoints: ENDPOINTS,
      CreateWebhookEndpoint: {
        data: {
          createWebhookEndpoint: {
            endpoint: null,
            secret: null,
            userErrors: [
              {
                code: 'INVALID',
                message: 'Use an https:// URL, as in https://example.com/hook.',
                field: ['input', 'url'],
              },
              {
                code: 'REQUIRED',
                message: 'Subscribe to at least one event type.',
                field: ['input', 'events'],
              },
            ],
          },
        },
      },
    });
    renderView(<WebhooksView />, {
      client: api.client,
      route: '/account/webhooks',
    });

    await userEvent.click(screen.getByRole('button', { name: 'Add an endpoint' }));
    const form = screen.getByRole('form', { name: 'Add an endpoint' });
    await userEvent.type(within(form).getByLabelText('URL'), 'http://shop.example.com');
    await userEvent.click(within(form).getByRole('checkbox', { name: 'order.completed' }));
    await userEvent.click(within(form).getByRole('checkbox', { name: 'license.assigned' }));
    await userEvent.click(within(form).getByRole('button', { name: 'Add endpoint' }));

    expect(api.variablesOf('CreateWebhookEndpoint')).toEqual([
      {
        input: { url: 'http://shop.example.com', description: '', events: [] },
      },
    ]);
    expect(within(form).getByLabelText('URL')).toHaveAccessibleDescription(
      expect.stringContaining('Error: Use an https:// URL') as string,
    );
    expect(within(form).getByRole('group', { name: 'Events to send' })).toHaveAccessibleDescription(
      'Subscribe to at least one event type.',
    );
    expect(screen.queryByRole('region', { name: /Copy the secret/ })).not.toBeInTheDocument();
  });

  it('says so when there is no endpoint yet', () => {
    const api = mockApi({
      WebhookEndpoints: {
        data: {
          webhookEndpoints: {
            edges: [],
            pageInfo: { hasNextPage: false, endCursor: null },
          },
        },
      },
    });
    renderView(<WebhooksView />, {
      client: api.client,
      route: '/account/webhooks',
    });
    expect(screen.getByText('There are no webhook endpoints yet.')).toBeInTheDocument();
  });
});
