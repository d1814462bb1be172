import { DEFAULT_LOCALE, formatMoney, type Money } from '../../lib/money';
import type { MonthlyPurchases } from './queries';

/*
 * The purchases chart's figures: which products stack in each month's bar, in which colour,
 * and the scale. Amounts stay exact decimal strings for everything shown; only the bars'
 * heights use floating-point numbers.
 */

/** How many colours the chart has (dashboard.css `--chart-1` …); products beyond share the last. */
export const SERIES_COLOURS = 5;

/** One product's colour and name in the legend. */
export interface Series {
  code: string;
  name: string;
  /** 1 to SERIES_COLOURS, for the `chart-series-N` class. */
  colour: number;
}

/** One product's part of a month's bar. */
export interface Segment {
  series: Series;
  total: Money;
  value: number;
}

/** A month's bar: its label and its products' parts, in the legend's order. */
export interface Bar {
  month: string;
  /** "Mar". */
  shortLabel: string;
  /** "2026" where a year starts and under the first bar; '' elsewhere. */
  yearLabel: string;
  /** "March 2026". */
  longLabel: string;
  total: Money;
  value: number;
  segments: Segment[];
}

export interface Chart {
  bars: Bar[];
  series: Series[];
  /** The value axis' top: a round number at or above the highest bar; 0 when nothing was bought. */
  max: number;
  /** The value axis' gridlines, from 0 to max. */
  ticks: number[];
  currency: string;
}

const monthFormat = new Intl.DateTimeFormat(DEFAULT_LOCALE, { month: 'short', timeZone: 'UTC' });
const longMonthFormat = new Intl.DateTimeFormat(DEFAULT_LOCALE, { month: 'long', year: 'numeric', timeZone: 'UTC' });

function monthDate(month: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return undefined;
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
}

/** "2026-03" → "March 2026"; a month the API names otherwise as it is. */
export function monthLabel(month: string): string {
  const date = monthDate(month);
  return date ? longMonthFormat.format(date) : month;
}

function shortMonthLabel(month: string): string {
  const date = monthDate(month);
  return date ? monthFormat.format(date) : month;
}

function yearLabel(month: string, first: boolean): string {
  const date = monthDate(month);
  return date && (first || date.getUTCMonth() === 0) ? String(date.getUTCFullYear()) : '';
}

/** An amount's value for drawing; an amount that is not a number draws as nothing. */
function valueOf(money: Money): number {
  const value = Number(money.amount);
  return Number.isFinite(value) ? value : 0;
}

/** Cents of a decimal amount such as "1249.5", exactly; null when it is not one. */
function centsOf(amount: string): number | null {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(amount);
  if (!match) return null;
  const cents = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'));
  return match[1] === '-' ? -cents : cents;
}

/** The exact sum of amounts in one currency, e.g. the year's purchases. */
export function sumMoney(amounts: readonly Money[], currency: string): Money {
  let cents = 0;
  for (const { amount } of amounts) cents += centsOf(amount) ?? 0;
  const sign = cents < 0 ? '-' : '';
  const whole = Math.trunc(Math.abs(cents) / 100);
  const fraction = String(Math.abs(cents) % 100).padStart(2, '0');
  return { amount: `${sign}${whole}.${fraction}`, currency };
}

export function isZero(money: Money): boolean {
  return centsOf(money.amount) === 0;
}

/** A round number at or above `value` (1, 2, 2.5 or 5 times a power of ten), for the axis' top. */
export function niceCeiling(value: number): number {
  if (value <= 0) return 0;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((factor) => factor * power >= value) ?? 10;
  return step * power;
}

/** The chart of the months' purchases: products in a stable order (by name), each with its colour. */
export function buildChart(months: readonly MonthlyPurchases[]): Chart {
  const names = new Map<string, string>();
  for (const month of months) {
    for (const { product } of month.byProduct) names.set(product.code, product.name);
  }
  const series = [...names]
    .sort(([, a], [, b]) => a.localeCompare(b))
    .map(([code, name], index): Series => ({ code, name, colour: Math.min(index + 1, SERIES_COLOURS) }));
  const bars = months.map((month, index): Bar => {
    const totals = new Map(month.byProduct.map(({ product, total }) => [product.code, total]));
    const segments = series.flatMap((one): Segment[] => {
      const total = totals.get(one.code);
      return total ? [{ series: one, total, value: valueOf(total) }] : [];
    });
    return {
      month: month.month,
      shortLabel: shortMonthLabel(month.month),
      yearLabel: yearLabel(month.month, index === 0),
      longLabel: monthLabel(month.month),
      total: month.total,
      value: valueOf(month.total),
      segments,
    };
  });
  const max = niceCeiling(Math.max(0, ...bars.map((bar) => bar.value)));
  const ticks = max === 0 ? [0] : [0, 0.25, 0.5, 0.75, 1].map((share) => share * max);
  return { bars, series, max, ticks, currency: months[0]?.total.currency ?? 'USD' };
}

/** One sentence saying what the chart shows, for those who cannot see it. */
export function chartSummary(chart: Chart): string {
  const first = chart.bars[0];
  const last = chart.bars.at(-1);
  if (!first || !last) return 'Purchases by product: no months to show.';
  const span = `${first.longLabel} to ${last.longLabel}`;
  const total = sumMoney(
    chart.bars.map((bar) => bar.total),
    chart.currency,
  );
  if (chart.max === 0) return `Purchases by product, ${span}: nothing bought.`;
  const highest = chart.bars.reduce((best, bar) => (bar.value > best.value ? bar : best), first);
  return (
    `Purchases by product, ${span}: ${formatMoney(total)} in all; ` +
    `the most in ${highest.longLabel}, ${formatMoney(highest.total)}.`
  );
}

const compactFormats = new Map<string, Intl.NumberFormat>();

/** An axis label such as "$1.5K". */
export function formatAxisValue(value: number, currency: string): string {
  let format = compactFormats.get(currency);
  if (!format) {
    try {
      format = new Intl.NumberFormat(DEFAULT_LOCALE, {
        style: 'currency',
        currency,
        notation: 'compact',
        maximumFractionDigits: 1,
      });
    } catch {
      format = new Intl.NumberFormat(DEFAULT_LOCALE, { notation: 'compact', maximumFractionDigits: 1 });
    }
    compactFormats.set(currency, format);
  }
  return format.format(value);
}
