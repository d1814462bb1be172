import type { SelectOption } from '../../components/form/SelectField';
import type { Role } from '../../gql/graphql';
import { RESELLER_ROLE_SUMMARIES, RESELLER_ROLES, type ResellerRole } from '../../lib/labels';

/** A person's access as the form picks it: no login, or a login with one of the reseller roles. */
export type Access = 'NONE' | ResellerRole;

export const ACCESS_OPTIONS: readonly SelectOption[] = [
  { value: 'NONE', label: 'No login (contact only)' },
  ...RESELLER_ROLES.map((role) => ({ value: role, label: RESELLER_ROLE_SUMMARIES[role] })),
];

export function accessOf(role: Role | null | undefined): Access {
  return role && (RESELLER_ROLES as readonly Role[]).includes(role) ? (role as ResellerRole) : 'NONE';
}

export function isAccess(value: string): value is Access {
  return value === 'NONE' || (RESELLER_ROLES as readonly string[]).includes(value);
}
