// Date rules: days are written YYYY-MM-DD, are real calendar days, and lie
// between 1900 and today (figures report what has happened).

export const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
export const EARLIEST_DAY = '1900-01-01';
export const DAY_EXAMPLE = '2022-03-09';

/** "2022-02-29" is false. Arithmetic rather than a Date round trip: the importer runs it per cell. */
export function isCalendarDay(value: string): boolean {
  const match = ISO_DAY.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** A moment's UTC day, YYYY-MM-DD (today by default): how days are written everywhere here. */
export const toDay = (moment: Date | number = Date.now()): string => new Date(moment).toISOString().slice(0, 10);

/** Today in UTC plus one day of slack for reporters east of UTC, as YYYY-MM-DD. */
export function latestDay(now = Date.now()): string {
  return toDay(now + 24 * 3600 * 1000);
}

/** Why a day is refused, in words that fit after "the date is", or null when it is fine. */
export function dayProblem(value: string): string | null {
  if (!ISO_DAY.test(value)) return `not written YYYY-MM-DD (for example ${DAY_EXAMPLE})`;
  if (!isCalendarDay(value)) return 'not a calendar date';
  if (value < EARLIEST_DAY) return 'before 1900; check the year';
  if (value > latestDay()) return 'in the future; figures report what has happened';
  return null;
}

/** A day at UTC midnight, the way the database stores it. */
export const toUtcDate = (day: string) => new Date(`${day}T00:00:00Z`);
