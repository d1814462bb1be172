import type { AddEmployeeInput, UpdateEmployeeInput } from '../../gql/graphql';
import { accessOf } from './access';
import type { PersonValues } from './components/PersonForm';
import type { Person } from './queries';

/** The input of `addEmployee` from the form: a role gives a login (and an invitation). */
export function addEmployeeInput(values: PersonValues): AddEmployeeInput {
  return {
    name: values.name,
    email: values.email,
    phone: values.phone || null,
    jobTitle: values.jobTitle || null,
    role: values.access === 'NONE' ? null : values.access,
  };
}

/**
 * The input of `updateEmployee` from the form: only what changed. "No login"
 * for a person with a login takes the login away; a role for a contact gives one.
 */
export function updateEmployeeInput(person: Person, values: PersonValues): UpdateEmployeeInput {
  const input: UpdateEmployeeInput = { employeeId: person.id };
  if (values.name !== person.name) input.name = values.name;
  if (values.email !== person.email) input.email = values.email;
  if (values.phone !== person.phone) input.phone = values.phone;
  if (values.jobTitle !== person.jobTitle) input.jobTitle = values.jobTitle;
  const current = accessOf(person.role);
  if (values.access !== current) {
    if (values.access === 'NONE') input.removeLogin = true;
    else input.role = values.access;
  }
  return input;
}

/** What the person's access change means, for the confirmation after saving. */
export function describeAccessChange(person: Person, values: PersonValues): string {
  const current = accessOf(person.role);
  if (values.access === current) return '';
  if (values.access === 'NONE') return ' Their login was taken away; they stay as a contact.';
  if (current === 'NONE') return ' They were invited by email to choose a password.';
  return '';
}
