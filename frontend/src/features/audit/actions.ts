import type { SelectOption } from '../../components/form/SelectField';

/**
 * The families of audited actions the filter offers (the API filters by a
 * family such as `employee` or one action such as `employee.add`). The API has
 * no list of them, so they are named here.
 */
const RESELLER_FAMILIES: readonly SelectOption[] = [
  { value: 'account', label: 'Company details' },
  { value: 'employee', label: 'People' },
  { value: 'mailing_list', label: 'Mailing lists' },
  { value: 'api_key', label: 'API keys' },
  { value: 'session', label: 'Sign-ins and sign-outs' },
  { value: 'user', label: 'Passwords' },
];

const VENDOR_FAMILIES: readonly SelectOption[] = [
  { value: 'reseller', label: 'Resellers' },
  { value: 'admin', label: 'Administrators' },
];

export function actionFilterOptions(isVendor: boolean): SelectOption[] {
  return [
    { value: '', label: 'All actions' },
    ...(isVendor ? VENDOR_FAMILIES : []),
    ...RESELLER_FAMILIES,
  ];
}
