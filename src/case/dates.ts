// Calendar dates as the case file and the command line write them: YYYY-MM-DD, a real day.

const DAY_MS = 86_400_000;

/**
 * Today in UTC, YYYY-MM-DD; SMTP_AUTH_DOCTOR_TODAY (tests, reproductions) stands in for the clock.
 * Counted from Date.now() rather than with a Date: a process's first Date costs more than half a
 * millisecond (V8 sets up its date cache), and a diagnosis needs no other.
 */
export function todayUtc(env: NodeJS.ProcessEnv = process.env): string {
  const forced = env.SMTP_AUTH_DOCTOR_TODAY;
  if (forced && /^\d{4}-\d{2}-\d{2}$/.test(forced)) return forced;
  return dayToIso(Math.floor(Date.now() / DAY_MS));
}

/** The day `days` after 1970-01-01 in the Gregorian calendar, YYYY-MM-DD (years 0 to 9999; as Date's toISOString writes it). */
export function dayToIso(days: number): string {
  // Days since 0000-03-01, in 400-year eras of 146,097 days; a year counted from March, so that February (and its leap day) ends it.
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shifted = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shifted + 2) / 5) + 1;
  const month = shifted < 10 ? shifted + 3 : shifted - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, "0")}-${month < 10 ? "0" : ""}${month}-${day < 10 ? "0" : ""}${day}`;
}

/** True for "2026-11-22", false for "2026-02-30", "2026-1-5" or anything else. */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const year = Number(s.slice(0, 4));
  const month = Number(s.slice(5, 7));
  const day = Number(s.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31);
}

/**
 * The day it stopped sending (case.history.stoppedOn) comes after the date evaluated: no history, refused wherever it is given
 * (a case file, `whatif --set`, the wizard's question, the what-if editor). One test for all four.
 */
export function stoppedAfter(stoppedOn: unknown, evaluated: string | undefined): boolean {
  return typeof stoppedOn === "string" && evaluated !== undefined && stoppedOn > evaluated;
}
