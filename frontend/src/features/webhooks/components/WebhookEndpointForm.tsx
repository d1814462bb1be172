import { useId, type ReactNode } from 'react';
import { CheckboxField } from '../../../components/form/CheckboxField';
import { Form } from '../../../components/form/Form';
import { TextField } from '../../../components/form/TextField';
import { useFormValues } from '../../../components/form/useFormValues';
import type { WebhookEventType } from '../../../gql/graphql';
import type { FormErrorState } from '../../../lib/userErrors';
import { EVENT_TYPES, SUBSCRIBABLE_EVENTS } from '../labels';

export interface WebhookEndpointValues {
  url: string;
  description: string;
  events: WebhookEventType[];
}

export const NEW_ENDPOINT: WebhookEndpointValues = {
  url: '',
  description: '',
  events: ['ORDER_COMPLETED', 'LICENSE_ASSIGNED'],
};

interface WebhookEndpointFormProps {
  /** The form's name, such as "Add an endpoint". */
  label: string;
  submitLabel: string;
  busyLabel: string;
  initial: WebhookEndpointValues;
  onSubmit: (values: WebhookEndpointValues) => void;
  errors: FormErrorState;
  submitting: boolean;
  /** Buttons beside the submit button, such as Cancel. */
  actions?: ReactNode;
}

const FIELDS = ['url', 'description', 'events'];

/** Where a webhook endpoint is, what it is for and which events it receives. */
export function WebhookEndpointForm({
  label,
  submitLabel,
  busyLabel,
  initial,
  onSubmit,
  errors,
  submitting,
  actions,
}: WebhookEndpointFormProps) {
  const { values, set, text } = useFormValues<WebhookEndpointValues>(initial, errors);
  const eventsErrorId = useId();

  function toggle(event: WebhookEventType, on: boolean) {
    const chosen = new Set(values.events);
    if (on) chosen.add(event);
    else chosen.delete(event);
    // in the form's order, whatever order they were ticked in
    set('events')(SUBSCRIBABLE_EVENTS.filter((each) => chosen.has(each)));
  }

  return (
    <Form
      label={label}
      errors={errors}
      shownFields={FIELDS}
      submitLabel={submitLabel}
      busyLabel={busyLabel}
      busy={submitting}
      actions={actions}
      onSubmit={() => {
        onSubmit({
          ...values,
          url: values.url.trim(),
          description: values.description.trim(),
        });
      }}
    >
      <TextField
        label="URL"
        type="url"
        hint="Where to POST the events, such as https://shop.example.com/portal-hooks."
        autoComplete="off"
        required
        {...text('url')}
      />
      <TextField
        label="Description"
        hint="What the endpoint is for."
        optional
        maxLength={200}
        {...text('description')}
      />
      <fieldset aria-describedby={errors.fields.events ? eventsErrorId : undefined}>
        <legend>Events to send</legend>
        {errors.fields.events && (
          <p id={eventsErrorId} className="field-error">
            {errors.fields.events}
          </p>
        )}
        {SUBSCRIBABLE_EVENTS.map((event) => (
          <CheckboxField
            key={event}
            label={EVENT_TYPES[event].name}
            hint={EVENT_TYPES[event].summary}
            checked={values.events.includes(event)}
            onChange={(on) => {
              toggle(event, on);
            }}
          />
        ))}
      </fieldset>
    </Form>
  );
}
