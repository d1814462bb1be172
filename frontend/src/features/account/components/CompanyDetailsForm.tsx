import { CheckboxField } from '../../../components/form/CheckboxField';
import { Form } from '../../../components/form/Form';
import { TextField } from '../../../components/form/TextField';
import { useFormValues } from '../../../components/form/useFormValues';
import type { FormErrorState } from '../../../lib/userErrors';
import { CONTACT_GROUPS, NOTIFICATIONS, SHOWN_FIELDS, valuesOf, type CompanyDetailsValues } from '../fields';
import type { CompanyAccount } from '../queries';

interface CompanyDetailsFormProps {
  account: CompanyAccount;
  onSubmit: (values: CompanyDetailsValues) => void;
  errors: FormErrorState;
  submitting: boolean;
}

/** The account's contact information and notification choices, for those who may change them. */
export function CompanyDetailsForm({ account, onSubmit, errors, submitting }: CompanyDetailsFormProps) {
  const { values, text, checkbox } = useFormValues(() => valuesOf(account), errors);
  return (
    <Form
      label="Company details"
      errors={errors}
      shownFields={SHOWN_FIELDS}
      submitLabel="Save changes"
      busyLabel="Saving…"
      busy={submitting}
      onSubmit={() => {
        onSubmit({ ...values, country: values.country.trim().toUpperCase() });
      }}
    >
      {CONTACT_GROUPS.map((group) => (
        <fieldset key={group.legend}>
          <legend>{group.legend}</legend>
          {group.fields.map((field) => (
            <TextField
              key={field.name}
              label={field.label}
              type={field.type}
              autoComplete={field.autoComplete}
              hint={field.hint}
              optional={field.optional}
              maxLength={field.maxLength}
              {...text(field.name)}
            />
          ))}
        </fieldset>
      ))}
      <fieldset>
        <legend>Email the billing address when</legend>
        {NOTIFICATIONS.map(({ name, label }) => (
          <CheckboxField key={name} label={label} {...checkbox(name)} />
        ))}
      </fieldset>
    </Form>
  );
}
