import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { Dialog } from '../../../components/Dialog';
import { CancelButton } from '../../../components/form/CancelButton';
import { Form } from '../../../components/form/Form';
import { SelectField, type SelectOption } from '../../../components/form/SelectField';
import { TextField } from '../../../components/form/TextField';
import { useClientChecks } from '../../../components/form/useClientChecks';
import { useFormValues } from '../../../components/form/useFormValues';
import type { FormErrorState } from '../../../lib/userErrors';
import { describeCustomer, describeLicense, licenseChoiceLabel, type AssignableLicense } from '../assignment';

/** The dialog's fields, named as the input of `assignLicense` (so that user errors land on them). */
export interface AssignValues {
  licenseKey: string;
  email: string;
  name: string;
}

const FIELDS = ['licenseKey', 'email', 'name'];

interface StepsProps {
  /** The unassigned licenses to choose from. */
  choices: readonly AssignableLicense[];
  /** Why the choices may be incomplete (still loading, or not loaded), for the field's hint. */
  choicesNote?: string | undefined;
  initial: AssignValues;
  errors: FormErrorState;
  submitting: boolean;
  /** Assigns; resolves to whether it worked (when it did not, `errors` say why). */
  onAssign: (values: AssignValues) => Promise<boolean>;
}

interface AssignLicenseDialogProps extends StepsProps {
  open: boolean;
  onClose: () => void;
}

/**
 * The Assign Product dialog: the license and the customer's email and name,
 * then a confirmation that says the assignment is final, then the assignment.
 * A refusal brings the details back with the server's reason at its field.
 */
export function AssignLicenseDialog({ open, onClose, ...steps }: AssignLicenseDialogProps) {
  return (
    <Dialog title="Assign license" open={open} onClose={onClose}>
      <AssignSteps {...steps} onCancel={onClose} />
    </Dialog>
  );
}

/**
 * Focuses an element in a dialog: at once when the dialog is shown, otherwise
 * as the element the dialog focuses when it opens (its autofocus delegate).
 */
function focusInDialog(element: HTMLElement | null | undefined) {
  if (!element) return;
  if (element.closest('dialog')?.open) element.focus();
  else element.setAttribute('autofocus', '');
}

function AssignSteps({
  choices,
  choicesNote,
  initial,
  errors: apiErrors,
  submitting,
  onAssign,
  onCancel,
}: StepsProps & { onCancel: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const { errors, check } = useClientChecks(apiErrors);
  const { values, set, text } = useFormValues<AssignValues>(initial, errors);
  const body = useRef<HTMLDivElement>(null);
  const chosen = choices.find((license) => license.key === values.licenseKey);

  // Focus where the person continues: the first field in error, else the first still to fill
  // (the license, unless it was chosen before opening), or the safe choice when asked to confirm.
  const [startField] = useState(() => (initial.licenseKey ? 'email' : 'licenseKey'));
  const fieldInError = FIELDS.find((field) => errors.fields[field] !== undefined);
  useEffect(() => {
    const container = body.current;
    if (!container) return;
    const selector = confirming ? '[data-safe-choice]' : `[name="${fieldInError ?? startField}"]`;
    focusInDialog(container.querySelector<HTMLElement>(selector));
  }, [confirming, fieldInError, startField]);

  if (choices.length === 0 && !choicesNote) {
    return (
      <div ref={body}>
        <p>
          You have no unassigned licenses for resale. Buy licenses in the <Link to="/shop">Shop</Link>, then assign
          them here.
        </p>
        <div className="form-actions">
          <CancelButton onCancel={onCancel} />
        </div>
      </div>
    );
  }

  return (
    <div ref={body}>
      {confirming && chosen ? (
        <ConfirmStep
          license={chosen}
          email={values.email}
          name={values.name}
          submitting={submitting}
          onConfirm={() => {
            void onAssign(values).then((assigned) => {
              if (!assigned) setConfirming(false);
            });
          }}
          onBack={() => {
            setConfirming(false);
          }}
        />
      ) : (
        <Form
          label="Assign license"
          errors={errors}
          shownFields={FIELDS}
          submitLabel="Continue"
          busyLabel="Continue"
          busy={false}
          actions={<CancelButton onCancel={onCancel} />}
          onSubmit={() => {
            const trimmed = { ...values, email: values.email.trim(), name: values.name.trim() };
            const ready = check({
              licenseKey: trimmed.licenseKey ? undefined : 'Choose the license to assign.',
              email: trimmed.email ? undefined : 'Enter the email of the customer who gets the license.',
            });
            set('email')(trimmed.email);
            set('name')(trimmed.name);
            if (ready) setConfirming(true);
          }}
        >
          <SelectField
            label="License"
            name="licenseKey"
            hint={choicesNote ?? 'Your unassigned licenses for resale, newest first.'}
            options={licenseOptions(choices)}
            value={values.licenseKey}
            onChange={set('licenseKey')}
            error={errors.fields.licenseKey}
          />
          <TextField
            label="Customer email"
            name="email"
            type="email"
            autoComplete="off"
            required
            hint="The customer's login. A new customer gets an account and an email with a link to set a password."
            {...text('email')}
          />
          <TextField label="Customer name" name="name" autoComplete="off" optional {...text('name')} />
        </Form>
      )}
    </div>
  );
}

function licenseOptions(choices: readonly AssignableLicense[]): SelectOption[] {
  return [
    { value: '', label: 'Choose a license' },
    ...choices.map((license) => ({ value: license.key, label: licenseChoiceLabel(license) })),
  ];
}

interface ConfirmStepProps {
  license: AssignableLicense;
  email: string;
  name: string;
  submitting: boolean;
  onConfirm: () => void;
  onBack: () => void;
}

/** The last step: what is assigned to whom, and that it cannot be undone. Focus starts on Back, the safe choice. */
function ConfirmStep({ license, email, name, submitting, onConfirm, onBack }: ConfirmStepProps) {
  const questionId = useId();
  return (
    <div role="group" aria-labelledby={questionId}>
      <p id={questionId} className="warning">
        <strong>
          Assign {license.key} to {email}? This cannot be undone.
        </strong>
      </p>
      <p>
        {describeLicense(license)} goes to {describeCustomer(email, name)} for good: an assigned license can never be
        re-assigned, not even to correct the address. The customer gets an email with the license key.
      </p>
      <div className="form-actions">
        <button
          type="button"
          aria-disabled={submitting}
          onClick={() => {
            if (!submitting) onConfirm();
          }}
        >
          {submitting ? 'Assigning…' : 'Yes, assign license'}
        </button>
        <button type="button" className="button-secondary" data-safe-choice onClick={onBack}>
          Back
        </button>
      </div>
    </div>
  );
}
