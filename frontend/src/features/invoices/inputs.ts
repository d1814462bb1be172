import type { RecordPaymentInput } from '../../gql/graphql';
import type { FormErrorState } from '../../lib/userErrors';

/** The addresses typed into one field, separated by commas, semicolons or new lines; blanks dropped. */
export function splitAddresses(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map((address) => address.trim())
    .filter((address) => address !== '');
}

/**
 * The messages of the `to` field for the person who typed the addresses: the
 * API names a refused address by its place in the list (`to.1`), the message
 * names the address itself.
 */
export function addressProblems(errors: FormErrorState, addresses: readonly string[]): string[] {
  const problems: string[] = [];
  for (const [field, message] of Object.entries(errors.fields)) {
    if (field === 'to') {
      problems.push(message);
      continue;
    }
    const match = /^to\.(\d+)$/.exec(field);
    if (!match) continue;
    const address = addresses[Number(match[1])];
    problems.push(address === undefined || message.includes(address) ? message : `${address}: ${message}`);
  }
  return problems;
}

/** Whether a user error belongs to the addresses field (`to`, or one address of it). */
export function isAddressField(field: string): boolean {
  return field === 'to' || /^to\.\d+$/.test(field);
}

/** A payment as typed into the Record payment dialog. */
export interface RecordPaymentValues {
  amount: string;
  reference: string;
  /** The day the money arrived, YYYY-MM-DD (named as the input's field, so that its user errors land here). */
  receivedAt: string;
}

const AMOUNT = /^\d+(\.\d{1,2})?$/;

/** Today's date where the browser is, YYYY-MM-DD (what a date input holds). */
export function localToday(now: Date = new Date()): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}

/** What is wrong with a payment before it is sent: an amount as the API takes it, a reference, a day not ahead. */
export function recordPaymentProblems(values: RecordPaymentValues, today: string = localToday()) {
  const amount = values.amount.trim().replace(/,/g, '');
  return {
    amount:
      !AMOUNT.test(amount) || /^0+(\.0+)?$/.test(amount)
        ? 'Enter the amount received, such as 1249.00.'
        : undefined,
    reference: values.reference.trim() ? undefined : 'Enter the bank’s reference of the transfer.',
    receivedAt: values.receivedAt > today ? 'The day received cannot be in the future.' : undefined,
  };
}

/**
 * The `recordPayment` input. The day received becomes midday UTC of that day
 * (the same calendar day in nearly every time zone); today, or no day, is left
 * to the server, which records the moment of recording.
 */
export function recordPaymentInput(
  invoiceId: string,
  values: RecordPaymentValues,
  today: string = localToday(),
): RecordPaymentInput {
  const receivedAt = values.receivedAt.trim();
  return {
    invoiceId,
    amount: values.amount.trim().replace(/,/g, ''),
    reference: values.reference.trim(),
    receivedAt: receivedAt && receivedAt !== today ? `${receivedAt}T12:00:00Z` : null,
  };
}
