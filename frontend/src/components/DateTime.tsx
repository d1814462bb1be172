import { formatLocalDate, formatLocalDateTime, formatUtc } from '../lib/dates';

interface DateTimeProps {
  /** An ISO 8601 moment as the API sends it. */
  value: string;
  /** Show the day only. */
  dateOnly?: boolean;
}

/** A moment in the user's locale and time zone, with the exact UTC time as its tooltip. */
export function DateTime({ value, dateOnly = false }: DateTimeProps) {
  return (
    <time dateTime={value} title={formatUtc(value)}>
      {dateOnly ? formatLocalDate(value) : formatLocalDateTime(value)}
    </time>
  );
}
