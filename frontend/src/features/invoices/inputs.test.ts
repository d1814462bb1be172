import { describe, expect, it } from 'vitest';
import { addressProblems, localToday, recordPaymentInput, recordPaymentProblems, splitAddresses } from './inputs';

describe('splitAddresses', () => {
  it('splits at commas, semicolons and new lines, and drops blanks', () => {
    expect(splitAddresses(' a@x.example,b@x.example\n\n c@x.example ;\r\n')).toEqual([
      'a@x.example',
      'b@x.example',
      'c@x.example',
    ]);
    expect(splitAddresses(' , \n')).toEqual([]);
  });
});

describe('addressProblems', () => {
  it('names the address of each refused place in the list, and keeps a message about the whole list', () => {
    const errors = {
      general: [],
      fields: {
        'to.2': 'is not an email address.',
        to: 'Send to at most 10 addresses.',
        'to.0': 'bad@x is refused.',
        message: 'Too long.',
      },
    };
    expect(addressProblems(errors, ['bad@x', 'ok@x.example', 'worse'])).toEqual([
      'worse: is not an email address.',
      'Send to at most 10 addresses.',
      'bad@x is refused.',
    ]);
  });
});

describe('recordPaymentProblems', () => {
  const today = '2026-11-27';
  it.each([
    ['1249.00', undefined],
    ['1,249.5', undefined],
    ['0.01', undefined],
    ['0', 'Enter the amount received, such as 1249.00.'],
    ['0.00', 'Enter the amount received, such as 1249.00.'],
    ['-5', 'Enter the amount received, such as 1249.00.'],
    ['12.345', 'Enter the amount received, such as 1249.00.'],
    ['', 'Enter the amount received, such as 1249.00.'],
  ])('takes %j as an amount: %s', (amount, problem) => {
    expect(recordPaymentProblems({ amount, reference: 'R', receivedAt: today }, today).amount).toBe(problem);
  });

  it('asks for a reference and a day not ahead', () => {
    expect(recordPaymentProblems({ amount: '1', reference: ' ', receivedAt: '2026-11-28' }, today)).toEqual({
      amount: undefined,
      reference: 'Enter the bank’s reference of the transfer.',
      receivedAt: 'The day received cannot be in the future.',
    });
  });
});

describe('recordPaymentInput', () => {
  it('sends an earlier day as its midday in UTC, and leaves today to the server', () => {
    const values = { amount: ' 1,249.00 ', reference: ' REF ', receivedAt: '2026-11-20' };
    expect(recordPaymentInput('SW52', values, '2026-11-27')).toEqual({
      invoiceId: 'SW52',
      amount: '1249.00',
      reference: 'REF',
      receivedAt: '2026-11-20T12:00:00Z',
    });
    expect(recordPaymentInput('SW52', { ...values, receivedAt: '2026-11-27' }, '2026-11-27').receivedAt).toBeNull();
    expect(recordPaymentInput('SW52', { ...values, receivedAt: '' }, '2026-11-27').receivedAt).toBeNull();
  });

  it('knows today where the browser is', () => {
    expect(localToday(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});
