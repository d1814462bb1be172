import type { ReactNode } from 'react';
import { Dialog } from '../../../components/Dialog';
import { CancelButton } from '../../../components/form/CancelButton';
import { Form } from '../../../components/form/Form';
import type { FormErrorState } from '../../../lib/userErrors';
import type { ModifiableLicense } from '../modificationQueries';

/** What each dialog of a license's changes (upgrade, add-ons, M&S) takes besides its choice. */
export interface ModificationDialogProps {
  open: boolean;
  onClose: () => void;
  license: ModifiableLicense;
  /** The form's own check, the quote's refusal or the cart's, by field. */
  errors: FormErrorState;
  submitting: boolean;
  onSubmit: () => void;
}

interface ModificationFormDialogProps extends Omit<ModificationDialogProps, 'license'> {
  /** The dialog's title and its form's name. */
  title: string;
  /** The paragraph above the form: which license, and how the change works. */
  intro: ReactNode;
  /** The fields the form shows; errors of any other field are listed at its top. */
  shownFields: readonly string[];
  children: ReactNode;
}

/** A dialog whose form puts a change of a license into the cart: Add to cart, or Cancel. */
export function ModificationDialog({
  title,
  open,
  onClose,
  intro,
  errors,
  shownFields,
  submitting,
  onSubmit,
  children,
}: ModificationFormDialogProps) {
  return (
    <Dialog title={title} open={open} onClose={onClose}>
      <p>{intro}</p>
      <Form
        label={title}
        errors={errors}
        shownFields={shownFields}
        submitLabel="Add to cart"
        busyLabel="Adding…"
        busy={submitting}
        actions={<CancelButton onCancel={onClose} />}
        onSubmit={onSubmit}
      >
        {children}
      </Form>
    </Dialog>
  );
}

/** The license a dialog changes: what it licenses, in bold, and its key. */
export function LicenseNameAndKey({ license }: { license: ModifiableLicense }) {
  return (
    <>
      <strong>
        {license.product.name} {license.edition.name}, {license.tier.name}
      </strong>{' '}
      (<code>{license.key}</code>)
    </>
  );
}
