import type { ReactNode } from 'react';
import { Form } from '../../../components/form/Form';
import { SelectField, type SelectOption } from '../../../components/form/SelectField';
import { TextField } from '../../../components/form/TextField';
import { useFormValues } from '../../../components/form/useFormValues';
import { RESELLER_ROLE_SUMMARIES } from '../../../lib/labels';
import type { FormErrorState } from '../../../lib/userErrors';

/** The roles an API key may have: a key never manages people, keys or the account. */
export type ApiKeyRole = 'RESELLER_PURCHASER' | 'RESELLER_BILLING' | 'RESELLER_VIEWER';

const KEY_ROLES: readonly ApiKeyRole[] = ['RESELLER_PURCHASER', 'RESELLER_BILLING', 'RESELLER_VIEWER'];

const ROLE_OPTIONS: readonly SelectOption[] = KEY_ROLES.map((role) => ({
  value: role,
  label: RESELLER_ROLE_SUMMARIES[role],
}));

export interface NewApiKey {
  name: string;
  role: ApiKeyRole;
}

interface CreateApiKeyFormProps {
  onSubmit: (values: NewApiKey) => void;
  errors: FormErrorState;
  submitting: boolean;
  /** Buttons beside the submit button, such as Cancel. */
  actions?: ReactNode;
}

const FIELDS = ['name', 'role'];

/** A new API key: what it is for and what it may do. */
export function CreateApiKeyForm({ onSubmit, errors, submitting, actions }: CreateApiKeyFormProps) {
  const { values, set, text } = useFormValues<NewApiKey>({ name: '', role: 'RESELLER_VIEWER' }, errors);
  return (
    <Form
      label="Create an API key"
      errors={errors}
      shownFields={FIELDS}
      submitLabel="Create key"
      busyLabel="Creating…"
      busy={submitting}
      actions={actions}
      onSubmit={() => {
        onSubmit({ ...values, name: values.name.trim() });
      }}
    >
      <TextField
        label="Name"
        hint="What the key is for, such as “Web shop”."
        autoComplete="off"
        required
        {...text('name')}
      />
      <SelectField
        label="Role"
        hint="Give the key the least it needs."
        options={ROLE_OPTIONS}
        value={values.role}
        onChange={(value) => {
          const role = KEY_ROLES.find((each) => each === value);
          if (role) set('role')(role);
        }}
        error={errors.fields.role}
      />
    </Form>
  );
}
