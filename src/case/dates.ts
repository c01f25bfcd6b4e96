// Calendar dates as the case file and the command line write them: YYYY-MM-DD, a real day.

/** Today in UTC, YYYY-MM-DD; SMTP_AUTH_DOCTOR_TODAY (tests, reproductions) stands in for the clock. */
export function todayUtc(env: NodeJS.ProcessEnv = process.env): string {
  const forced = env.SMTP_AUTH_DOCTOR_TODAY;
  if (forced && /^\d{4}-\d{2}-\d{2}$/.test(forced)) return forced;
  return new Date().toISOString().slice(0, 10);
}

/** True for "2026-11-22", false for "2026-02-30", "2026-1-5" or anything else. */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/**
 * The day it stopped sending (case.history.stoppedOn) comes after the date evaluated: no history, refused wherever it is given
 * (a case file, `whatif --set`, the wizard's question, the what-if editor). One test for all four.
 */
export function stoppedAfter(stoppedOn: unknown, evaluated: string | undefined): boolean {
  return typeof stoppedOn === "string" && evaluated !== undefined && stoppedOn > evaluated;
}
