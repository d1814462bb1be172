import { Form } from '../../../components/form/Form';
import { TextField } from '../../../components/form/TextField';
import type { FormErrorState } from '../../../lib/userErrors';

const FIELDS = ['period'];

interface ClosePeriodFormProps {
  period: string;
  onPeriodChange: (period: string) => void;
  errors: FormErrorState;
  closing: boolean;
  /** Asks to close the month; the confirmation comes next. */
  onSubmit: () => void;
}

/** The month to close (the previous one to start with), sent only after a confirmation. */
export function ClosePeriodForm({ period, onPeriodChange, errors, closing, onSubmit }: ClosePeriodFormProps) {
  return (
    <Form
      label="Close a month"
      errors={errors}
      shownFields={FIELDS}
      submitLabel="Close month…"
      busyLabel="Closing month…"
      busy={closing}
      onSubmit={onSubmit}
    >
      <TextField
        label="Month"
        name="period"
        type="month"
        placeholder="YYYY-MM"
        pattern="\d{4}-\d{2}"
        required
        hint="The month to close, as YYYY-MM. The previous month to start with."
        value={period}
        error={errors.fields.period}
        onChange={onPeriodChange}
      />
    </Form>
  );
}
