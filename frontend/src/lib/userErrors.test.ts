import { describe, expect, it } from 'vitest';
import { groupUserErrors, messagesForTop } from './userErrors';

describe('groupUserErrors', () => {
  it('puts each message at the field its path names, and the others at the top', () => {
    const errors = groupUserErrors([
      { message: 'Not an email address.', field: ['input', 'billingEmail'] },
      { message: 'Too long.', field: ['input', 'billingEmail'] },
      { message: 'Unknown country.', field: ['input', 'country'] },
      { message: 'Too many attempts.', field: null },
      { message: 'Whole input.', field: ['input'] },
    ]);

    expect(errors.fields).toEqual({ billingEmail: 'Not an email address.', country: 'Unknown country.' });
    expect(errors.general).toEqual(['Too many attempts.', 'Whole input.']);
  });

  it('keeps the message of a field the form does not show for the top of the form', () => {
    const errors = groupUserErrors([
      { message: 'Link expired.', field: ['input', 'token'] },
      { message: 'Too short.', field: ['input', 'password'] },
    ]);

    expect(messagesForTop(errors, ['password'])).toEqual(['Link expired.']);
  });
});
