// The calendar: the same case evaluated at other dates. Between two dates it stops at every date on
// which the Basic-auth retirement moves to another phase (domain.md §2), so that a reader sees what
// changes at the end of December 2026, and it lists what Microsoft has still not announced.
import { setFact } from "../case/facts.js";
import type { Case } from "../case/schema.js";
import type { Diagnosis } from "../engine/types.js";
import { diffDiagnoses, type DiagnosisDiff } from "./diff.js";
import type { Evaluate } from "./types.js";

/**
 * Dates where the retirement timeline changes (the first day each phase applies).
 * - 2026-12-01: December 2026, the default flip "at the end of December" may land any day (no exact day published).
 * - 2027-01-01: Basic SMTP AUTH disabled by default for existing tenants; admins can re-enable it.
 * - 2027-07-01: second half of 2027, Microsoft is to announce the final removal date (not a change by itself).
 * - 2028-10-01: Basic auth on the High Volume Email endpoint ends (announced for September 2028).
 */
export const CHECKPOINTS = [
  { date: "2026-12-01", id: "flip-month" },
  { date: "2027-01-01", id: "disabled-by-default" },
  { date: "2027-07-01", id: "final-date-announcement" },
  { date: "2028-10-01", id: "hve-basic-ends" },
] as const;

export type CheckpointId = (typeof CHECKPOINTS)[number]["id"];

/** What is still unannounced (domain.md §2, §12). Catalog keys `whatif.unannounced.<id>`. */
export const UNANNOUNCED = ["flipDay", "reenable", "reply", "newTenants", "finalDate"] as const;
export type UnannouncedId = (typeof UNANNOUNCED)[number];

export interface CalendarStep {
  date: string;
  /** The checkpoint this date is, when it is one. */
  checkpoint?: CheckpointId;
  diagnosis: Diagnosis;
  /** Against the previous step (absent for the first). */
  diff?: DiagnosisDiff;
}

export interface CalendarView {
  from: string;
  to: string;
  steps: CalendarStep[];
  unannounced: readonly UnannouncedId[];
}

/** The case at `date` (asOf set; this is a what-if change, marked by the caller when it keeps the case). */
export function atDate(c: Case, date: string): Case {
  return setFact(c, "asOf", date);
}

/** Evaluate `c` at `from`, at every checkpoint strictly between `from` and `to`, and at `to`. */
export function calendar(c: Case, evaluate: Evaluate, from: string, to: string): CalendarView {
  const forward = from <= to;
  const [lo, hi] = forward ? [from, to] : [to, from];
  const between = CHECKPOINTS.filter((p) => p.date > lo && p.date < hi);
  const dates: { date: string; checkpoint?: CheckpointId }[] = [
    { date: from, ...checkpointAt(from) },
    ...(forward ? between : [...between].reverse()).map((p) => ({ date: p.date, checkpoint: p.id })),
  ];
  if (to !== from) dates.push({ date: to, ...checkpointAt(to) });
  const steps: CalendarStep[] = [];
  for (const d of dates) {
    const diagnosis = evaluate(atDate(c, d.date));
    const prev = steps[steps.length - 1];
    steps.push({ ...d, diagnosis, ...(prev ? { diff: diffDiagnoses(prev.diagnosis, diagnosis) } : {}) });
  }
  return { from, to, steps, unannounced: UNANNOUNCED };
}

function checkpointAt(date: string): { checkpoint?: CheckpointId } {
  const p = CHECKPOINTS.find((x) => x.date === date);
  return p ? { checkpoint: p.id } : {};
}

/** The checkpoint after / before a date (for the screen's calendar control). */
export function nextCheckpoint(date: string): string | undefined {
  return CHECKPOINTS.find((p) => p.date > date)?.date;
}
export function previousCheckpoint(date: string): string | undefined {
  return [...CHECKPOINTS].reverse().find((p) => p.date < date)?.date;
}
