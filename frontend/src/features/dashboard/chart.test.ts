import { describe, expect, it } from 'vitest';
import { usd } from '../../test/money';
import { buildChart, niceCeiling, sumMoney } from './chart';
import { MONTHS } from './testData';

describe('the purchases chart', () => {
  it('stacks each month’s products in the legend’s order, each product in its own colour', () => {
    const chart = buildChart(MONTHS);

    expect(chart.series).toEqual([
      { code: 'smartermail', name: 'SmarterMail', colour: 1 },
      { code: 'smartertrack', name: 'SmarterTrack', colour: 2 },
    ]);
    expect(chart.bars.map((bar) => bar.shortLabel).join(' ')).toBe('Apr May Jun Jul Aug Sep Oct Nov Dec Jan Feb Mar');
    expect(chart.bars.map((bar) => bar.yearLabel)).toEqual(['2025', '', '', '', '', '', '', '', '', '2026', '', '']);
    expect(chart.bars[9]?.segments.map((segment) => [segment.series.code, segment.total.amount])).toEqual([
      ['smartermail', '500.25'],
      ['smartertrack', '1000.25'],
    ]);
    expect(chart.max).toBe(2000);
    expect(chart.ticks).toEqual([0, 500, 1000, 1500, 2000]);
  });

  it('rounds the axis up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect([0, 7, 10, 11, 180, 249, 251, 999.99].map(niceCeiling)).toEqual([0, 10, 10, 20, 200, 250, 500, 1000]);
  });

  it('adds amounts to the cent without floating-point error', () => {
    const amounts = Array.from({ length: 10 }, () => usd('0.10'));
    expect(sumMoney(amounts, 'USD')).toEqual(usd('1.00'));
    expect(sumMoney([usd('1500.5'), usd('799.20'), usd('-0.05')], 'USD')).toEqual(usd('2299.65'));
  });
});
