import { DateTime } from '../../../components/DateTime';
import { DetailsList, type Detail } from '../../../components/DetailsList';
import { SelectField } from '../../../components/form/SelectField';
import { formatYears } from '../../../lib/labels';
import { formatMoney } from '../../../lib/money';
import { MAINTENANCE_YEARS, maintenanceActionLabel } from '../modifications';
import type { MaintenanceOffer } from '../modificationQueries';
import { LicenseNameAndKey, ModificationDialog, type ModificationDialogProps } from './ModificationDialog';

const YEAR_OPTIONS = MAINTENANCE_YEARS.map((years) => ({
  value: String(years),
  label: formatYears(years),
}));

interface MaintenanceDialogProps extends ModificationDialogProps {
  /** The offer for one year, which names the dialog (renew or reinstate). */
  kindOf: Pick<MaintenanceOffer, 'kind'>;
  years: number;
  onYearsChange: (years: number) => void;
  /** The offer for the years chosen; undefined while there is none. */
  offer: MaintenanceOffer | undefined;
  /** Why there is no offer: on its way, not loaded, not sold. */
  offerNote: string;
}

function offerDetails(offer: MaintenanceOffer): Detail[] {
  const reinstatement = offer.kind === 'MAINTENANCE_REINSTATEMENT';
  return [
    ['Price', <strong key="price">{formatMoney(offer.price)}</strong>],
    ...(reinstatement
      ? ([
          ['Months lapsed', String(offer.monthsLapsed)],
          ['Reinstatement fee (included)', formatMoney(offer.reinstatementFee)],
        ] satisfies Detail[])
      : []),
    ['Each year of renewal', formatMoney(offer.yearlyPrice)],
    ['New M&S expiry', <DateTime key="expiry" value={offer.newExpiresAt} dateOnly />],
  ];
}

/** Renew (or, once lapsed, reinstate) a license's Maintenance & Support for 1 to 5 years. */
export function MaintenanceDialog({
  license,
  kindOf,
  years,
  onYearsChange,
  offer,
  offerNote,
  ...form
}: MaintenanceDialogProps) {
  const label = maintenanceActionLabel(kindOf);
  return (
    <ModificationDialog
      title={label}
      {...form}
      intro={
        <>
          <LicenseNameAndKey license={license} />: M&amp;S ends on{' '}
          <DateTime value={license.maintenanceExpiresAt} dateOnly />.{' '}
          {kindOf.kind === 'MAINTENANCE_REINSTATEMENT'
            ? 'It lapsed too long ago to renew: a reinstatement prices in the months lapsed and a fee, and runs from today.'
            : 'A renewal continues from the current expiry.'}
        </>
      }
      shownFields={['years']}
    >
      <SelectField
        label="Years"
        value={String(years)}
        options={YEAR_OPTIONS}
        error={form.errors.fields.years}
        onChange={(value) => {
          onYearsChange(Number(value));
        }}
      />
      <section className="price-preview" aria-label="M&S price">
        <div aria-live="polite">
          {offer ? <DetailsList details={offerDetails(offer)} /> : <p>{offerNote}</p>}
        </div>
        <p className="field-hint">Before your reseller discount. The cart shows what you pay, with the discount.</p>
      </section>
    </ModificationDialog>
  );
}
