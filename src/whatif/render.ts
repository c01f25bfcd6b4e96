// Plain-text and JSON renderings of what-if results and the options comparison (for the CLI, for
// pipes and for --json). Every word through t().
import { retirementWording } from "../engine/timeline.js";
import type { CauseId, Diagnosis, Finding } from "../engine/types.js";
import type { FactPath } from "../case/facts.js";
import type { Case } from "../case/schema.js";
import { t, type Lang, type MessageKey } from "../i18n/index.js";
import { wrapLines } from "../render/layout.js";
import type { CalendarView } from "./calendar.js";

import type { WhatIfResult } from "./index.js";
import type { OptionResult, OptionsComparison } from "./options.js";
import { protectionsGivenUp } from "./weakens.js";
import { causeTitle, factLabel, senderParams, senderText, valueLabel, statusLabel, verdictLabel } from "../render/labels.js";

/** What sends the mail, as the labels name it (a device, or an application: senderParams). */
type Sender = Pick<Case, "device"> | undefined;

const causeLine = (lang: Lang, f: Finding, c: Sender) => `${statusLabel(lang, f.status)}: ${causeTitle(lang, f.id, c)} [${f.id}]`;
/** Facts by their labels, each with its path (the raw paths alone read as code, and were English in Japanese: persona round 6, P6-10). */
/** A fact as the what-if names it: its label, then its path. */
const factRef = (lang: Lang, p: FactPath, c: Sender) => `${factLabel(lang, p, c)} [${p}]`;
const factList = (lang: Lang, paths: readonly FactPath[], c: Sender) => paths.map((p) => factRef(lang, p, c)).join(t(lang, "whatif.listSep"));
const causeList = (lang: Lang, ids: readonly CauseId[], c: Sender) => ids.map((id) => causeTitle(lang, id, c)).join(t(lang, "whatif.listSep"));

/** Every line wrapped to `width` columns; a continuation is indented two more than its line. */
const fitLines = (lines: string[], width: number): string => wrapLines(lines, width, 2, 20).join("\n");

export function renderWhatIf(lang: Lang, r: WhatIfResult, width = 80): string {
  // The labels name what sends the mail as the changed case has it.
  const c = r.after;
  const lines: string[] = [t(lang, "whatif.title"), ""];
  if (r.changes.length === 0) lines.push(t(lang, "whatif.noChanges"));
  else {
    lines.push(t(lang, "whatif.changes", { count: r.changes.length }));
    for (const ch of r.changes) {
      lines.push(`  ${factRef(lang, ch.path, c)}`);
      lines.push(`    ${t(lang, "whatif.change", { from: ch.fromReply !== undefined ? t(lang, "whatif.value.fromReply", { value: valueLabel(lang, ch.path, ch.fromReply) }) : valueLabel(lang, ch.path, ch.from, r.before.asOf), to: valueLabel(lang, ch.path, ch.to, r.afterDiagnosis.asOf) })}`);
    }
  }
  lines.push("");
  lines.push(t(lang, "whatif.verdictLine", { label: t(lang, "whatif.before"), verdict: `${verdictLabel(lang, r.before.verdict)} (${r.before.asOf})` }));
  lines.push(t(lang, "whatif.verdictLine", { label: t(lang, "whatif.after"), verdict: `${verdictLabel(lang, r.afterDiagnosis.verdict)} (${r.afterDiagnosis.asOf})` }));
  lines.push(...renderDiffBody(lang, r.diff, c));
  // What the change gives up, beside what it removes: the plan's own words for the hole its step opens.
  const givenUp = protectionsGivenUp(r.changes);
  if (givenUp.length) lines.push(t(lang, "whatif.opens"), ...givenUp.map((g) => `  ! ${factLabel(lang, g.path, c)}: ${t(lang, `plan.step.${g.step}.opens`)}`));
  // What still stands after the change, whatever changed: "After: blocked" with only "No longer unknown" below it named
  // no cause (persona round 6, P6-11).
  const standing = r.afterDiagnosis.causes.filter((f) => f.status === "blocking" || f.status === "possible");
  if (r.afterDiagnosis.verdict !== "clear" && standing.length) lines.push(t(lang, "whatif.causesAfter"), ...standing.map((f) => `  ${causeLine(lang, f, c)}`));
  // Blocked with only possible causes: the reply's permanent refusal decides (README, exit code 1).
  const refused = r.afterDiagnosis.verdict === "blocked" && !standing.some((f) => f.status === "blocking") ? r.afterDiagnosis.info.find((i) => i.id === "server-refused" || i.id === "server-refused-unexplained") : undefined;
  if (refused) lines.push(`  ${t(lang, `info.${refused.id}` as MessageKey, senderParams(lang, c))}`);
  if (r.afterDiagnosis.verdict === "undetermined" && r.afterDiagnosis.unknowns.length) lines.push(t(lang, "whatif.stillUnknown", { facts: factList(lang, r.afterDiagnosis.unknowns, c) }));
  if (r.calendar) lines.push("", ...renderCalendar(lang, r.calendar, c));
  if (r.replyStillCounts) lines.push("", senderText(lang, "whatif.replyStillCounts", c));
  return fitLines(lines, width);
}

function renderDiffBody(lang: Lang, d: WhatIfResult["diff"], c: Sender): string[] {
  const lines: string[] = [];
  if (d.same) return [t(lang, "whatif.noDifference")];
  if (d.removed.length) lines.push(t(lang, "whatif.removed"), ...d.removed.map((f) => `  - ${causeLine(lang, f, c)}`));
  if (d.added.length) lines.push(t(lang, "whatif.added"), ...d.added.map((f) => `  + ${causeLine(lang, f, c)}`));
  if (d.changed.length) {
    lines.push(t(lang, "whatif.changedStatus"));
    for (const ch of d.changed) lines.push(`  ~ ${t(lang, "whatif.statusChange", { cause: causeTitle(lang, ch.id, c), from: statusLabel(lang, ch.before), to: statusLabel(lang, ch.after) })}`);
  }
  if (d.unknownsAdded.length) lines.push(t(lang, "whatif.unknownsAdded"), ...d.unknownsAdded.map((p) => `  ? ${factRef(lang, p, c)}`));
  if (d.unknownsRemoved.length) lines.push(t(lang, "whatif.unknownsRemoved"), ...d.unknownsRemoved.map((p) => `  = ${factRef(lang, p, c)}`));
  return lines;
}

export function renderCalendar(lang: Lang, v: CalendarView, c?: Sender): string[] {
  const lines = [t(lang, "whatif.calendar", { from: v.from, to: v.to })];
  for (const s of v.steps) {
    const checkpoint = s.checkpoint ? ` - ${t(lang, `whatif.checkpoint.${s.checkpoint}` as MessageKey)}` : "";
    lines.push(`  ${t(lang, "whatif.calendarStep", { date: s.date, checkpoint, verdict: verdictLabel(lang, s.diagnosis.verdict) })}`);
    lines.push(`    ${t(lang, `whatif.phase.${s.diagnosis.retirement}` as MessageKey)}`);
    if (s.diff && !s.diff.same) for (const l of renderDiffBody(lang, s.diff, c)) lines.push(`    ${l}`);
  }
  lines.push(t(lang, "whatif.unannounced"));
  for (const id of v.unannounced) lines.push(`  - ${t(lang, `whatif.unannounced.${id}` as MessageKey)}`);
  return lines;
}

/** A fix's title, for the device or the application (`c`): an application's read "Move the device to OAuth (XOAUTH2)". */
export function optionTitle(lang: Lang, o: Pick<OptionResult, "id">, c?: Sender): string {
  return t(lang, `whatif.option.${o.id}.title` as MessageKey, senderParams(lang, c));
}

/**
 * `datedAs`: set when the case is evaluated at a date of its own (options --as-of, or the case file's asOf): shown beside the verdict, as whatif shows its dates.
 * `c`: the case compared, whose words name what sends the mail (a device, or an application).
 */
export function renderOptions(lang: Lang, cmp: OptionsComparison, width = 80, datedAs?: string, c?: Sender): string {
  const now = datedAs !== undefined ? `${verdictLabel(lang, cmp.before.verdict)} (${cmp.before.asOf})` : verdictLabel(lang, cmp.before.verdict);
  if (cmp.reason === "not-blocked") return fitLines([t(lang, "whatif.options.notBlocked", { verdict: now })], width);
  if (cmp.reason === "outside-exchange-online") return fitLines([t(lang, "whatif.options.outside")], width);
  const lines = [t(lang, "whatif.options.title", { verdict: now }), ""];
  if (cmp.options.length === 0) lines.push(t(lang, "whatif.options.none"));
  cmp.options.forEach((o, i) => {
    lines.push(t(lang, "whatif.options.row", { n: i + 1, title: optionTitle(lang, o, c), verdict: verdictLabel(lang, o.verdict) }));
    const ind = "   ";
    const exposes = t(lang, "whatif.options.exposes", { text: t(lang, `whatif.option.${o.id}.exposes` as MessageKey) });
    lines.push(`${ind}${t(lang, "whatif.join", { first: t(lang, `whatif.tier.${o.tier}` as MessageKey), second: exposes })}`);
    lines.push(`${ind}${t(lang, "whatif.options.effort", { effort: t(lang, `whatif.effort.${o.effort}` as MessageKey), who: o.who.map((w) => senderText(lang, `whatif.who.${w}` as MessageKey, c)).join(t(lang, "whatif.listSep")) })}`);
    // (The retirement's dates as they stand on the day compared.)
    const dated = o.lasts === "until-retirement" || o.lasts === "until-final-removal" ? retirementWording(cmp.before.asOf) : "";
    lines.push(`${ind}${t(lang, "whatif.options.lasts", { text: t(lang, `whatif.lasts.${o.lasts}${dated}` as MessageKey) })}`);
    if (o.resolved.length) lines.push(`${ind}${t(lang, "whatif.options.resolved", { causes: causeList(lang, o.resolved, c) })}`);
    if (o.remaining.length) lines.push(`${ind}${t(lang, "whatif.options.remaining", { causes: causeList(lang, o.remaining, c) })}`);
    if (o.verdict === "undetermined" && o.unknowns.length) lines.push(`${ind}${t(lang, "whatif.stillUnknown", { facts: factList(lang, o.unknowns, c) })}`);
    if (o.introduced.length) lines.push(`${ind}${t(lang, "whatif.options.introduced", { causes: causeList(lang, o.introduced, c) })}`);
    if (o.superseded.length) lines.push(`${ind}${t(lang, "whatif.options.superseded", { causes: causeList(lang, o.superseded, c) })}`);
    if (o.together) {
      lines.push(`${ind}${t(lang, "whatif.options.together", { options: o.together.with.map((id) => optionTitle(lang, { id }, c)).join(" + "), verdict: verdictLabel(lang, o.together.verdict) })}`);
    }
    if (o.modelled !== "engine") lines.push(`${ind}${t(lang, `whatif.options.modelled.${o.modelled}` as MessageKey)}`);
    for (const a of o.assumptions) lines.push(`${ind}${t(lang, "whatif.options.assumes", { text: senderText(lang, a, c) })}`);
    for (const k of o.conditions) lines.push(`${ind}${t(lang, "whatif.options.condition", { text: senderText(lang, k, c) })}`);
    lines.push("");
  });
  return fitLines(lines, width).trimEnd();
}

const diagnosisJson = (d: Diagnosis) => ({ verdict: d.verdict, asOf: d.asOf, retirement: d.retirement, causes: d.causes.map((f) => ({ id: f.id, status: f.status, affects: f.affects })), unknowns: d.unknowns });

export function whatIfJson(_lang: Lang, r: WhatIfResult, saved?: string): Record<string, unknown> {
  return {
    hypothetical: true,
    changes: r.changes.map((c) => ({ path: c.path, from: c.from === undefined ? "unknown" : c.from, ...(c.fromReply !== undefined ? { fromReply: c.fromReply } : {}), to: c.to === undefined ? "unknown" : c.to })),
    before: diagnosisJson(r.before),
    after: diagnosisJson(r.afterDiagnosis),
    diff: {
      verdictChanged: r.diff.verdict.changed,
      added: r.diff.added.map((f) => ({ id: f.id, status: f.status })),
      removed: r.diff.removed.map((f) => ({ id: f.id, status: f.status })),
      changed: r.diff.changed,
      unknownsAdded: r.diff.unknownsAdded,
      unknownsRemoved: r.diff.unknownsRemoved,
    },
    // The protections the change gives up (an added field): the fact and the plan's step whose cost it pays.
    opens: protectionsGivenUp(r.changes).map((g) => ({ path: g.path, step: g.step, text: t(_lang, `plan.step.${g.step}.opens`) })),
    ...(r.calendar
      ? {
          calendar: {
            from: r.calendar.from,
            to: r.calendar.to,
            steps: r.calendar.steps.map((s) => ({ date: s.date, checkpoint: s.checkpoint ?? null, verdict: s.diagnosis.verdict, retirement: s.diagnosis.retirement, causes: s.diagnosis.causes.map((f) => ({ id: f.id, status: f.status })) })),
            unannounced: r.calendar.unannounced,
          },
        }
      : {}),
    replyStillCounts: r.replyStillCounts,
    ...(saved !== undefined ? { saved } : {}),
  };
}

export function optionsJson(lang: Lang, cmp: OptionsComparison, c?: Sender): Record<string, unknown> {
  return {
    before: diagnosisJson(cmp.before),
    ...(cmp.reason ? { reason: cmp.reason } : {}),
    options: cmp.options.map((o) => ({
      id: o.id,
      safetyTier: o.tier,
      effort: o.effort,
      who: o.who,
      lasts: o.lasts,
      modelled: o.modelled,
      verdict: o.verdict,
      changes: o.changes.map((c) => ({ path: c.path, value: c.value === undefined ? "unknown" : c.value })),
      resolved: o.resolved,
      remaining: o.remaining,
      introduced: o.introduced,
      unknowns: o.unknowns,
      superseded: o.superseded,
      ...(o.together ? { together: o.together } : {}),
      assumptions: o.assumptions.map((key) => ({ key, text: senderText(lang, key, c) })),
      conditions: o.conditions.map((key) => ({ key, text: senderText(lang, key, c) })),
      title: optionTitle(lang, o, c),
      exposes: t(lang, `whatif.option.${o.id}.exposes` as MessageKey),
    })),
  };
}
