// What a person needs in one screen (issue 13.2), at the top of every report and the wizard's
// result: the verdict, the cause (or, while only possible, the first one to check), who must act, and the next one to
// three actions. "Most likely" claimed a ranking the evidence does not give among equal possibilities (persona round 3).
// Everything else in a report is the detail behind these lines.
import type { CauseStatus, Diagnosis } from "../engine/types.js";
import { t, type Lang } from "../i18n/index.js";
import { refusedBeforeSending, type Plan, type PlanStep } from "../plan/index.js";
import type { FactPath } from "../case/facts.js";
import { causeSpec } from "../engine/causes.js";
import { causeTitle, factDescription } from "../render/labels.js";
import { whoLabel } from "./common.js";
import type { Case } from "../case/schema.js";

export interface Summary {
  /** The most likely cause: the first blocking one, else the first possible one, else the first warning. */
  cause?: { title: string; status: CauseStatus; moreBlocking: number; morePossible: number };
  /** Who must act for the next actions, each once, in order. */
  who: string[];
  /** The next one to three steps of the plan (a check step stays a check: read-only). */
  next: { title: string; who: string; check: boolean; confirm: boolean }[];
  /** How many facts are still unknown, and the first of them (when no cause explains the case). */
  unknown?: { count: number; first: string };
  /** The first next action is a read-only check that needs an admin role: whoever has none sends the hand-over. */
  handOver?: true;
  /** No step, and the paste holds only words that something failed (Info "failure-words-only"): the next thing is to find the reason. */
  findReason?: true;
}

const NEXT = 3;

export function summarize(d: Diagnosis, plan: Plan, lang: Lang, c?: Pick<Case, "device">): Summary {
  const order: CauseStatus[] = ["blocking", "possible", "warning"];
  const first = order.map((s) => d.causes.find((f) => f.status === s)).find((f) => f !== undefined);
  const steps: PlanStep[] = plan.steps.slice(0, NEXT);
  const whoOf = (s: PlanStep) => whoLabel(lang, s, c);
  const who = [...new Set(steps.map(whoOf))];
  return {
    // The other causes, blocking apart from possible: "1 more to rule out" beside a second confirmed cause read as a
    // mere possibility (persona run, 2026-12-04).
    ...(first ? { cause: { title: causeTitle(lang, first.id, c), status: first.status, moreBlocking: d.causes.filter((f) => f !== first && f.status === "blocking").length, morePossible: d.causes.filter((f) => f !== first && f.status === "possible").length } } : {}),
    who,
    // A change that waits for its cause to be confirmed says so here too (the summary is what a help desk reads: a
    // licence purchase stood as "Next" for a cause only possible, persona round 5, W4).
    next: steps.map((s) => ({ title: s.title, who: whoOf(s), check: s.kind === "check", confirm: s.confirmFirst && s.kind === "change" })),
    ...(d.unknowns.length > 0 && (!first || first.status !== "blocking") ? { unknown: { count: d.unknowns.length, first: factDescription(lang, firstUnknown(d), c) } } : {}),
    // A help desk without admin rights could do none of the next actions, and nothing said to send the hand-over
    // (persona round 6, P6-19). The case records no admin rights: said for whoever has none.
    ...(steps[0]?.kind === "check" && steps[0].who !== "helpdesk" ? { handOver: true as const } : {}),
    ...(steps.length === 0 && d.verdict !== "clear" && d.info.some((i) => i.id === "failure-words-only") ? { findReason: true as const } : {}),
  };
}

/** The sender's facts, which matter only once the sign-in has passed. */
const SENDER_FACTS: readonly FactPath[] = ["device.from", "account.sendAs"];

/**
 * The unknown named first: one that decides a possible cause; behind a refused sign-in, not the sender's (the From address led "still unknown" for a 535,
 * persona round 5, C2), unless nothing else is unknown.
 */
function firstUnknown(d: Diagnosis): FactPath {
  // First a setting that decides one of the possible causes (per-user MFA for the "criteria" reply), then any other.
  const deciding = new Set(d.causes.filter((f) => f.status === "possible").flatMap((f) => causeSpec(f.id).settledBy ?? []));
  const decides = d.unknowns.find((p) => deciding.has(p));
  const early = refusedBeforeSending(d) ? d.unknowns.find((p) => !SENDER_FACTS.includes(p)) : undefined;
  return decides ?? early ?? (d.unknowns[0] as FactPath);
}

/** One line of the summary: a label (empty under the first of a list), its text, and a number for the next actions. */
export interface SummaryLine {
  label: string;
  text: string;
  number?: number;
}

/** The summary as short sentences (label, text), in the report's language: the same lines for text, Markdown and the hand-over. */
export function summaryLines(s: Summary, lang: Lang): SummaryLine[] {
  const out: SummaryLine[] = [];
  if (s.cause) {
    const status = t(lang, `plan.report.status.${s.cause.status}`);
    const more = (s.cause.moreBlocking > 0 ? t(lang, "plan.summary.moreBlocking", { n: s.cause.moreBlocking }) : "") + (s.cause.morePossible > 0 ? t(lang, "plan.summary.more", { n: s.cause.morePossible }) : "");
    // A warning (after a sign-in that worked, say) is no "most likely cause" (persona round 3).
    const label = s.cause.status === "blocking" ? "plan.summary.cause" : s.cause.status === "possible" ? "plan.summary.causeMaybe" : "plan.summary.warning";
    out.push({ label: t(lang, label), text: `${s.cause.title} (${status})${more}` });
  }
  if (s.unknown) out.push({ label: t(lang, "plan.summary.unknown"), text: s.unknown.count === 1 ? t(lang, "plan.summary.unknownTextOne", { first: s.unknown.first }) : t(lang, "plan.summary.unknownText", { n: s.unknown.count, first: s.unknown.first }) });
  if (s.who.length) out.push({ label: t(lang, "plan.summary.who"), text: s.who.join(t(lang, "plan.summary.sep")) });
  // Before the actions it is about: last, it was cut off the wizard's first page at 80×24 ("ウィザードでは h、コ"), and a help
  // desk without admin rights read three admin checks first (persona 9a).
  if (s.handOver) out.push({ label: t(lang, "plan.summary.notAdmin"), text: t(lang, "plan.summary.sendHandover") });
  s.next.forEach((n, i) => out.push({ label: i === 0 ? t(lang, "plan.summary.next") : "", number: i + 1, text: n.confirm ? t(lang, "plan.summary.nextConfirm", { title: n.title, who: n.who }) : `${n.title} (${n.who})` }));
  if (s.findReason) out.push({ label: t(lang, "plan.summary.next"), text: t(lang, "plan.summary.findReason") });
  return out;
}
