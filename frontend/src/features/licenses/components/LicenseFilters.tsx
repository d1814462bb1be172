import { SelectField, type SelectOption } from '../../../components/form/SelectField';
import { SearchForm } from '../../../components/SearchForm';
import type { LicenseListFilters } from '../filters';
import { LICENSE_STATUS_LABELS } from '../labels';

const STATUS_OPTIONS: readonly SelectOption[] = [
  { value: '', label: 'All' },
  ...(['UNASSIGNED', 'ASSIGNED'] as const).map((status) => ({ value: status, label: LICENSE_STATUS_LABELS[status] })),
];

interface LicenseFiltersProps {
  filters: LicenseListFilters;
  /** The products to choose from. */
  products: readonly { code: string; name: string }[];
  onChange: (filters: LicenseListFilters) => void;
}

function productOptions(products: LicenseFiltersProps['products'], current: string): SelectOption[] {
  const options = products.map(({ code, name }) => ({ value: code, label: name }));
  // A product named in the address before the catalog is loaded (or no longer in it) stays chosen.
  if (current && !options.some((option) => option.value === current)) {
    options.push({ value: current, label: current });
  }
  return [{ value: '', label: 'All products' }, ...options];
}

/** Search by key or customer email, and narrow by status and product. */
export function LicenseFilters({ filters, products, onChange }: LicenseFiltersProps) {
  return (
    <SearchForm
      // A new search from outside (the address changed) shows in the field.
      key={filters.search}
      label="Search licenses"
      hint="By license key (or its beginning) or customer email."
      value={filters.search}
      onSearch={(search) => {
        onChange({ ...filters, search });
      }}
    >
      <SelectField
        label="Status"
        options={STATUS_OPTIONS}
        value={filters.status ?? ''}
        onChange={(value) => {
          onChange({ ...filters, status: value === 'UNASSIGNED' || value === 'ASSIGNED' ? value : null });
        }}
      />
      <SelectField
        label="Product"
        options={productOptions(products, filters.productCode)}
        value={filters.productCode}
        onChange={(productCode) => {
          onChange({ ...filters, productCode });
        }}
      />
    </SearchForm>
  );
}
