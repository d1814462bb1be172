import type { SelectOption, SelectOptionGroup } from '../../components/form/SelectField';

/**
 * Readable names of the audited actions. The API lists the actions its log
 * holds (`auditActions`, e.g. `employee.add`); the part before the dot is the
 * family (`employee`), which the filter also accepts. A name not known here
 * is shown as its words, so a new kind of action is offered all the same.
 */
const FAMILY_LABELS: Readonly<Record<string, string>> = {
  account: 'Company details',
  admin: 'Administrators',
  api_key: 'API keys',
  billing_period: 'Month closes',
  catalog: 'Catalog',
  employee: 'People',
  installation: 'Installations',
  invoice: 'Invoices',
  license: 'Licenses',
  mailing_list: 'Mailing lists',
  order: 'Orders',
  payment: 'Payments',
  reseller: 'Resellers',
  session: 'Sign-ins and sign-outs',
  user: 'Passwords',
};

const ACTION_LABELS: Readonly<Record<string, string>> = {
  'account.update': 'Company details changed',
  'admin.create': 'Administrator created',
  'admin.new_link': 'Administrator sent a new link',
  'api_key.create': 'API key created',
  'api_key.revoke': 'API key revoked',
  'billing_period.closed': 'Month closed into summary invoices',
  'catalog.maintenance_policy_updated': 'M&S terms changed',
  'catalog.price_updated': 'Price changed',
  'employee.add': 'Person added',
  'employee.reinvite': 'Person invited again',
  'employee.remove': 'Person removed',
  'employee.update': 'Person changed',
  'installation.activate': 'Installation activated',
  'installation.deactivate': 'Installation deactivated',
  'installation.reactivate': 'Installation reactivated',
  'invoice.emailed': 'Invoice emailed',
  'invoice.paid': 'Invoice paid',
  'invoice.summarized': 'Summary invoice created',
  'license.assigned': 'License assigned',
  'license.modified': 'License modified',
  'mailing_list.subscribe': 'Subscribed to a mailing list',
  'mailing_list.unsubscribe': 'Unsubscribed from a mailing list',
  'order.placed': 'Order placed',
  'payment.recorded': 'Payment recorded',
  'reseller.create': 'Reseller created',
  'reseller.update': 'Reseller changed',
  'session.login': 'Signed in',
  'session.logout': 'Signed out',
  'session.logout_everywhere': 'Signed out everywhere',
  'user.change_password': 'Password changed',
  'user.set_password': 'Password chosen from a link',
};

/** `mailing_list` → "Mailing list". */
function words(name: string): string {
  const spaced = name.replaceAll('_', ' ').trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

function familyOf(action: string): string {
  return action.split('.', 1)[0] ?? action;
}

function familyLabel(family: string): string {
  return FAMILY_LABELS[family] ?? words(family);
}

/** An action's readable name, e.g. `employee.add` → "Person added"; an unknown one as its words. */
export function actionLabel(action: string): string {
  const family = familyOf(action);
  const rest = action.slice(family.length + 1);
  return ACTION_LABELS[action] ?? `${familyLabel(family)}: ${words(rest).toLowerCase()}`;
}

function byLabel(a: SelectOption, b: SelectOption): number {
  return a.label.localeCompare(b.label);
}

/**
 * The filter's choices for the actions the log holds: all actions, then a
 * group per family with the whole family first and then each of its actions,
 * in the order of their readable names.
 */
export function actionFilterOptions(actions: readonly string[]): (SelectOption | SelectOptionGroup)[] {
  const byFamily = new Map<string, SelectOption[]>();
  for (const action of new Set(actions)) {
    if (!action.includes('.')) continue; // the filter takes a name without a dot for a family
    const family = familyOf(action);
    byFamily.set(family, [...(byFamily.get(family) ?? []), { value: action, label: actionLabel(action) }]);
  }
  const families = [...byFamily].map(([family, members]) => ({
    value: family,
    label: familyLabel(family),
    members: members.sort(byLabel),
  }));
  const groups = families.sort(byLabel).map(
    ({ value, label, members }): SelectOptionGroup => ({
      group: label,
      options: [{ value, label: `${label}: all` }, ...members],
    }),
  );
  return [{ value: '', label: 'All actions' }, ...groups];
}
