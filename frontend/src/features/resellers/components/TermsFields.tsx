import { CheckboxField } from '../../../components/form/CheckboxField';
import { TextField } from '../../../components/form/TextField';

export interface TermsValues {
  discountPercent: string;
  mayPayByInvoice: boolean;
}

interface Bound<Value> {
  onChange: (value: Value) => void;
  error: string | undefined;
}

interface TermsFieldsProps {
  /** The discount field's value, onChange and error (`text('discountPercent')`). */
  discount: Bound<string> & { value: string };
  /** The invoice checkbox's state, onChange and error (`checkbox('mayPayByInvoice')`). */
  invoice: Bound<boolean> & { checked: boolean };
}

/** The vendor's terms for a reseller: its discount and whether it may pay by monthly invoice. */
export function TermsFields({ discount, invoice }: TermsFieldsProps) {
  return (
    <>
      <TextField
        label="Discount (%)"
        inputMode="decimal"
        autoComplete="off"
        hint="Applied to every purchase, from 0 to 100."
        {...discount}
      />
      <CheckboxField
        label="May pay by monthly invoice"
        hint="Orders may go on the monthly summary invoice instead of being paid at once."
        {...invoice}
      />
    </>
  );
}
