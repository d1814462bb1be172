import type { ReactNode } from 'react';
import { Form } from '../../../components/form/Form';
import { SelectField } from '../../../components/form/SelectField';
import { TextField } from '../../../components/form/TextField';
import { useFormValues } from '../../../components/form/useFormValues';
import type { FormErrorState } from '../../../lib/userErrors';
import { ACCESS_OPTIONS, isAccess, type Access } from '../access';

export interface PersonValues {
  name: string;
  email: string;
  phone: string;
  jobTitle: string;
  access: Access;
}

export const EMPTY_PERSON: PersonValues = { name: '', email: '', phone: '', jobTitle: '', access: 'NONE' };

interface PersonFormProps {
  /** The form's accessible name, e.g. "Add a person". */
  label: string;
  initial: PersonValues;
  submitLabel: string;
  busyLabel: string;
  /** Why the email cannot be changed, when it cannot (it is the person's login). */
  emailLockedReason?: string;
  accessHint: string;
  /** Why the access cannot be changed, when it cannot (it is the viewer's own). */
  accessLockedReason?: string;
  onSubmit: (values: PersonValues) => void;
  errors: FormErrorState;
  submitting: boolean;
  actions?: ReactNode;
}

const FIELDS = ['name', 'email', 'phone', 'jobTitle', 'role', 'removeLogin'];

/** A person's details and access: adding a person and changing one. */
export function PersonForm({
  label,
  initial,
  submitLabel,
  busyLabel,
  emailLockedReason,
  accessHint,
  accessLockedReason,
  onSubmit,
  errors,
  submitting,
  actions,
}: PersonFormProps) {
  const { values, set, text } = useFormValues<PersonValues>(initial, errors);
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
          name: values.name.trim(),
          email: values.email.trim(),
          phone: values.phone.trim(),
          jobTitle: values.jobTitle.trim(),
        });
      }}
    >
      <TextField
        label="Name"
        autoComplete="off"
        required
        {...text('name')}
      />
      <TextField
        label="Email"
        type="email"
        autoComplete="off"
        required
        readOnly={emailLockedReason !== undefined}
        hint={emailLockedReason}
        {...text('email')}
      />
      <TextField
        label="Phone"
        type="tel"
        autoComplete="off"
        optional
        {...text('phone')}
      />
      <TextField
        label="Job title"
        autoComplete="off"
        optional
        {...text('jobTitle')}
      />
      <SelectField
        label="Access"
        hint={accessLockedReason ?? accessHint}
        disabled={accessLockedReason !== undefined}
        options={ACCESS_OPTIONS}
        value={values.access}
        onChange={(value) => {
          if (isAccess(value)) set('access')(value);
        }}
        error={errors.fields.role ?? errors.fields.removeLogin}
      />
    </Form>
  );
}
