// Applying what-if changes to a case. The real case is never modified: every change returns a copy
// in which each changed fact carries `sources[path] = { kind: "whatif", original }` and the case is
// marked `hypothetical`, so that a hypothesis saved to disk can never pass for the tenant's state.
import { FACT_PATHS, getFact, setFact, type FactPath } from "../case/facts.js";
import type { Case, Provenance } from "../case/schema.js";
import type { FactChange } from "./set.js";

/** What `original` records when the fact was unknown before the change. */
export const ABSENT = "absent";

export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * A copy of `base` with the changes applied in order. A change to the value the fact already has is
 * no change. A fact changed a second time keeps the original value of the real case.
 */
export function applyChanges(base: Case, changes: readonly FactChange[]): Case {
  let next = base;
  for (const change of changes) next = applyChange(next, change);
  return next;
}

function applyChange(c: Case, { path, value }: FactChange): Case {
  const before = getFact(c, path);
  if (sameValue(before, value)) return c;
  const previous = c.sources?.[path];
  const original = previous?.kind === "whatif" && "original" in previous ? previous.original : before === undefined ? ABSENT : before;
  const next = setFact(c, path, value);
  const source: Provenance = { kind: "whatif", original };
  next.sources = { ...(next.sources ?? {}), [path]: source };
  next.hypothetical = true;
  return next;
}

/**
 * The case `base` with a set of edits, each relative to `base` (the screen's model: edits keyed by
 * path; an edit equal to the base value is no edit). Resetting a fact = dropping its edit.
 */
export function withEdits(base: Case, edits: ReadonlyMap<FactPath, unknown>): Case {
  return applyChanges(
    base,
    [...edits].map(([path, value]) => ({ path, value })),
  );
}

/** Facts whose value differs between two cases. */
export function changedFacts(a: Case, b: Case): FactPath[] {
  return FACT_PATHS.filter((p) => !sameValue(getFact(a, p), getFact(b, p)));
}

/** Facts marked as changed in what-if mode, with the value they had in the real case. */
export function hypotheticalFacts(c: Case): { path: FactPath; value: unknown; original: unknown }[] {
  const out: { path: FactPath; value: unknown; original: unknown }[] = [];
  for (const path of FACT_PATHS) {
    const s = c.sources?.[path];
    if (s?.kind === "whatif") out.push({ path, value: getFact(c, path), original: s.original });
  }
  return out;
}

/**
 * Facts that differ from `base` but are not marked as what-if changes in `c` (or a case with
 * changes that is not marked hypothetical). Must be empty before a what-if case is saved.
 */
export function unmarkedChanges(base: Case, c: Case): FactPath[] {
  const changed = changedFacts(base, c);
  const unmarked = changed.filter((p) => c.sources?.[p]?.kind !== "whatif");
  if (changed.length > 0 && c.hypothetical !== true && unmarked.length === 0) return changed;
  return unmarked;
}
