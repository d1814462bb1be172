import { DateTime } from '../../../components/DateTime';
import { CheckboxField } from '../../../components/form/CheckboxField';
import { formatMoney } from '../../../lib/money';
import type { AddonOption } from '../modifications';
import type { Quote } from '../modificationQueries';
import { LicenseNameAndKey, ModificationDialog, type ModificationDialogProps } from './ModificationDialog';
import { QuotePreview } from './QuotePreview';

interface AddonsDialogProps extends ModificationDialogProps {
  options: readonly AddonOption[];
  /** The codes chosen. */
  chosen: readonly string[];
  onChange: (chosen: string[]) => void;
  quote: Quote | undefined;
  quoting: boolean;
}

const isAddonField = (name: string) => name === 'addAddonCodes' || name.startsWith('addAddonCodes.');

/** Buy add-ons for a license: those its edition allows and it lacks, prorated to its M&S expiry. */
export function AddonsDialog({ license, options, chosen, onChange, quote, quoting, ...form }: AddonsDialogProps) {
  const addonErrors = Object.entries(form.errors.fields)
    .filter(([name]) => isAddonField(name))
    .map(([, message]) => message);
  return (
    <ModificationDialog
      title="Buy add-ons"
      {...form}
      intro={
        <>
          For <LicenseNameAndKey license={license} />. Add-ons run with Maintenance &amp; Support: each is priced for
          the days left until M&amp;S ends on <DateTime value={license.maintenanceExpiresAt} dateOnly />.
        </>
      }
      shownFields={Object.keys(form.errors.fields).filter(isAddonField)}
    >
      <fieldset className={addonErrors.length > 0 ? 'field--invalid' : undefined}>
        <legend>Add-ons</legend>
        {addonErrors.map((message) => (
          <p key={message} className="field-error">
            <span className="visually-hidden">Error: </span>
            {message}
          </p>
        ))}
        {options.map(({ addon, yearlyPrice, unavailableReason }) => (
          <CheckboxField
            key={addon.code}
            label={addon.name}
            checked={chosen.includes(addon.code)}
            disabled={unavailableReason !== undefined}
            hint={unavailableReason ?? (yearlyPrice && `${formatMoney(yearlyPrice)} a year at list price.`)}
            onChange={(checked) => {
              onChange(checked ? [...chosen, addon.code] : chosen.filter((code) => code !== addon.code));
            }}
          />
        ))}
      </fieldset>
      <QuotePreview
        price={quote?.price}
        description={quote?.description}
        note={
          chosen.length === 0
            ? 'Choose the add-ons to buy.'
            : quoting
              ? 'Calculating…'
              : 'These add-ons cannot be bought: see above.'
        }
      />
    </ModificationDialog>
  );
}
