import type { ReactNode } from 'react';
import { Form } from '../../../components/form/Form';
import { TextField } from '../../../components/form/TextField';
import { useClientChecks } from '../../../components/form/useClientChecks';
import { useFormValues } from '../../../components/form/useFormValues';
import type { FormErrorState } from '../../../lib/userErrors';
import { discountProblem } from '../discount';
import { TermsFields, type TermsValues } from './TermsFields';

export interface NewReseller extends TermsValues {
  name: string;
  ownerName: string;
  ownerEmail: string;
}

interface CreateResellerFormProps {
  onSubmit: (values: NewReseller) => void;
  errors: FormErrorState;
  submitting: boolean;
  /** Buttons beside the submit button, such as Cancel. */
  actions?: ReactNode;
}

const FIELDS = ['name', 'ownerName', 'ownerEmail', 'discountPercent', 'mayPayByInvoice'];

/** A new reseller account and its owner, who is invited by email. */
export function CreateResellerForm({ onSubmit, errors: apiErrors, submitting, actions }: CreateResellerFormProps) {
  const { errors, check } = useClientChecks(apiErrors);
  const { values, text, checkbox } = useFormValues<NewReseller>(
    { name: '', ownerName: '', ownerEmail: '', discountPercent: '0', mayPayByInvoice: false },
    errors,
  );
  return (
    <Form
      label="Create a reseller"
      errors={errors}
      shownFields={FIELDS}
      submitLabel="Create reseller"
      busyLabel="Creating…"
      busy={submitting}
      actions={actions}
      onSubmit={() => {
        if (!check({ discountPercent: discountProblem(values.discountPercent.trim()) })) return;
        onSubmit({
          ...values,
          name: values.name.trim(),
          ownerName: values.ownerName.trim(),
          ownerEmail: values.ownerEmail.trim(),
          discountPercent: values.discountPercent.trim(),
        });
      }}
    >
      <TextField
        label="Company name"
        autoComplete="off"
        required
        {...text('name')}
      />
      <TextField
        label="Owner’s name"
        autoComplete="off"
        required
        {...text('ownerName')}
      />
      <TextField
        label="Owner’s email"
        type="email"
        autoComplete="off"
        required
        hint="The owner’s login. An invitation to choose a password is sent here."
        {...text('ownerEmail')}
      />
      <TermsFields discount={text('discountPercent')} invoice={checkbox('mayPayByInvoice')} />
    </Form>
  );
}
