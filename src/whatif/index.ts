// What-if mode: change facts of a case offline, see the diagnosis before and after, move the
// calendar, compare the fixes. Pure: the engine comes in as a function, nothing here does I/O.
import { getFact, type FactPath } from "../case/facts.js";
import type { Case } from "../case/schema.js";
import type { Diagnosis } from "../engine/types.js";
import { applyChanges, changedFacts } from "./apply.js";
import { calendar, type CalendarView } from "./calendar.js";
import { diffDiagnoses, type DiagnosisDiff } from "./diff.js";
import type { FactChange } from "./set.js";
import type { Evaluate } from "./types.js";
import { factsProvedByReply } from "./proved.js";

export * from "./apply.js";
export * from "./calendar.js";
export * from "./diff.js";
export * from "./options.js";
export * from "./set.js";
export * from "./weakens.js";
export type { Evaluate } from "./types.js";

export interface WhatIfResult {
  base: Case;
  /** The hypothetical case (marked). */
  after: Case;
  /** `fromReply`: what the pasted reply proved of a setting the case left unknown (security defaults on …). */
  changes: { path: FactPath; from: unknown; to: unknown; fromReply?: unknown }[];
  before: Diagnosis;
  afterDiagnosis: Diagnosis;
  diff: DiagnosisDiff;
  /** With a new date: every step between the two dates. */
  calendar?: CalendarView;
  /** The case has a pasted reply and a changed fact: the reply still counts as evidence. */
  replyStillCounts: boolean;
}

/**
 * Apply `changes` (and a new date) to `base`, evaluate before and after. `today` is the date the
 * engine uses when the case has no asOf.
 */
export function whatIf(base: Case, changes: readonly FactChange[], opts: { asOf?: string; today: string; evaluate: Evaluate }): WhatIfResult {
  const all: FactChange[] = [...changes];
  if (opts.asOf !== undefined) all.push({ path: "asOf", value: opts.asOf });
  const after = applyChanges(base, all);
  const before = opts.evaluate(base);
  const afterDiagnosis = opts.evaluate(after);
  const changed = changedFacts(base, after);
  const proved = factsProvedByReply(before);
  const result: WhatIfResult = {
    base,
    after,
    changes: changed.map((path) => {
      const from = getFact(base, path);
      const change = { path, from, to: getFact(after, path) };
      // A setting the case left unknown that the reply proved: said beside "unknown" (the report says "on", persona round 5 C4).
      return from === undefined && proved.has(path) ? { ...change, fromReply: proved.get(path) } : change;
    }),
    before,
    afterDiagnosis,
    diff: diffDiagnoses(before, afterDiagnosis),
    replyStillCounts: getFact(after, "device.reply") !== undefined && changed.some((p) => p !== "asOf" && p !== "device.reply"),
  };
  if (opts.asOf !== undefined) {
    const from = (getFact(base, "asOf") as string | undefined) ?? opts.today;
    const withoutDate = applyChanges(base, changes);
    result.calendar = calendar(withoutDate, opts.evaluate, from, opts.asOf);
  }
  return result;
}
