import { describe, expect, it } from 'vitest';
import { closeResult, formatPeriod, isPeriod, previousMonth } from './period';

describe('billing periods', () => {
  it('starts with the month before, in UTC', () => {
    expect(previousMonth(new Date('2026-11-27T08:00:00Z'))).toBe('2026-10');
    expect(previousMonth(new Date('2026-01-01T00:00:00Z'))).toBe('2025-12');
    expect(previousMonth(new Date('2026-10-01T00:30:00Z'))).toBe('2026-09');
  });

  it('takes YYYY-MM only', () => {
    expect(['2026-10', '2026-01', '2026-12'].map(isPeriod)).toEqual([true, true, true]);
    expect(['2026-13', '2026-00', '2026-1', '26-10', '2026-10-01', ''].map(isPeriod)).toEqual(
      Array.from({ length: 6 }, () => false),
    );
  });

  it('names a month for people', () => {
    expect(formatPeriod('2026-10')).toBe('October 2026');
    expect(formatPeriod('2026-01')).toBe('January 2026');
    expect(formatPeriod('later')).toBe('later');
  });

  it('says what closing made, or that there was nothing new', () => {
    expect(closeResult('2026-10', 2, 5)).toBe('October 2026 closed: 2 summary invoices created from 5 invoices.');
    expect(closeResult('2026-10', 1, 1)).toBe('October 2026 closed: 1 summary invoice created from 1 invoice.');
    expect(closeResult('2026-10', 0, 0)).toBe('October 2026 is already closed — nothing new to summarize.');
  });
});
