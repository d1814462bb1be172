import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { WebhookDeliveriesQuery, WebhookEndpointQuery } from '../../../gql/graphql';
import { mockApi } from '../../../test/mockApi';
import { renderView } from '../../../test/render';
import WebhookEndpointView from './WebhookEndpointView';

const ROUTE = '/account/webhooks/:endpointId';
const PATH = '/account/webhooks/w1';

const DETAILS = {
  id: 'w1',
  url: 'https://shop.example.com/hooks',
  description: 'Web shop',
  events: ['ORDER_COMPLETED', 'INVOICE_PAID'],
  enabled: true,
  createdAt: '2026-11-20T10:00:00+00:00',
  createdBy: 'owner@reseller.example',
  disabledAt: null,
} satisfies NonNullable<WebhookEndpointQuery['webhookEndpoint']>;
const ENDPOINT: { data: WebhookEndpointQuery } = {
  data: { webhookEndpoint: DETAILS },
};

type Delivery = NonNullable<WebhookDeliveriesQuery['webhookEndpoint']>['deliveries']['edges'][number]['node'];

const FAILED: Delivery = {
  id: 'd2',
  status: 'FAILED',
  attempts: 12,
  lastStatusCode: 500,
  lastError: 'HTTP 500: upstream down',
  createdAt: '2026-11-25T10:00:00+00:00',
  nextAttemptAt: null,
  deliveredAt: null,
  event: {
    eventId: 'evt_failed',
    type: 'INVOICE_PAID',
    occurredAt: '2026-11-25T10:00:00+00:00',
    payload: '{"id":"evt_failed","type":"invoice.paid"}',
  },
  attemptLog: [
    {
      at: '2026-11-26T09:00:00+00:00',
      statusCode: 500,
      error: 'HTTP 500: upstream down',
      durationMs: 41,
    },
    {
      at: '2026-11-25T10:00:01+00:00',
      statusCode: null,
      error: 'connection refused',
      durationMs: 3,
    },
  ],
};

const DELIVERED: Delivery = {
  id: 'd1',
  status: 'SUCCEEDED',
  attempts: 1,
  lastStatusCode: 204,
  lastError: '',
  createdAt: '2026-11-24T10:00:00+00:00',
  nextAttemptAt: null,
  deliveredAt: '2026-11-24T10:00:01+00:00',
  event: {
    eventId: 'evt_done',
    type: 'ORDER_COMPLETED',
    occurredAt: '2026-11-24T10:00:00+00:00',
    payload: '{"id":"evt_done","type":"order.completed"}',
  },
  attemptLog: [
    {
      at: '2026-11-24T10:00:01+00:00',
      statusCode: 204,
      error: '',
      durationMs: 12,
    },
  ],
};

const PENDING: Delivery = {
  ...DELIVERED,
  id: 'd3',
  status: 'PENDING',
  attempts: 0,
  lastStatusCode: null,
  deliveredAt: null,
  nextAttemptAt: '2026-11-27T10:00:00+00:00',
  createdAt: '2026-11-27T10:00:00+00:00',
  event: { ...DELIVERED.event, eventId: 'evt_test', type: 'WEBHOOK_TEST' },
  attemptLog: [],
};

function deliveries(...nodes: Delivery[]): { data: WebhookDeliveriesQuery } {
  return {
    data: {
      webhookEndpoint: {
        id: 'w1',
        deliveries: {
          edges: nodes.map((node) => ({ node })),
          pageInfo: { hasNextPage: false, endCursor: null },
        },
      },
    },
  };
}

describe('WebhookEndpointView', () => {
  it('shows the endpoint and its delivery log: status, attempts, last response, each attempt and the body', async () => {
    const api = mockApi({
      WebhookEndpoint: ENDPOINT,
      WebhookDeliveries: deliveries(FAILED, DELIVERED),
    });
    renderView(<WebhookEndpointView />, {
      client: api.client,
      route: ROUTE,
      path: PATH,
    });

    expect(screen.getByRole('heading', { level: 1, name: 'Webhook endpoint' })).toBeInTheDocument();
    expect(screen.getByText('https://shop.example.com/hooks', { selector: 'code' })).toBeInTheDocument();
    expect(screen.getByText('order.completed, invoice.paid')).toBeInTheDocument();
    const log = screen.getByRole('table', {
      name: 'Deliveries to the endpoint',
    });
    const failed = within(log).getByRole('row', { name: /invoice\.paid/ });
    expect(failed).toHaveTextContent('Failed');
    expect(failed).toHaveTextContent('12 attempts');
    expect(failed).toHaveTextContent('HTTP 500upstream down');
    const delivered = within(log).getByRole('row', {
      name: /order\.completed/,
    });
    expect(delivered).toHaveTextContent('Delivered');
    expect(delivered).toHaveTextContent('HTTP 204');

    await userEvent.click(within(failed).getByText('Attempts and body'));
    const attempts = within(failed).getByRole('list', {
      name: 'Attempts of evt_failed',
    });
    expect(
      within(attempts)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      expect.stringMatching(/HTTP 500 \(upstream down\), 41 ms$/),
      expect.stringMatching(/no response \(connection refused\), 3 ms$/),
    ]);
    expect(within(failed).getByLabelText('Body of evt_failed')).toHaveTextContent(
      '{"id":"evt_failed","type":"invoice.paid"}',
    );
    expect(api.variablesOf('WebhookDeliveries')).toEqual([{ id: 'w1', status: null, first: 50, after: null }]);
  });

  it('sends a test event and redelivers a failed delivery, then reads the log again', async () => {
    const api = mockApi({
      WebhookEndpoint: ENDPOINT,
      WebhookDeliveries: [deliveries(FAILED, DELIVERED), deliveries(PENDING, FAILED, DELIVERED)],
      SendTestWebhook: {
        data: {
          sendTestWebhook: {
            delivery: { id: 'd3', status: 'PENDING' },
            userErrors: [],
          },
        },
      },
      RedeliverWebhookDelivery: {
        data: {
          redeliverWebhookDelivery: {
            delivery: {
              id: 'd2',
              status: 'PENDING',
              attempts: 0,
              nextAttemptAt: '2026-11-27T10:00:00+00:00',
            },
            userErrors: [],
          },
        },
      },
    });
    renderView(<WebhookEndpointView />, {
      client: api.client,
      route: ROUTE,
      path: PATH,
    });

    await userEvent.click(screen.getByRole('button', { name: 'Send a test event' }));
    expect(api.variablesOf('SendTestWebhook')).toEqual([{ input: { endpointId: 'w1' } }]);
    expect(screen.getByText(/A webhook.test event is on its way/)).toBeInTheDocument();
    const log = screen.getByRole('table', {
      name: 'Deliveries to the endpoint',
    });
    const pending = await within(log).findByRole('row', {
      name: /webhook\.test/,
    });
    expect(pending).toHaveTextContent('Pending');
    expect(pending).toHaveTextContent('Not sent yet');
    expect(within(pending).queryByRole('button', { name: /Redeliver/ })).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Redeliver evt_failed' }));
    expect(api.variablesOf('RedeliverWebhookDelivery')).toEqual([{ input: { deliveryId: 'd2' } }]);
    expect(screen.getByText('evt_failed is queued to be sent again.')).toBeInTheDocument();
  });

  it('filters the log by status', async () => {
    const api = mockApi({
      WebhookEndpoint: ENDPOINT,
      WebhookDeliveries: deliveries(FAILED),
    });
    renderView(<WebhookEndpointView />, {
      client: api.client,
      route: ROUTE,
      path: PATH,
    });

    await userEvent.selectOptions(screen.getByLabelText('Status'), 'FAILED');
    expect(api.variablesOf('WebhookDeliveries')).toContainEqual({
      id: 'w1',
      status: 'FAILED',
      first: 50,
      after: null,
    });
  });

  it('disables the endpoint, rolls its secret (shown once) and deletes it', async () => {
    const api = mockApi({
      WebhookEndpoint: ENDPOINT,
      WebhookDeliveries: deliveries(),
      UpdateWebhookEndpoint: {
        data: {
          updateWebhookEndpoint: {
            endpoint: {
              ...DETAILS,
              enabled: false,
              disabledAt: '2026-11-27T10:00:00+00:00',
            },
            userErrors: [],
          },
        },
      },
      RollWebhookSecret: {
        data: {
          rollWebhookSecret: {
            endpoint: { id: 'w1' },
            secret: 'whsec_new',
            userErrors: [],
          },
        },
      },
      DeleteWebhookEndpoint: {
        data: {
          deleteWebhookEndpoint: { deletedEndpointId: 'w1', userErrors: [] },
        },
      },
    });
    renderView(<WebhookEndpointView />, {
      client: api.client,
      route: ROUTE,
      path: PATH,
    });
    expect(screen.getByText('Nothing was sent to this endpoint yet.')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Disable' }));
    expect(api.variablesOf('UpdateWebhookEndpoint')).toEqual([{ input: { endpointId: 'w1', enabled: false } }]);
    expect(screen.getByText(/The endpoint is disabled/)).toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('button', {
        name: 'Roll secret https://shop.example.com/hooks',
      }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Yes, roll' }));
    const panel = screen.getByRole('region', { name: /Copy the secret of/ });
    expect(within(panel).getByLabelText('Secret')).toHaveValue('whsec_new');
    expect(panel).toHaveTextContent('For 24 hours deliveries carry a signature made with the old secret as well');

    await userEvent.click(
      screen.getByRole('button', {
        name: 'Delete https://shop.example.com/hooks',
      }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Yes, delete' }));
    expect(api.variablesOf('DeleteWebhookEndpoint')).toEqual([{ input: { endpointId: 'w1' } }]);
    expect(screen.getByRole('note', { name: 'Current location' })).toHaveTextContent('/account/webhooks');
  });

  it('saves changed settings', async () => {
    const api = mockApi({
      WebhookEndpoint: ENDPOINT,
      WebhookDeliveries: deliveries(),
      UpdateWebhookEndpoint: {
        data: {
          updateWebhookEndpoint: {
            endpoint: { ...DETAILS, events: ['ORDER_COMPLETED'] },
            userErrors: [],
          },
        },
      },
    });
    renderView(<WebhookEndpointView />, {
      client: api.client,
      route: ROUTE,
      path: PATH,
    });

    const form = screen.getByRole('form', { name: 'Endpoint settings' });
    expect(within(form).getByLabelText('URL')).toHaveValue('https://shop.example.com/hooks');
    await userEvent.click(within(form).getByRole('checkbox', { name: 'invoice.paid' }));
    await userEvent.click(within(form).getByRole('button', { name: 'Save changes' }));
    expect(api.variablesOf('UpdateWebhookEndpoint')).toEqual([
      {
        input: {
          endpointId: 'w1',
          url: 'https://shop.example.com/hooks',
          description: 'Web shop',
          events: ['ORDER_COMPLETED'],
        },
      },
    ]);
    expect(screen.getByText('The endpoint’s settings were saved.')).toBeInTheDocument();
  });

  it('says the endpoint is not found when the API has none with the id', () => {
    const api = mockApi({
      WebhookEndpoint: { data: { webhookEndpoint: null } },
      WebhookDeliveries: deliveries(),
    });
    renderView(<WebhookEndpointView />, {
      client: api.client,
      route: ROUTE,
      path: PATH,
    });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(/not found/i);
  });
});
