// Dates for reading: "2022-03-09" -> "9 March 2022", in UTC so the day never shifts.
const FORMAT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

export function formatDay(day: string): string {
  return FORMAT.format(new Date(`${day}T00:00:00Z`));
}

const INSTANT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false, timeZone: 'UTC' });

/** Instants for reading: "2022-03-15T12:00:00.000Z" -> "15 March 2022 at 12:00:00 UTC". */
export function formatInstant(iso: string): string {
  return `${INSTANT.format(new Date(iso))} UTC`;
}
