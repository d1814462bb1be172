import { describe, expect, it } from 'vitest';
import { usd } from '../../test/money';
import { sumOf, times } from './listPrice';

describe('sumOf', () => {
  it('adds amounts exactly, to the finest decimal place given', () => {
    expect(sumOf([usd('749.00'), usd('250.00')])).toEqual(usd('999.00'));
    expect(sumOf([usd('0.10'), usd('0.20')])).toEqual(usd('0.30'));
    expect(sumOf([usd('1'), usd('0.5')])).toEqual(usd('1.5'));
    expect(sumOf([usd('0.00')])).toEqual(usd('0.00'));
  });

  it('answers null for nothing, mixed currencies or an unreadable amount', () => {
    expect(sumOf([])).toBeNull();
    expect(sumOf([usd('1.00'), { amount: '1.00', currency: 'EUR' }])).toBeNull();
    expect(sumOf([usd('1.00'), usd('one')])).toBeNull();
  });
});

describe('times', () => {
  it('multiplies exactly', () => {
    expect(times(usd('999.00'), 2)).toEqual(usd('1998.00'));
    expect(times(usd('0.07'), 100)).toEqual(usd('7.00'));
    expect(times(usd('1249.99'), 3)).toEqual(usd('3749.97'));
  });

  it('answers null for a fraction of a license or an unreadable amount', () => {
    expect(times(usd('10.00'), 1.5)).toBeNull();
    expect(times(usd('x'), 2)).toBeNull();
  });
});
