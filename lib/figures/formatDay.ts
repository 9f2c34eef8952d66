// Dates for reading: "2022-03-09" -> "9 March 2022", in UTC so the day never shifts.
const FORMAT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

export function formatDay(day: string): string {
  return FORMAT.format(new Date(`${day}T00:00:00Z`));
}
