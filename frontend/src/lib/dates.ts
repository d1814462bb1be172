const localFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const localDateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

function parse(iso: string): Date | undefined {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** A moment in the user's own locale and time zone, e.g. "27 Nov 2026, 02:44". */
export function formatLocalDateTime(iso: string): string {
  const date = parse(iso);
  return date ? localFormat.format(date) : iso;
}

/** A day in the user's own locale, e.g. "27 Nov 2026". */
export function formatLocalDate(iso: string): string {
  const date = parse(iso);
  return date ? localDateFormat.format(date) : iso;
}

/** The same moment in UTC, to the second, e.g. "2026-11-27 01:44:48 UTC". */
export function formatUtc(iso: string): string {
  const date = parse(iso);
  return date ? `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC` : iso;
}
