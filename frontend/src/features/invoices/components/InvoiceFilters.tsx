import { SelectField, type SelectOption } from '../../../components/form/SelectField';
import { SearchForm } from '../../../components/SearchForm';
import { INVOICE_STATUS_LABELS } from '../../../lib/labels';
import { oneOf } from '../../../lib/listParams';
import { INVOICE_KINDS, INVOICE_STATUSES, type InvoiceListFilters } from '../filters';
import { INVOICE_KIND_LABELS } from '../labels';

/** The status choice standing for "open or pending summary". */
const UNPAID = 'UNPAID';

const STATUS_OPTIONS: readonly SelectOption[] = [
  { value: '', label: 'Any status' },
  { value: UNPAID, label: 'Unpaid (open or pending summary)' },
  ...INVOICE_STATUSES.map((status) => ({ value: status, label: INVOICE_STATUS_LABELS[status] })),
];

const KIND_OPTIONS: readonly SelectOption[] = [
  { value: '', label: 'Any kind' },
  ...INVOICE_KINDS.map((kind) => ({ value: kind, label: INVOICE_KIND_LABELS[kind] })),
];

interface InvoiceFiltersProps {
  filters: InvoiceListFilters;
  onChange: (filters: InvoiceListFilters) => void;
}

/** Search by invoice number, and narrow by status (or unpaid) and kind. */
export function InvoiceFilters({ filters, onChange }: InvoiceFiltersProps) {
  return (
    <SearchForm
      // A new search from outside (the address changed) shows in the field.
      key={filters.search}
      label="Search invoices"
      hint="By invoice number, whole or its beginning."
      value={filters.search}
      onSearch={(search) => {
        onChange({ ...filters, search });
      }}
    >
      <SelectField
        label="Status"
        options={STATUS_OPTIONS}
        value={filters.unpaid ? UNPAID : (filters.status ?? '')}
        onChange={(value) => {
          onChange({ ...filters, unpaid: value === UNPAID, status: oneOf(INVOICE_STATUSES, value) });
        }}
      />
      <SelectField
        label="Kind"
        options={KIND_OPTIONS}
        value={filters.kind ?? ''}
        onChange={(value) => {
          onChange({ ...filters, kind: oneOf(INVOICE_KINDS, value) });
        }}
      />
    </SearchForm>
  );
}
