import { Form } from '../../../components/form/Form';
import { TextField } from '../../../components/form/TextField';
import { useClientChecks } from '../../../components/form/useClientChecks';
import { useFormValues } from '../../../components/form/useFormValues';
import type { FormErrorState } from '../../../lib/userErrors';
import type { MaintenancePolicyValues } from '../queries';

/** The policy as the form holds it: every value as typed. */
interface PolicyFields {
  termMonths: string;
  renewalPercent: string;
  graceDays: string;
  reinstatementFeePercent: string;
}

interface MaintenancePolicyFormProps {
  policy: MaintenancePolicyValues;
  onSubmit: (values: MaintenancePolicyValues) => void;
  errors: FormErrorState;
  submitting: boolean;
}

const FIELDS = ['termMonths', 'renewalPercent', 'graceDays', 'reinstatementFeePercent'];
const WHOLE = /^\d{1,4}$/;
const PERCENT = /^\d{1,4}(\.\d{1,2})?$/;

function wholeProblem(value: string, min: number, max: number, what: string): string | undefined {
  if (WHOLE.test(value) && Number(value) >= min && Number(value) <= max) return undefined;
  return `Enter a whole number of ${what} from ${min} to ${max}.`;
}

function percentProblem(value: string): string | undefined {
  if (PERCENT.test(value) && Number(value) <= 1000) return undefined;
  return 'Enter a percentage from 0 to 1000, such as 50 or 12.5.';
}

/** The Maintenance & Support terms: the included term, renewal price, grace period and reinstatement fee. */
export function MaintenancePolicyForm({ policy, onSubmit, errors: apiErrors, submitting }: MaintenancePolicyFormProps) {
  const { errors, check } = useClientChecks(apiErrors);
  const { values, text } = useFormValues<PolicyFields>(
    {
      termMonths: String(policy.termMonths),
      renewalPercent: policy.renewalPercent,
      graceDays: String(policy.graceDays),
      reinstatementFeePercent: policy.reinstatementFeePercent,
    },
    errors,
  );
  return (
    <Form
      label="Maintenance & Support policy"
      errors={errors}
      shownFields={FIELDS}
      submitLabel="Save policy"
      busyLabel="Saving…"
      busy={submitting}
      onSubmit={() => {
        const typed = {
          termMonths: values.termMonths.trim(),
          renewalPercent: values.renewalPercent.trim(),
          graceDays: values.graceDays.trim(),
          reinstatementFeePercent: values.reinstatementFeePercent.trim(),
        };
        const valid = check({
          termMonths: wholeProblem(typed.termMonths, 1, 120, 'months'),
          renewalPercent: percentProblem(typed.renewalPercent),
          graceDays: wholeProblem(typed.graceDays, 0, 365, 'days'),
          reinstatementFeePercent: percentProblem(typed.reinstatementFeePercent),
        });
        if (!valid) return;
        onSubmit({
          termMonths: Number(typed.termMonths),
          renewalPercent: typed.renewalPercent,
          graceDays: Number(typed.graceDays),
          reinstatementFeePercent: typed.reinstatementFeePercent,
        });
      }}
    >
      <TextField
        label="M&S term (months)"
        inputMode="numeric"
        autoComplete="off"
        hint="Months of Maintenance & Support included with every new license, from 1 to 120."
        {...text('termMonths')}
      />
      <TextField
        label="Renewal (% of list price)"
        inputMode="decimal"
        autoComplete="off"
        hint="A year of M&S renewal costs this share of the license’s current list price."
        {...text('renewalPercent')}
      />
      <TextField
        label="Grace period (days)"
        inputMode="numeric"
        autoComplete="off"
        hint="For this many days after M&S expires it can still be renewed; after that it is reinstated."
        {...text('graceDays')}
      />
      <TextField
        label="Reinstatement fee (% of renewal price)"
        inputMode="decimal"
        autoComplete="off"
        hint="Added to the price of reinstating lapsed M&S."
        {...text('reinstatementFeePercent')}
      />
    </Form>
  );
}
