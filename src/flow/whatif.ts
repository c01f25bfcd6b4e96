// The what-if explorer as data plus a pure reducer: the edits made to the recorded case (the case
// itself is never changed), the fact under the cursor, the text being typed, the comparison of the
// fixes. The Ink screen (screens/WhatIf.tsx) draws it and sends keys; plain mode sends the same
// changes as whole events (set a fact, reset, save). What the edits mean is derived by
// `whatIfModel` with the engine: the hypothetical case, its diagnosis and the difference.
import { stoppedAfter } from "../case/dates.js";
import { FACTS, getFact, type FactPath } from "../case/facts.js";
import type { AuthPolicy, Case } from "../case/schema.js";
import type { Diagnosis } from "../engine/types.js";
import { isAppError } from "../errors.js";
import { sameValue, withEdits } from "../whatif/apply.js";
import { diffDiagnoses, type DiagnosisDiff } from "../whatif/diff.js";
import { cycleValue, isTyped, type Direction } from "../whatif/edit.js";
import { compareOptions, type OptionsComparison } from "../whatif/options.js";
import { parseFactValue } from "../whatif/set.js";
import { protectionsGivenUp } from "../whatif/weakens.js";
import { graphemes } from "../render/layout.js";
import { edit, insert, lineText, type EditKey, type Line } from "../render/line-edit.js";
import type { Evaluate } from "../whatif/types.js";

/** Every fact of the case, in the order the screen lists them. */
export const WHATIF_PATHS: readonly FactPath[] = FACTS.map((f) => f.path);

export type WhatIfSaveOutcome = { ok: true; file: string } | { ok: false; message: string };

export interface WhatIfState {
  view: "facts" | "options";
  /** The fact under the cursor (index in WHATIF_PATHS). */
  index: number;
  /** The fix under the cursor in the comparison. */
  optionIndex: number;
  /**
   * A value being typed for a date, port or text fact: the text, the cursor in it (graphemes before it), `error` after
   * a value that was refused.
   */
  /** `error`: the text was refused (not a value of the fact), or the day it stopped comes after the date evaluated (`after`). */
  editing: { path: FactPath; text: string; at: number; error: boolean | { after: string } } | null;
  /** The changed facts, each relative to the recorded case. */
  edits: ReadonlyMap<FactPath, unknown>;
  /** Saving the hypothetical case: the save runs while this object is the state's. */
  saving?: { hypothetical: Case };
  /** What the last save said (cleared by the next change). */
  status?: WhatIfSaveOutcome;
}

/** The parts of a key press the explorer reads (Ink's key object has these and more). */
export interface KeyPress {
  upArrow: boolean;
  downArrow: boolean;
  leftArrow: boolean;
  rightArrow: boolean;
  return: boolean;
  escape: boolean;
  tab: boolean;
  backspace: boolean;
  delete: boolean;
  ctrl: boolean;
  meta: boolean;
  home?: boolean;
  end?: boolean;
}

export type WhatIfEvent =
  /** A key of the full-screen explorer; what it does depends on the state (see `keyEvent`). */
  | { type: "key"; input: string; key: KeyPress }
  | { type: "cursor"; by: Direction }
  | { type: "toggleView" }
  /** The fact under the cursor to its next or previous value. */
  | { type: "cycle"; dir: Direction }
  /** The date to the previous or next retirement checkpoint. */
  | { type: "date"; dir: Direction }
  | { type: "openEditor" }
  /** Text typed at the cursor. */
  | { type: "editText"; text: string }
  /** Backspace: the character before the cursor goes. */
  | { type: "editErase" }
  /** A line-editing key (src/render/line-edit.ts, as every text field): Left/Right, Home/End, Ctrl+A/E/B/F move; Backspace, Delete, Ctrl+U/K/W delete. */
  | { type: "editKey"; input: string; key: EditKey }
  | { type: "editApply" }
  | { type: "editCancel" }
  /** A fact to a value (`undefined`: unknown); a value equal to the recorded one is no change. */
  | { type: "set"; path: FactPath; value: unknown }
  /** The fact under the cursor (or `path`) made unknown. */
  | { type: "unknown"; path?: FactPath }
  /** The fact under the cursor (or `path`) back to the recorded value. */
  | { type: "reset"; path?: FactPath }
  | { type: "resetAll" }
  | { type: "save" }
  | { type: "saved"; result?: WhatIfSaveOutcome }
  | { type: "back" };

export type WhatIfStep = { state: WhatIfState } | { exit: "back" };

export interface WhatIfDeps {
  /** The case as recorded. Never modified. */
  original: Case;
  /** The date the engine uses when the case has none (the calendar starts there). */
  today: string;
}

export function initialWhatIf(edits?: ReadonlyMap<FactPath, unknown>): WhatIfState {
  return { view: "facts", index: 0, optionIndex: 0, editing: null, edits: new Map(edits ?? []) };
}

const selected = (s: WhatIfState): FactPath => WHATIF_PATHS[Math.min(Math.max(0, s.index), WHATIF_PATHS.length - 1)] as FactPath;

export function currentValue(s: WhatIfState, original: Case, path: FactPath): unknown {
  return s.edits.has(path) ? s.edits.get(path) : getFact(original, path);
}

/** The recorded date, or today for a case without one. */
function originalDate(deps: WhatIfDeps): string {
  return (getFact(deps.original, "asOf") as string | undefined) ?? deps.today;
}

/** The date the explorer evaluates on: the edited one, else the recorded one (or today). */
function evaluatedDate(s: WhatIfState, deps: WhatIfDeps): string {
  return s.edits.has("asOf") ? ((s.edits.get("asOf") as string | undefined) ?? deps.today) : originalDate(deps);
}

/**
 * A day it stopped that comes after the date evaluated is refused (the engine would ignore it; a case file and `whatif --set`
 * refuse it): that date, when it is. The explorer took it and said nothing (the history helper's note).
 */
export function stoppedAfterDate(path: FactPath, value: unknown, evaluated: string): string | undefined {
  return path === "history.stoppedOn" && stoppedAfter(value, evaluated) ? evaluated : undefined;
}

function withEdit(s: WhatIfState, deps: WhatIfDeps, path: FactPath, value: unknown): WhatIfState {
  const edits = new Map(s.edits);
  const base = getFact(deps.original, path);
  // Back to the recorded value (or to today for a case without a date) = no edit.
  if (sameValue(value, base) || (path === "asOf" && base === undefined && value === deps.today)) edits.delete(path);
  else edits.set(path, value);
  return changed(s, edits);
}

function changed(s: WhatIfState, edits: ReadonlyMap<FactPath, unknown>): WhatIfState {
  const { status: _status, ...rest } = s;
  return { ...rest, edits };
}

/** The most characters a typed value may have. */
const EDIT_MAX = 4096;

type Editing = NonNullable<WhatIfState["editing"]>;

/** The value being typed as a line to edit. */
function lineFor(ed: Editing): Line {
  const chars = graphemes(ed.text);
  return { chars, at: Math.min(Math.max(0, ed.at), chars.length) };
}

/** The state with the value being typed changed to `line` (a change clears the mark of a refused value). */
function withLine(s: WhatIfState, ed: Editing, line: Line): WhatIfState {
  // The cursor in the graphemes of the joined text: a mark typed after a letter joins it ("e", then U+0301: one "é"), and
  // the graphemes as typed outnumbered those the screen draws (the long fuzz run's crash).
  const at = line.at === line.chars.length ? Number.MAX_SAFE_INTEGER : graphemes(line.chars.slice(0, line.at).join("")).length;
  const text = lineText(line);
  return { ...s, editing: { ...ed, text, at: Math.min(at, graphemes(text).length), error: false } };
}

/** The parts of a key line editing reads (an event carries no more). */
function editKeyOf(key: KeyPress): EditKey {
  const out: EditKey = {};
  for (const name of ["ctrl", "meta", "leftArrow", "rightArrow", "home", "end", "backspace", "delete"] as const) if (key[name]) out[name] = true;
  return out;
}

export function reduceWhatIf(s: WhatIfState, e: WhatIfEvent, deps: WhatIfDeps): WhatIfStep {
  switch (e.type) {
    case "key": {
      const next = keyEvent(s, e.input, e.key);
      return next ? reduceWhatIf(s, next, deps) : { state: s };
    }
    case "cursor":
      if (s.view === "options") return { state: { ...s, optionIndex: Math.max(0, s.optionIndex + e.by) } };
      return { state: { ...s, index: Math.min(WHATIF_PATHS.length - 1, Math.max(0, s.index + e.by)) } };
    case "toggleView":
      return { state: { ...s, view: s.view === "facts" ? "options" : "facts" } };
    case "cycle": {
      const path = selected(s);
      const cur = currentValue(s, deps.original, path);
      const policyName = ((getFact(deps.original, path) as AuthPolicy | null | undefined) ?? undefined)?.name;
      const next = cycleValue(path, path === "asOf" ? (cur ?? originalDate(deps)) : cur, e.dir, { dates: [originalDate(deps)], ...(policyName ? { originalPolicyName: policyName } : {}) });
      return { state: next ? withEdit(s, deps, path, next.value) : s };
    }
    case "date": {
      const cur = currentValue(s, deps.original, "asOf") as string | undefined;
      const next = cycleValue("asOf", cur ?? originalDate(deps), e.dir, { dates: [originalDate(deps)] });
      return { state: next ? withEdit(s, deps, "asOf", next.value) : s };
    }
    case "openEditor": {
      const path = selected(s);
      if (!isTyped(path)) return { state: s };
      const cur = currentValue(s, deps.original, path);
      const text = cur === undefined || cur === null ? "" : String(cur);
      return { state: { ...s, editing: { path, text, at: graphemes(text).length, error: false } } };
    }
    case "editText": {
      if (!s.editing) return { state: s };
      // At most 4096 characters in all (a paste beyond that is cut there).
      let room = EDIT_MAX - s.editing.text.length;
      const kept = graphemes([...e.text].filter((ch) => ch >= " " && ch !== "\u007f").join("")).filter((g) => (room -= g.length) >= 0);
      return { state: withLine(s, s.editing, insert(lineFor(s.editing), kept.join(""))) };
    }
    case "editErase":
      return s.editing ? { state: withLine(s, s.editing, edit(lineFor(s.editing), "", { backspace: true }) ?? lineFor(s.editing)) } : { state: s };
    case "editKey": {
      if (!s.editing) return { state: s };
      const next = edit(lineFor(s.editing), e.input, e.key);
      return next ? { state: withLine(s, s.editing, next) } : { state: s };
    }
    case "editCancel":
      return { state: { ...s, editing: null } };
    case "editApply": {
      const ed = s.editing;
      if (!ed) return { state: s };
      try {
        const value = parseFactValue(ed.path, ed.text);
        const after = stoppedAfterDate(ed.path, value, evaluatedDate(s, deps));
        if (after !== undefined) return { state: { ...s, editing: { ...ed, error: { after } } } };
        return { state: { ...withEdit(s, deps, ed.path, value), editing: null } };
      } catch (err) {
        if (isAppError(err)) return { state: { ...s, editing: { ...ed, error: true } } };
        throw err;
      }
    }
    case "set":
      return { state: withEdit(s, deps, e.path, e.value) };
    case "unknown":
      return { state: withEdit(s, deps, e.path ?? selected(s), undefined) };
    case "reset": {
      const edits = new Map(s.edits);
      edits.delete(e.path ?? selected(s));
      return { state: changed(s, edits) };
    }
    case "resetAll":
      return { state: changed(s, new Map()) };
    case "save":
      // One save at a time; the case saved is marked hypothetical (src/whatif/apply.ts).
      return s.saving ? { state: s } : { state: { ...s, saving: { hypothetical: withEdits(deps.original, s.edits) } } };
    case "saved": {
      const { saving: _saving, status: _status, ...rest } = s;
      return { state: e.result ? { ...rest, status: e.result } : rest };
    }
    case "back":
      return { exit: "back" };
  }
}

/**
 * What a key does on the explorer. Up/Down move; Enter/Space/Right next value, Left previous
 * (Enter on a date, port or text opens an editor: Enter applies, Esc cancels); u unknown; r reset
 * this fact; R reset all; [ ] date to the previous/next checkpoint; Tab the comparison of the fixes;
 * s save; Esc back.
 */
export function keyEvent(s: WhatIfState, input: string, key: KeyPress): WhatIfEvent | undefined {
  if (s.editing) {
    if (key.escape) return { type: "editCancel" };
    if (key.return) return { type: "editApply" };
    // The line-editing keys of every text field: the editor had only Backspace, and typed at the end (P6-12).
    if (edit(lineFor(s.editing), input, key) !== undefined) return { type: "editKey", input, key: editKeyOf(key) };
    if (input && !key.ctrl && !key.meta && !key.tab) return { type: "editText", text: input };
    return undefined;
  }
  if (key.tab) return { type: "toggleView" };
  if (s.view === "options") {
    if (key.escape) return { type: "toggleView" };
    if (key.upArrow) return { type: "cursor", by: -1 };
    if (key.downArrow) return { type: "cursor", by: 1 };
    return undefined;
  }
  if (key.escape) return { type: "back" };
  if (key.upArrow) return { type: "cursor", by: -1 };
  if (key.downArrow) return { type: "cursor", by: 1 };
  if (input === "R") return { type: "resetAll" };
  if (input === "r") return { type: "reset" };
  if (input === "u") return { type: "unknown" };
  if (input === "s") return { type: "save" };
  if (input === "[" || input === "]") return { type: "date", dir: input === "]" ? 1 : -1 };
  if (key.return && isTyped(selected(s))) return { type: "openEditor" };
  if (key.return || key.rightArrow || input === " ") return { type: "cycle", dir: 1 };
  if (key.leftArrow) return { type: "cycle", dir: -1 };
  return undefined;
}

/** What the edits mean: the hypothetical case, the diagnoses before and after, and the difference. */
export interface WhatIfModel {
  hypothetical: Case;
  before: Diagnosis;
  diagnosis: Diagnosis;
  diff: DiagnosisDiff;
  /** Facts changed here (not those marked as what-if changes in the recorded case already). */
  changedCount: number;
  /** The date evaluated at. */
  date: string;
  /** The comparison of the fixes, when that view is open. */
  comparison?: OptionsComparison;
  /** The protections the edits give up (security defaults off, per-user MFA off, …), with the plan's step whose cost it is. */
  givenUp: ReturnType<typeof protectionsGivenUp>;
  /**
   * Which case the comparison is of: the changed one, or, where the changes leave nothing blocked to compare while the
   * recorded case is blocked, the recorded one (the screen says so). Persona round 7: after a change Tab said "not
   * blocked: nothing to compare" of a case whose header still read blocked, until R.
   */
  comparisonOf?: "changed" | "recorded";
}

export function whatIfModel(s: Pick<WhatIfState, "edits" | "view">, deps: WhatIfDeps & { evaluate: Evaluate; before?: Diagnosis }): WhatIfModel {
  const hypothetical = withEdits(deps.original, s.edits);
  const before = deps.before ?? deps.evaluate(deps.original);
  const diagnosis = deps.evaluate(hypothetical);
  const changedCount = s.edits.size === 0 ? 0 : WHATIF_PATHS.filter((p) => hypothetical.sources?.[p]?.kind === "whatif" && deps.original.sources?.[p]?.kind !== "whatif").length;
  return {
    hypothetical,
    before,
    diagnosis,
    diff: diffDiagnoses(before, diagnosis),
    changedCount,
    date: (getFact(hypothetical, "asOf") as string | undefined) ?? deps.today,
    givenUp: protectionsGivenUp([...s.edits.keys()].map((path) => ({ path, from: getFact(deps.original, path), to: getFact(hypothetical, path) }))),
    ...(s.view === "options" ? comparisonOf(s.edits.size > 0, hypothetical, deps) : {}),
  };
}

function comparisonOf(changed: boolean, hypothetical: Case, deps: WhatIfDeps & { evaluate: Evaluate }): Pick<WhatIfModel, "comparison" | "comparisonOf"> {
  const comparison = compareOptions(hypothetical, deps.evaluate);
  if (!changed || comparison.reason !== "not-blocked") return { comparison, comparisonOf: "changed" };
  const recorded = compareOptions(deps.original, deps.evaluate);
  return recorded.options.length > 0 ? { comparison: recorded, comparisonOf: "recorded" } : { comparison, comparisonOf: "changed" };
}
