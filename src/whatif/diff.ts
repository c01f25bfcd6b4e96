// The difference between two diagnoses of the same device: verdict before and after, causes added,
// removed or changed in status, unknowns added and removed. Pure data for renderers and screens.
import type { FactPath } from "../case/facts.js";
import type { CauseId, CauseStatus, Diagnosis, Finding, RetirementPhase, Verdict } from "../engine/types.js";

export interface CauseChange {
  id: CauseId;
  before: CauseStatus;
  after: CauseStatus;
}

export interface DiagnosisDiff {
  verdict: { before: Verdict; after: Verdict; changed: boolean };
  retirement: { before: RetirementPhase; after: RetirementPhase; changed: boolean };
  /** Causes present after but not before. */
  added: Finding[];
  /** Causes present before but not after. */
  removed: Finding[];
  /** Causes present in both with a different status. */
  changed: CauseChange[];
  unknownsAdded: FactPath[];
  unknownsRemoved: FactPath[];
  /** Nothing that a reader would notice changed. */
  same: boolean;
}

/** One finding per cause id (the first, which the engine orders blocking first). */
function byId(causes: readonly Finding[]): Map<CauseId, Finding> {
  const m = new Map<CauseId, Finding>();
  for (const f of causes) if (!m.has(f.id)) m.set(f.id, f);
  return m;
}

export function diffDiagnoses(before: Diagnosis, after: Diagnosis): DiagnosisDiff {
  const b = byId(before.causes);
  const a = byId(after.causes);
  const added = [...a.values()].filter((f) => !b.has(f.id));
  const removed = [...b.values()].filter((f) => !a.has(f.id));
  const changed: CauseChange[] = [];
  for (const [id, fa] of a) {
    const fb = b.get(id);
    if (fb && fb.status !== fa.status) changed.push({ id, before: fb.status, after: fa.status });
  }
  const ub = new Set(before.unknowns);
  const ua = new Set(after.unknowns);
  const unknownsAdded = after.unknowns.filter((u) => !ub.has(u));
  const unknownsRemoved = before.unknowns.filter((u) => !ua.has(u));
  const verdict = { before: before.verdict, after: after.verdict, changed: before.verdict !== after.verdict };
  const retirement = { before: before.retirement, after: after.retirement, changed: before.retirement !== after.retirement };
  const same =
    !verdict.changed && !retirement.changed && added.length === 0 && removed.length === 0 && changed.length === 0 && unknownsAdded.length === 0 && unknownsRemoved.length === 0;
  return { verdict, retirement, added, removed, changed, unknownsAdded, unknownsRemoved, same };
}

/** How a cause stands in the diff, for highlighting one row of a list. */
export type CauseMark = "added" | "removed" | "changed" | "same";

export function causeMark(diff: DiagnosisDiff, id: CauseId): CauseMark {
  if (diff.added.some((f) => f.id === id)) return "added";
  if (diff.removed.some((f) => f.id === id)) return "removed";
  if (diff.changed.some((c) => c.id === id)) return "changed";
  return "same";
}
