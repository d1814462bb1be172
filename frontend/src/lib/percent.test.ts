import { describe, expect, it } from 'vitest';
import { formatPercent } from './percent';

describe('formatPercent', () => {
  it.each([
    ['20.00', '20%'],
    ['12.50', '12.5%'],
    ['0.00', '0%'],
    ['7.25', '7.25%'],
    ['100', '100%'],
  ])('shows %s as %s', (value, expected) => {
    expect(formatPercent(value)).toBe(expected);
  });

  it('shows what it cannot read as sent', () => {
    expect(formatPercent('abc')).toBe('abc%');
  });
});
