import { Form } from '../../../components/form/Form';
import { useClientChecks } from '../../../components/form/useClientChecks';
import { useFormValues } from '../../../components/form/useFormValues';
import type { FormErrorState } from '../../../lib/userErrors';
import { discountProblem } from '../discount';
import { TermsFields, type TermsValues } from './TermsFields';

interface ResellerTermsFormProps {
  initial: TermsValues;
  onSubmit: (values: TermsValues) => void;
  errors: FormErrorState;
  submitting: boolean;
}

const FIELDS = ['discountPercent', 'mayPayByInvoice'];

/** Change a reseller's discount and invoice permission. */
export function ResellerTermsForm({ initial, onSubmit, errors: apiErrors, submitting }: ResellerTermsFormProps) {
  const { errors, check } = useClientChecks(apiErrors);
  const { values, text, checkbox } = useFormValues<TermsValues>(initial, errors);
  return (
    <Form
      label="Terms"
      errors={errors}
      shownFields={FIELDS}
      submitLabel="Save terms"
      busyLabel="Saving…"
      busy={submitting}
      onSubmit={() => {
        if (check({ discountPercent: discountProblem(values.discountPercent.trim()) })) {
          onSubmit({ ...values, discountPercent: values.discountPercent.trim() });
        }
      }}
    >
      <TermsFields discount={text('discountPercent')} invoice={checkbox('mayPayByInvoice')} />
    </Form>
  );
}
