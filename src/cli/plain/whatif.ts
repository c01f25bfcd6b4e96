// The what-if explorer (src/flow/whatif.ts) line by line: pick a fact, set a value, see the verdict
// and the causes before and after, repeat; compare the fixes; save the hypothetical case. The same
// reducer as the full screen, with whole events (set, reset, save) instead of keys.
import { factSpec, getFact, type FactPath } from "../../case/facts.js";
import type { AuthPolicy, Case } from "../../case/schema.js";
import { isAppError } from "../../errors.js";
import { subState } from "../../flow/reducer.js";
import type { FlowEvent, FlowState } from "../../flow/types.js";
import { stoppedAfterDate, WHATIF_PATHS, type WhatIfEvent } from "../../flow/whatif.js";
import { t } from "../../i18n/index.js";
import { sameValue } from "../../whatif/apply.js";
import { cycleValue, isTyped } from "../../whatif/edit.js";

import { whatIf } from "../../whatif/index.js";
import { compareOptions } from "../../whatif/options.js";
import { renderOptions, renderWhatIf } from "../../whatif/render.js";
import { acceptedValues, parseFactValue, type FactChange } from "../../whatif/set.js";
import type { Evaluate } from "../../whatif/types.js";
import { wrapHanging } from "../../render/layout.js";
import { WHATIF_FILE } from "../../flow/effects.js";
import { BACK, type PlainContext, type Special } from "./context.js";
import { causeTitle, factLabel, valueLabel, statusLabel, verdictLabel } from "../../render/labels.js";

const sub = (event: WhatIfEvent): FlowEvent => ({ type: "whatif", event });

/** The edits last said (by identity): after every change the difference is said once. */
const said = new WeakMap<PlainContext, ReadonlyMap<FactPath, unknown>>();

export async function plainWhatIf(s: FlowState, ctx: PlainContext): Promise<FlowEvent | undefined> {
  const w = subState(s, "whatif");
  if (!w) return undefined;
  const { p, services } = ctx;
  const lang = s.lang;
  const { evaluate, today } = services.deps;
  const original = s.case;
  if (said.get(ctx) !== w.edits) {
    said.set(ctx, w.edits);
    if (w.edits.size === 0) {
      p.say("");
      for (const line of wrapHanging(t(lang, "wizard.whatif.plain.intro"), ctx.width)) p.say(line);
      p.say(t(lang, "whatif.screen.verdict", { verdict: verdictLabel(lang, s.diagnosis.verdict) }));
      if (s.diagnosis.causes.length === 0) p.say(`  ${t(lang, "whatif.screen.noCauses")}`);
      for (const f of s.diagnosis.causes) for (const line of wrapHanging(`  - ${statusLabel(lang, f.status)}: ${causeTitle(lang, f.id, original)}`, ctx.width, "    ")) p.say(line);
    } else {
      p.say("");
      for (const line of renderWhatIf(lang, explain(original, w.edits, today, evaluate), ctx.width).split("\n")) p.say(line);
    }
  }
  const v = await p.select<string>(t(lang, "wizard.plain.what"), [
    { name: t(lang, "wizard.whatif.plain.change"), value: "change" },
    { name: t(lang, "wizard.whatif.plain.compare"), value: "compare" },
    ...(w.edits.size > 0 ? [{ name: t(lang, "wizard.whatif.plain.resetAll", { count: w.edits.size }), value: "reset" }] : []),
    { name: t(lang, "wizard.whatif.plain.save", { file: WHATIF_FILE }), value: "save" },
    { name: t(lang, "wizard.plain.back"), value: BACK as string },
    { name: t(lang, "wizard.export.finish"), value: "finish" },
  ]);
  switch (v) {
    case "change":
      return changeFact(s, w.edits, ctx);
    case "compare": {
      const hypothetical = explain(original, w.edits, today, evaluate).after;
      for (const line of renderOptions(lang, compareOptions(hypothetical, evaluate), ctx.width, undefined, hypothetical).split("\n")) p.say(line);
      return undefined;
    }
    case "reset":
      return sub({ type: "resetAll" });
    case "save":
      return sub({ type: "save" });
    case "finish":
      return { type: "finish" };
    default:
      return sub({ type: "back" });
  }
}

/** The whole what-if of the edits: before and after, the difference, the calendar when the date moved. */
function explain(original: Case, edits: ReadonlyMap<FactPath, unknown>, today: string, evaluate: Evaluate) {
  const changes: FactChange[] = [];
  let asOf: string | undefined;
  for (const [path, value] of edits) {
    if (path === "asOf" && typeof value === "string") asOf = value;
    else changes.push({ path, value });
  }
  return whatIf(original, changes, { today, evaluate, ...(asOf !== undefined ? { asOf } : {}) });
}

/** Pick a fact, then its new value: chosen from its values, or typed (dates, ports, text). */
async function changeFact(s: FlowState, edits: ReadonlyMap<FactPath, unknown>, ctx: PlainContext): Promise<FlowEvent | undefined> {
  const { p } = ctx;
  const lang = s.lang;
  const current = (path: FactPath) => (edits.has(path) ? edits.get(path) : getFact(s.case, path));
  // The labels name what sends the mail as the edits have it (a device, or an application).
  const vendor = current("device.vendor");
  const sender = { device: { ...s.case.device, vendor: vendor as NonNullable<Case["device"]>["vendor"] } };
  const path = await p.select<FactPath | Special>(t(lang, "wizard.whatif.plain.fact"), [
    ...WHATIF_PATHS.map((f) => ({ name: `${edits.has(f) ? "* " : ""}${factLabel(lang, f, sender)}: ${valueLabel(lang, f, current(f), s.diagnosis.asOf)}`, value: f as FactPath | Special })),
    { name: t(lang, "wizard.plain.back"), value: BACK },
  ]);
  if (path === BACK) return undefined;
  const fact = factLabel(lang, path as FactPath, sender);
  const recorded = getFact(s.case, path as FactPath);
  if (isTyped(path as FactPath)) {
    const now = current(path as FactPath);
    for (;;) {
      const text = await p.input(t(lang, "wizard.whatif.plain.typed", { fact, accepted: acceptedValues(path as FactPath) }), now === undefined || now === null ? "" : String(now));
      try {
        const value = parseFactValue(path as FactPath, text);
        const after = stoppedAfterDate(path as FactPath, value, (current("asOf") as string | undefined) ?? s.diagnosis.asOf);
        if (after === undefined) return sub({ type: "set", path: path as FactPath, value });
        for (const line of wrapHanging(t(lang, "whatif.screen.err.stoppedAfter", { date: after }), ctx.width)) p.say(line);
      } catch (e) {
        if (!isAppError(e)) throw e;
        for (const line of wrapHanging(t(lang, "wizard.whatif.plain.refused", { fact, accepted: acceptedValues(path as FactPath) }), ctx.width)) p.say(line);
      }
    }
  }
  const values = [...choicesOf(path as FactPath, recorded), undefined];
  const at = values.findIndex((x) => sameValue(x, current(path as FactPath)));
  const i = await p.select<number>(
    t(lang, "wizard.whatif.plain.value", { fact }),
    values.map((x, n) => {
      const label = valueLabel(lang, path as FactPath, x);
      return { name: sameValue(x, recorded) ? t(lang, "wizard.whatif.plain.recorded", { value: label }) : label, value: n };
    }),
    at >= 0 ? at : undefined,
  );
  return sub({ type: "set", path: path as FactPath, value: values[i] });
}

/** Every value a fact cycles through on the full screen (booleans, the switches, enums, policies). */
function choicesOf(path: FactPath, recorded: unknown): unknown[] {
  const policyName = factSpec(path).kind.type === "policy" ? ((recorded as AuthPolicy | null | undefined) ?? undefined)?.name : undefined;
  const out: unknown[] = [];
  let value: unknown = undefined;
  for (let n = 0; n < 16; n++) {
    const next = cycleValue(path, value, 1, policyName ? { originalPolicyName: policyName } : {});
    if (!next || out.some((x) => sameValue(x, next.value))) break;
    out.push(next.value);
    value = next.value;
  }
  return out;
}
