import { SelectField, type SelectOption } from '../../../components/form/SelectField';
import { SearchForm } from '../../../components/SearchForm';
import { PAYMENT_METHOD_LABELS } from '../../../lib/labels';
import { oneOf } from '../../../lib/listParams';
import { PAYMENT_METHODS, type OrderListFilters } from '../filters';

const PAYMENT_OPTIONS: readonly SelectOption[] = [
  { value: '', label: 'Any payment' },
  ...PAYMENT_METHODS.map((method) => ({ value: method, label: PAYMENT_METHOD_LABELS[method] })),
];

interface OrderFiltersProps {
  filters: OrderListFilters;
  onChange: (filters: OrderListFilters) => void;
}

/** Search by order number, and narrow by how the orders were paid. */
export function OrderFilters({ filters, onChange }: OrderFiltersProps) {
  return (
    <SearchForm
      // A new search from outside (the address changed) shows in the field.
      key={filters.search}
      label="Search orders"
      hint="By order number, whole or its beginning."
      value={filters.search}
      onSearch={(search) => {
        onChange({ ...filters, search });
      }}
    >
      <SelectField
        label="Payment"
        options={PAYMENT_OPTIONS}
        value={filters.paymentMethod ?? ''}
        onChange={(value) => {
          onChange({ ...filters, paymentMethod: oneOf(PAYMENT_METHODS, value) });
        }}
      />
    </SearchForm>
  );
}
