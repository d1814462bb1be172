/** A mutation's `UserError`, as every payload of the API returns them. */
export interface UserErrorLike {
  message: string;
  /** Path to the input field at fault, e.g. ['input', 'billingEmail']; null for the whole input. */
  field?: readonly string[] | null;
}

/** User errors sorted for a form: one message per field, and the rest for the top of the form. */
export interface FormErrorState {
  /** Messages that name no field. */
  general: readonly string[];
  /** The message for each field, keyed by the field's name within `input` (e.g. `billingEmail`). */
  fields: Readonly<Record<string, string>>;
}

export const NO_ERRORS: FormErrorState = { general: [], fields: {} };

/** The field a user error names, without the leading `input`; undefined for none. */
function fieldName(field: readonly string[] | null | undefined): string | undefined {
  if (!field || field.length === 0) return undefined;
  const path = field[0] === 'input' ? field.slice(1) : field;
  return path.length > 0 ? path.join('.') : undefined;
}

/** Sorts user errors into per-field messages and general ones; a field's first message wins. */
export function groupUserErrors(errors: readonly UserErrorLike[]): FormErrorState {
  const general: string[] = [];
  const fields: Record<string, string> = {};
  for (const error of errors) {
    const name = fieldName(error.field);
    if (name === undefined) {
      general.push(error.message);
    } else {
      fields[name] ??= error.message;
    }
  }
  return { general, fields };
}

/**
 * The messages to show at the top of a form: the general ones and those of
 * fields the form does not show, so that no message is ever lost.
 */
export function messagesForTop(errors: FormErrorState, shownFields: readonly string[]): string[] {
  const unshown = Object.entries(errors.fields)
    .filter(([name]) => !shownFields.includes(name))
    .map(([, message]) => message);
  return [...errors.general, ...unshown];
}

export function hasErrors(errors: FormErrorState): boolean {
  return errors.general.length > 0 || Object.keys(errors.fields).length > 0;
}
