// The what-if screen: every fact of the case with its value and where it came from; change any of
// them and the verdict and causes update at once, with the differences from the original case
// marked. Tab shows the comparison of the fixes; [ and ] move the date between the retirement
// checkpoints. Offline, no I/O: saving is a callback.
//
// Props (mounted by the wizard, issue 3):
//   lang         "ja" | "en"
//   original     the case as recorded (answers, live reads, a loaded file). Never modified.
//   evaluate     (c: Case) => Diagnosis — the engine bound to today (src/engine evaluate).
//   today        YYYY-MM-DD, the date when the case has no asOf (the calendar starts there).
//   ascii?       draw only ASCII glyphs (default false)
//   color?       colour allowed (false under NO_COLOR / --no-color; default true)
//   focused?     this screen receives keys (default true); input is also off without raw mode
//   width?       columns to draw in (default 80); every line is fitted to it exactly
//   listRows?    rows of the fact list (default 12); causeRows? rows of causes (default 6)
//   initialEdits? edits to start with (e.g. when coming back to the screen)
//   onChange?(hypothetical, diagnosis, edits)  after every change; `hypothetical` is marked
//                (sources[path] = { kind: "whatif", original }, hypothetical: true) unless no edits
//   onSave?(hypothetical)  the user pressed s; the wizard asks for a file name and writes it
//   onBack?()    Esc on the fact list
//
// Keys: Up/Down move; Enter/Space/Right next value, Left previous value (booleans toggle, the
// mailbox setting cycles on / off / follow the organization, enums and policies cycle, ports cycle
// 587/25/465, dates step between checkpoints); Enter on a date, port or text opens an editor
// (Enter applies, Esc cancels); u unknown; r reset this fact; R reset all; [ ] date to the
// previous/next checkpoint; Tab compare the fixes; s save; Esc back.
import { Box, useStdin } from "ink";
import { useCallback, useEffect, useMemo, useRef, useState, type ReactElement } from "react";
import { FACTS, getFact, type FactPath } from "../src/case/facts.js";
import type { AuthPolicy, Case } from "../src/case/schema.js";
import type { Diagnosis, Finding } from "../src/engine/types.js";
import { isAppError } from "../src/errors.js";
import { t, type Lang, type MessageKey } from "../src/i18n/index.js";
import { withEdits } from "../src/whatif/apply.js";
import { causeMark, diffDiagnoses } from "../src/whatif/diff.js";
import { cycleValue, isTyped, type Direction } from "../src/whatif/edit.js";
import { causeTitle, factLabel, formatValue, sourceKind, sourceLabel, statusLabel, verdictLabel } from "../src/whatif/format.js";
import { compareOptions, type OptionResult } from "../src/whatif/options.js";
import { acceptedValues, parseFactValue } from "../src/whatif/set.js";
import type { Evaluate } from "../src/whatif/types.js";
import { cut, fit, stringWidth, wrap } from "./WhatIfText.js";
import { useTerminalInput } from "../src/ui/input.js";
import { Text } from "../src/ui/safe-text.js";

export interface WhatIfScreenProps {
  lang: Lang;
  original: Case;
  evaluate: Evaluate;
  today: string;
  ascii?: boolean;
  color?: boolean;
  focused?: boolean;
  width?: number;
  listRows?: number;
  causeRows?: number;
  initialEdits?: ReadonlyMap<FactPath, unknown>;
  onChange?: (hypothetical: Case, diagnosis: Diagnosis, edits: ReadonlyMap<FactPath, unknown>) => void;
  onSave?: (hypothetical: Case) => void;
  onBack?: () => void;
}

/** Semantic colour tokens (the names of src/report/theme.ts, plus `changed` for what differs from the recorded case). */
type Tone = "accent" | "success" | "danger" | "warning" | "changed" | "muted" | "plain";
const TONES: Record<Tone, string | undefined> = { accent: "cyan", success: "green", danger: "red", warning: "yellow", changed: "magenta", muted: "gray", plain: undefined };

interface Part {
  text: string;
  tone?: Tone;
  bold?: boolean;
  dim?: boolean;
}
type Line = Part[];

interface UiState {
  view: "facts" | "options";
  index: number;
  optionIndex: number;
  editing: { path: FactPath; text: string; error: boolean } | null;
  edits: Map<FactPath, unknown>;
}

const PATHS: readonly FactPath[] = FACTS.map((f) => f.path);

const verdictTone = (v: string): Tone => (v === "clear" ? "success" : v === "blocked" ? "danger" : "warning");

export function WhatIf(props: WhatIfScreenProps): ReactElement {
  const { lang, original, evaluate, today, ascii = false, color = true, focused = true, width = 80, listRows = 12, causeRows = 6 } = props;
  const { isRawModeSupported } = useStdin();
  const initial: UiState = { view: "facts", index: 0, optionIndex: 0, editing: null, edits: new Map(props.initialEdits ?? []) };
  // The state lives in a ref so that keys arriving together (a paste, fast typing, tmux) each see
  // the result of the previous one; `version` only asks React to draw again.
  const ref = useRef<UiState>(initial);
  const [, setVersion] = useState(0);
  const commit = useCallback((next: UiState) => {
    ref.current = next;
    setVersion((v) => v + 1);
  }, []);
  const state = ref.current;

  const originalDiagnosis = useMemo(() => evaluate(original), [evaluate, original]);
  const hypothetical = useMemo(() => withEdits(original, state.edits), [original, state.edits]);
  const diagnosis = useMemo(() => evaluate(hypothetical), [evaluate, hypothetical]);
  const diff = useMemo(() => diffDiagnoses(originalDiagnosis, diagnosis), [originalDiagnosis, diagnosis]);
  const comparison = useMemo(() => (state.view === "options" ? compareOptions(hypothetical, evaluate) : undefined), [state.view, hypothetical, evaluate]);

  // Report real changes only: the callback may be a new function on every render of the parent.
  const onChangeRef = useRef(props.onChange);
  onChangeRef.current = props.onChange;
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    onChangeRef.current?.(hypothetical, diagnosis, ref.current.edits);
  }, [hypothetical, diagnosis]);

  const originalDate = (getFact(original, "asOf") as string | undefined) ?? today;

  const setEdit = (s: UiState, path: FactPath, value: unknown): UiState => {
    const edits = new Map(s.edits);
    const base = getFact(original, path);
    const same = value === base || (value !== null && base !== null && typeof value === "object" && JSON.stringify(value) === JSON.stringify(base));
    // Back to the recorded value (or to today for a case without a date) = no edit.
    if (same || (path === "asOf" && base === undefined && value === today)) edits.delete(path);
    else edits.set(path, value);
    return { ...s, edits };
  };
  const currentValue = (s: UiState, path: FactPath) => (s.edits.has(path) ? s.edits.get(path) : getFact(original, path));

  const handle = (input: string, key: KeyLike): void => {
    const s = ref.current;
    if (s.editing) {
      const ed = s.editing;
      if (key.escape) return commit({ ...s, editing: null });
      if (key.return) {
        try {
          const value = parseFactValue(ed.path, ed.text);
          return commit({ ...setEdit(s, ed.path, value), editing: null });
        } catch (e) {
          if (isAppError(e)) return commit({ ...s, editing: { ...ed, error: true } });
          throw e;
        }
      }
      if (key.backspace || key.delete) return commit({ ...s, editing: { ...ed, text: [...ed.text].slice(0, -1).join(""), error: false } });
      if (input && !key.ctrl && !key.meta && !key.tab) {
        const printable = [...input].filter((ch) => ch >= " " && ch !== "\u007f").join("");
        return commit({ ...s, editing: { ...ed, text: (ed.text + printable).slice(0, 4096), error: false } });
      }
      return;
    }
    if (key.tab) return commit({ ...s, view: s.view === "facts" ? "options" : "facts" });
    if (s.view === "options") {
      if (key.escape) return commit({ ...s, view: "facts" });
      if (key.upArrow) return commit({ ...s, optionIndex: Math.max(0, s.optionIndex - 1) });
      if (key.downArrow) return commit({ ...s, optionIndex: s.optionIndex + 1 });
      return;
    }
    if (key.escape) return props.onBack?.();
    if (key.upArrow) return commit({ ...s, index: Math.max(0, s.index - 1) });
    if (key.downArrow) return commit({ ...s, index: Math.min(PATHS.length - 1, s.index + 1) });
    const path = PATHS[s.index] as FactPath;
    if (input === "R") return commit({ ...s, edits: new Map() });
    if (input === "r") {
      const edits = new Map(s.edits);
      edits.delete(path);
      return commit({ ...s, edits });
    }
    if (input === "u") return commit(setEdit(s, path, undefined));
    if (input === "s") return props.onSave?.(withEdits(original, s.edits));
    if (input === "[" || input === "]") {
      const cur = currentValue(s, "asOf") as string | undefined;
      const next = cycleValue("asOf", cur ?? originalDate, input === "]" ? 1 : -1, { dates: [originalDate] });
      return next ? commit(setEdit(s, "asOf", next.value)) : undefined;
    }
    if (key.return && isTyped(path)) {
      const cur = currentValue(s, path);
      return commit({ ...s, editing: { path, text: cur === undefined || cur === null ? "" : String(cur), error: false } });
    }
    let dir: Direction | 0 = 0;
    if (key.return || key.rightArrow || input === " ") dir = 1;
    else if (key.leftArrow) dir = -1;
    if (dir === 0) return;
    const cur = currentValue(s, path);
    const policyName = ((getFact(original, path) as AuthPolicy | null | undefined) ?? undefined)?.name;
    const next = cycleValue(path, path === "asOf" ? (cur ?? originalDate) : cur, dir, { dates: [originalDate], ...(policyName ? { originalPolicyName: policyName } : {}) });
    if (next) commit(setEdit(s, path, next.value));
  };

  useTerminalInput(
    (input, key) => {
      // Plain text that arrives in one chunk (a paste, fast typing, tmux send-keys) is one key per character.
      if (input.length > 1 && !key.ctrl && !key.meta && !input.includes("\u001b")) {
        for (const ch of input) handle(ch, keyOf(ch));
        return;
      }
      handle(input, key);
    },
    { isActive: isRawModeSupported === true && focused },
  );

  // Narrow glyphs only (box-drawing lines are ambiguous-width and draw double on some CJK terminals).
  const g = ascii ? { cursor: ">", mark: "*", rule: "-" } : { cursor: "❯", mark: "*", rule: "-" };
  const lines: Line[] = [];
  const rule = (): Line => [{ text: g.rule.repeat(width), tone: "muted" }];
  const changedCount = state.edits.size === 0 ? 0 : PATHS.filter((p) => hypothetical.sources?.[p]?.kind === "whatif" && original.sources?.[p]?.kind !== "whatif").length;

  // Header: title and whether the case is hypothetical.
  const title = t(lang, "whatif.screen.title");
  const status = changedCount > 0 ? t(lang, "whatif.screen.hypothetical", { count: changedCount }) : t(lang, "whatif.screen.original");
  lines.push(twoSides(title, status, width, "accent", changedCount > 0 ? "changed" : "muted"));
  // Verdict and date.
  const verdictText = diff.verdict.changed
    ? t(lang, "whatif.screen.verdictChanged", { before: verdictLabel(lang, diff.verdict.before), after: verdictLabel(lang, diff.verdict.after) })
    : t(lang, "whatif.screen.verdict", { verdict: verdictLabel(lang, diagnosis.verdict) });
  lines.push([{ text: fit(verdictText, width), tone: verdictTone(diagnosis.verdict), bold: true }]);
  const date = (getFact(hypothetical, "asOf") as string | undefined) ?? today;
  lines.push([{ text: fit(t(lang, "whatif.screen.asOf", { date }), width), tone: state.edits.has("asOf") ? "changed" : "plain" }]);
  lines.push([{ text: fit(`  ${t(lang, `whatif.phase.${diagnosis.retirement}` as MessageKey)}`, width), tone: "muted" }]);
  // From December 2026 on, say what Microsoft has still not announced (the calendar, domain.md §2).
  if (diagnosis.retirement !== "before-change") {
    for (const l of wrap(t(lang, "whatif.screen.unannounced"), width - 2)) lines.push([{ text: fit(`  ${l}`, width), tone: "warning" }]);
  }
  lines.push(rule());

  if (state.view === "facts") lines.push(...factLines());
  else lines.push(...optionLines(comparison?.options ?? []));

  lines.push(rule());
  const keys = state.editing ? "whatif.screen.keysEdit" : state.view === "facts" ? "whatif.screen.keys" : "whatif.screen.keysOptions";
  for (const l of wrap(t(lang, keys), width)) lines.push([{ text: fit(l, width), tone: "muted" }]);

  function factLines(): Line[] {
    const out: Line[] = [];
    const valueW = 24;
    const sourceW = 12;
    const labelW = width - 2 - 2 - 1 - valueW - 1 - sourceW;
    const top = Math.min(Math.max(0, state.index - Math.floor(listRows / 2)), Math.max(0, PATHS.length - listRows));
    const shown = PATHS.slice(top, top + listRows);
    out.push([{ text: fit(top > 0 ? `    ${t(lang, "whatif.screen.moreAbove", { count: top })}` : "", width), tone: "muted" }]);
    shown.forEach((path, i) => {
      const selected = top + i === state.index;
      const value = getFact(hypothetical, path);
      const changed = hypothetical.sources?.[path]?.kind === "whatif";
      const differs = state.edits.has(path);
      const src = sourceLabel(lang, sourceKind(hypothetical, path));
      const editing = selected && state.editing?.path === path ? state.editing : null;
      const valueText = editing ? `${editing.text}_` : formatValue(lang, path, value);
      const tone: Tone = differs ? "changed" : value === undefined ? "muted" : "plain";
      out.push([
        { text: fit(selected ? g.cursor : "", 2), tone: "accent", bold: true },
        { text: fit(differs ? g.mark : changed ? "." : "", 2), tone: "changed" },
        { text: fit(factLabel(lang, path), labelW), tone: selected ? "accent" : "plain", bold: selected },
        { text: " " },
        { text: fit(valueText, valueW), tone: editing?.error ? "danger" : tone, bold: differs },
        { text: " " },
        { text: fit(src, sourceW), tone: changed ? "changed" : "muted" },
      ]);
    });
    const below = PATHS.length - top - shown.length;
    out.push([{ text: fit(below > 0 ? `    ${t(lang, "whatif.screen.moreBelow", { count: below })}` : "", width), tone: "muted" }]);
    if (state.editing?.error) {
      for (const l of wrap(t(lang, "whatif.err.value", { path: state.editing.path, accepted: acceptedValues(state.editing.path) }), width - 2)) out.push([{ text: fit(`  ${l}`, width), tone: "danger" }]);
    }
    out.push(rule());
    out.push(...causeLines());
    return out;
  }

  function causeLines(): Line[] {
    const out: Line[] = [[{ text: fit(t(lang, "whatif.screen.causes"), width), bold: true }]];
    const rows: { f: Finding; mark: "added" | "removed" | "changed" | "same" }[] = [
      ...diagnosis.causes.map((f) => ({ f, mark: causeMark(diff, f.id) })),
      ...diff.removed.map((f) => ({ f, mark: "removed" as const })),
    ];
    if (rows.length === 0) out.push([{ text: fit(`  ${t(lang, "whatif.screen.noCauses")}`, width), tone: "success" }]);
    const statusW = 14;
    for (const { f, mark } of rows.slice(0, causeRows)) {
      const sign = mark === "added" ? "+" : mark === "removed" ? "-" : mark === "changed" ? "~" : " ";
      const tone: Tone = mark === "removed" ? "success" : mark === "same" ? (f.status === "blocking" ? "danger" : f.status === "possible" ? "warning" : "muted") : "changed";
      out.push([
        { text: fit(` ${sign}`, 3), tone },
        { text: fit(causeTitle(lang, f.id), width - 3 - 1 - statusW), tone, dim: mark === "removed" },
        { text: " " },
        { text: fit(statusLabel(lang, f.status), statusW), tone },
      ]);
    }
    if (rows.length > causeRows) out.push([{ text: fit(`    ${t(lang, "whatif.screen.moreBelow", { count: rows.length - causeRows })}`, width), tone: "muted" }]);
    return out;
  }

  function optionLines(options: OptionResult[]): Line[] {
    const out: Line[] = [[{ text: fit(t(lang, "whatif.screen.options"), width), bold: true }]];
    if (options.length === 0) {
      const key = comparison?.reason === "not-blocked" ? "whatif.options.notBlocked" : comparison?.reason === "outside-exchange-online" ? "whatif.options.outside" : "whatif.options.none";
      for (const l of wrap(t(lang, key, { verdict: verdictLabel(lang, diagnosis.verdict) }), width)) out.push([{ text: fit(l, width) }]);
      return out;
    }
    const nW = 4;
    const resultW = 12;
    const effortW = 6;
    const lastsW = 20;
    const titleW = width - nW - resultW - effortW - lastsW - 3;
    out.push([
      { text: fit("", nW) },
      { text: fit(t(lang, "whatif.col.fix"), titleW), tone: "muted" },
      { text: " " },
      { text: fit(t(lang, "whatif.col.result"), resultW), tone: "muted" },
      { text: " " },
      { text: fit(t(lang, "whatif.col.effort"), effortW), tone: "muted" },
      { text: " " },
      { text: fit(t(lang, "whatif.col.lasts"), lastsW), tone: "muted" },
    ]);
    const sel = Math.min(state.optionIndex, options.length - 1);
    options.forEach((o, i) => {
      const selected = i === sel;
      out.push([
        { text: fit(`${selected ? g.cursor : " "}${i + 1}.`, nW), tone: "accent", bold: selected },
        { text: fit(t(lang, `whatif.option.${o.id}.title` as MessageKey), titleW), tone: selected ? "accent" : "plain", bold: selected },
        { text: " " },
        { text: fit(t(lang, `whatif.verdictShort.${o.verdict}` as MessageKey), resultW), tone: verdictTone(o.verdict === "conditional" ? "undetermined" : o.verdict) },
        { text: " " },
        { text: fit(t(lang, `whatif.effort.${o.effort}` as MessageKey), effortW) },
        { text: " " },
        { text: fit(t(lang, `whatif.lastsShort.${o.lasts}` as MessageKey), lastsW), tone: o.lasts === "long-term" ? "success" : "warning" },
      ]);
    });
    const o = options[sel] as OptionResult;
    out.push(rule());
    const detail: string[] = [
      t(lang, "whatif.options.exposes", { text: t(lang, `whatif.option.${o.id}.exposes` as MessageKey) }),
      t(lang, "whatif.join", { first: t(lang, `whatif.tier.${o.tier}` as MessageKey), second: t(lang, "whatif.screen.who", { who: o.who.map((w) => t(lang, `whatif.who.${w}` as MessageKey)).join(t(lang, "whatif.listSep")) }) }),
      t(lang, "whatif.options.lasts", { text: t(lang, `whatif.lasts.${o.lasts}` as MessageKey) }),
    ];
    if (o.remaining.length) detail.push(t(lang, "whatif.options.remaining", { causes: o.remaining.map((id) => causeTitle(lang, id)).join(t(lang, "whatif.listSep")) }));
    if (o.together) detail.push(t(lang, "whatif.options.together", { options: o.together.with.map((id) => t(lang, `whatif.option.${id}.title` as MessageKey)).join(" + "), verdict: verdictLabel(lang, o.together.verdict) }));
    for (const c of o.conditions) detail.push(t(lang, "whatif.options.condition", { text: t(lang, c) }));
    for (const a of o.assumptions) detail.push(t(lang, "whatif.options.assumes", { text: t(lang, a) }));
    // Keep the view as tall as the fact view: details beyond that are counted, not drawn.
    const detailLines = detail.flatMap((d) => wrap(d, width - 2));
    const room = Math.max(3, listRows + causeRows + 1 - options.length);
    const shownDetail = detailLines.length > room ? detailLines.slice(0, room - 1) : detailLines;
    for (const l of shownDetail) out.push([{ text: fit(`  ${l}`, width) }]);
    if (shownDetail.length < detailLines.length) {
      out.push([{ text: fit(`    ${t(lang, "whatif.screen.moreBelow", { count: detailLines.length - shownDetail.length })}`, width), tone: "muted" }]);
    }
    return out;
  }

  return (
    <Box flexDirection="column" width={width}>
      {lines.map((line, i) => (
        <Text key={i}>
          {line.map((p, j) => (
            <Text key={j} {...(color && p.tone && TONES[p.tone] ? { color: TONES[p.tone] } : {})} bold={color && p.bold === true} dimColor={color && p.dim === true}>
              {p.text}
            </Text>
          ))}
        </Text>
      ))}
    </Box>
  );
}

/** The parts of Ink's key object the screen reads. */
interface KeyLike {
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
}

function keyOf(ch: string): KeyLike {
  return {
    upArrow: false,
    downArrow: false,
    leftArrow: false,
    rightArrow: false,
    return: ch === "\r" || ch === "\n",
    escape: false,
    tab: ch === "\t",
    backspace: ch === "\b",
    delete: ch === "\u007f",
    ctrl: false,
    meta: false,
  };
}

/** A line with `left` at the start and `right` at the end, exactly `width` columns. */
function twoSides(left: string, right: string, width: number, leftTone: Tone, rightTone: Tone): Line {
  const r = cut(right, Math.floor(width / 2));
  const l = fit(left, width - stringWidth(r) - 1);
  return [{ text: l, tone: leftTone, bold: true }, { text: " " }, { text: r, tone: rightTone }];
}

export default WhatIf;
