/** A billing period as the API names it: a month, YYYY-MM. */
const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isPeriod(value: string): boolean {
  return PERIOD.test(value);
}

/** The month before the one of `now`, in UTC (months are closed in UTC), e.g. "2026-10" in November 2026. */
export function previousMonth(now: Date = new Date()): string {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth(); // 0-based: the previous month, 1-based
  return month === 0 ? `${year - 1}-12` : `${year}-${String(month).padStart(2, '0')}`;
}

const monthFormat = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A period for people, e.g. "October 2026"; anything else as given. */
export function formatPeriod(period: string): string {
  const match = PERIOD.exec(period);
  if (!match) return period;
  return monthFormat.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)));
}

function counted(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** What closing a month did: the summary invoices it made, or that there was nothing new. */
export function closeResult(period: string, summaryInvoicesCreated: number, invoicesSummarized: number): string {
  if (summaryInvoicesCreated === 0) return `${formatPeriod(period)} is already closed — nothing new to summarize.`;
  const created = counted(summaryInvoicesCreated, 'summary invoice');
  return `${formatPeriod(period)} closed: ${created} created from ${counted(invoicesSummarized, 'invoice')}.`;
}
