import type { WebhookDeliveryStatus, WebhookEventType } from '../../gql/graphql';
import type { BadgeTone } from '../../components/Badge';

/** The event types an endpoint may subscribe to, in the order the form lists them. */
export const SUBSCRIBABLE_EVENTS: readonly WebhookEventType[] = [
  'ORDER_COMPLETED',
  'LICENSE_ASSIGNED',
  'LICENSE_MODIFIED',
  'INVOICE_CREATED',
  'INVOICE_SUMMARIZED',
  'INVOICE_PAID',
  'MAINTENANCE_EXPIRING',
];

/** Each event type as it is sent (`order.completed`) and what it means. */
export const EVENT_TYPES: Record<WebhookEventType, { name: string; summary: string }> = {
  ORDER_COMPLETED: { name: 'order.completed', summary: 'An order was placed' },
  LICENSE_ASSIGNED: {
    name: 'license.assigned',
    summary: 'A license was given to a customer',
  },
  LICENSE_MODIFIED: {
    name: 'license.modified',
    summary: 'A license was upgraded, got add-ons, or its M&S was renewed',
  },
  INVOICE_CREATED: {
    name: 'invoice.created',
    summary: 'An order’s invoice was issued',
  },
  INVOICE_SUMMARIZED: {
    name: 'invoice.summarized',
    summary: 'A month’s summary invoice was issued',
  },
  INVOICE_PAID: {
    name: 'invoice.paid',
    summary: 'An invoice was paid in full',
  },
  MAINTENANCE_EXPIRING: {
    name: 'maintenance.expiring',
    summary: 'A license’s M&S ends in 30 days',
  },
  WEBHOOK_TEST: { name: 'webhook.test', summary: 'A test sent from this page' },
};

export const DELIVERY_STATUS: Record<WebhookDeliveryStatus, { label: string; tone: BadgeTone }> = {
  PENDING: { label: 'Pending', tone: 'warning' },
  SUCCEEDED: { label: 'Delivered', tone: 'success' },
  FAILED: { label: 'Failed', tone: 'danger' },
};
