// What every renderer shares: the input shape, provenance, evidence as text, the plan's step
// notes (labels themselves live in src/render/labels.ts). Secrets are redacted from anything quoted, and every
// value from the case (or a reply, a source note) passes the one output sanitiser, on one line.
import { FACT_PATHS, getFact, type FactPath } from "../case/facts.js";
import { redactSecrets } from "../case/redact.js";
import { safeText } from "../render/sanitize.js";
import { wordsOf } from "../replies/signals.js";
import type { Case, Provenance } from "../case/schema.js";
import type { Diagnosis, Evidence } from "../engine/types.js";
import { hasKey, t, type Lang, type MessageKey } from "../i18n/index.js";
import { factDescription, maybe, rawValue, senderParams } from "../render/labels.js";
import type { Plan, PlanStep } from "../plan/index.js";
import type { Scope } from "../plan/types.js";

export interface ReportInput {
  case: Case;
  diagnosis: Diagnosis;
  plan: Plan;
  lang: Lang;
  /** Terminal width (text only). Default 80. */
  width?: number;
  /** Colour on (text only). The caller decides (TTY, NO_COLOR, --no-color). */
  color?: boolean;
  /** ASCII glyphs only (text only). */
  ascii?: boolean;
}

/** A message by a key that may not exist yet (keys of other areas built from ids); `undefined` when absent. */








/** The provenance of a fact: the one the evidence carries, else the case's record. */
export function provenanceOf(c: Case, path: FactPath, given?: Provenance): Provenance | undefined {
  return given ?? c.sources?.[path];
}

export function isWhatIf(c: Case, path: FactPath, given?: Provenance): boolean {
  return provenanceOf(c, path, given)?.kind === "whatif";
}

/** "live, Get-TransportConfig, 2026-11-22T10:00:00Z" (or "what-if; was true"). */
export function sourceText(lang: Lang, prov: Provenance | undefined): string {
  if (!prov) return t(lang, "plan.report.source.unknown");
  const parts: string[] = [];
  if (prov.kind === "whatif") {
    const original = prov.original === undefined || prov.original === "absent" ? "?" : rawValue(lang, prov.original);
    parts.push(t(lang, "plan.report.whatifWas", { value: original }));
  } else parts.push(t(lang, `plan.report.source.${prov.kind}`));
  if (prov.endpoint) parts.push(safeText(prov.endpoint));
  if (prov.at) parts.push(safeText(prov.at));
  if (prov.note) parts.push(safeText(redactSecrets(prov.note)));
  return parts.join(", ");
}

export interface EvidenceLine {
  kind: Evidence["kind"];
  /** The main text, e.g. "Server reply: 535 …" or "SMTP AUTH off for the mailbox = true". */
  text: string;
  /** The source, for facts. */
  source?: string;
  /** The fact is a what-if value. */
  hypothetical: boolean;
  /** A raw reply (for code formatting). */
  reply?: string;
  /** The words before a raw reply ("Server reply:", or "Device message:" for a device panel code). */
  replyLabel?: string;
}

/** The label of pasted words in evidence, by whose words they are (wordsOf). */
const EVIDENCE_LABEL = { device: "devices.ev.panel", program: "plan.report.ev.pasted", "mail-server": "plan.report.ev.mailServer", entra: "plan.report.ev.entra", reply: "plan.report.ev.reply" } as const satisfies Record<ReturnType<typeof wordsOf>, MessageKey>;

/** Evidence lines that repeat what the person reporting the failure said (case.history), labelled as theirs. */
const REPORTED: ReadonlySet<string> = new Set(["inference.history.workedBefore", "inference.history.workedUntil", "inference.history.neverWorked"]);

export function evidenceLine(lang: Lang, c: Case, ev: Evidence): EvidenceLine {
  switch (ev.kind) {
    case "reply": {
      const reply = safeText(redactSecrets(ev.reply));
      // A device panel code (src/devices, Kyocera's 1102) is the device's message, and a client's or a wrapper's words
      // (a network error, "Login failed") are what was pasted: neither is the server's reply (persona run, 2026-12-04). Nor is a
      // mail server's own log line or report (Postfix's failed DNS lookup, relay-dns-lookup), which read "Server reply:", nor
      // Microsoft Entra ID's answer to a token request (AADSTS…), which came before any mail server was reached.
      const key = EVIDENCE_LABEL[wordsOf(ev.patternId)];
      return { kind: ev.kind, text: t(lang, key, { reply }), hypothetical: false, reply, replyLabel: t(lang, key, { reply: "" }).trim() };
    }
    case "fact": {
      const prov = provenanceOf(c, ev.path, ev.source);
      return {
        kind: ev.kind,
        text: t(lang, "plan.report.ev.fact", { label: factDescription(lang, ev.path, c), value: rawValue(lang, ev.value, ev.path) }),
        // No provenance recorded (e.g. typed into a case file): say nothing rather than "not recorded" on every line.
        ...(prov ? { source: sourceText(lang, prov) } : {}),
        hypothetical: prov?.kind === "whatif",
      };
    }
    case "signin": {
      const base = t(lang, "plan.report.ev.signin", { at: ev.at, code: ev.errorCode });
      return { kind: ev.kind, text: ev.failureReason ? `${base} (${safeText(redactSecrets(ev.failureReason))})` : base, hypothetical: false };
    }
    case "timeline":
      return { kind: ev.kind, text: t(lang, "plan.report.ev.timeline", { phase: t(lang, `plan.report.phase.${ev.phase}`), date: ev.asOf }), hypothetical: false };
    case "probe": {
      // "phase:code" in the user's words when both are known ("グリーティング (バナー): 時間内に応答がありません"); the
      // wire's own English ("banner:timeout = no reply") showed on Japanese screens (persona run, 2026-12-04).
      const [phase = "", code = ""] = ev.what.split(":", 2);
      const phaseKey = `probe.phase.${phase}`;
      const codeKey = `probe.code.${code}`;
      if (hasKey(phaseKey) && hasKey(codeKey)) return { kind: ev.kind, text: t(lang, "plan.report.ev.probeCode", { phase: t(lang, phaseKey as MessageKey), code: t(lang, codeKey as MessageKey) }), hypothetical: false };
      return { kind: ev.kind, text: t(lang, "plan.report.ev.probe", { what: ev.what, value: rawValue(lang, ev.value) }), hypothetical: false };
    }
    case "inference": {
      // The sender named as the case does: an application's "an application with a user name and password picks LOGIN".
      const text = maybe(lang, ev.messageKey, { ...senderParams(lang, c), ...ev.params }) ?? ev.messageKey;
      // What the person reporting the failure said (it worked before, since when) is theirs, not the tool's inference.
      const label = REPORTED.has(ev.messageKey) ? "plan.report.ev.reported" : "plan.report.ev.inference";
      return { kind: ev.kind, text: t(lang, label, { text }), hypothetical: false };
    }
  }
}

/** Known facts of the case, in catalog order, with their provenance (the pasted reply is left out: it is long and shown as evidence). */
export function knownFacts(lang: Lang, c: Case): { path: FactPath; label: string; value: string; source: string; hypothetical: boolean }[] {
  const out = [];
  for (const path of FACT_PATHS) {
    if (path === "device.reply") continue;
    const value = getFact(c, path);
    if (value === undefined) continue;
    const prov = provenanceOf(c, path);
    out.push({ path, label: factDescription(lang, path, c), value: rawValue(lang, value, path), source: sourceText(lang, prov), hypothetical: prov?.kind === "whatif" });
  }
  return out;
}

export function isHypothetical(c: Case): boolean {
  return c.hypothetical === true || Object.values(c.sources ?? {}).some((p) => p.kind === "whatif");
}

/** The step number (1-based) of a step id in the plan, for "alternative to step n". */
/**
 * What the plan says when it has no step: nothing to change when clear, else that the cause is not known yet; for a device's or a
 * program's words that say only that something failed, where to find the reason.
 */
export function noStepsText(lang: Lang, d: Diagnosis): string {
  if (d.verdict === "clear") return t(lang, "plan.report.noSteps");
  return t(lang, d.info.some((i) => i.id === "failure-words-only") ? "plan.report.noStepsWordsOnly" : "plan.report.noStepsCauseUnknown");
}

export function stepNumber(plan: Plan, id: string): number {
  return plan.steps.findIndex((s) => s.id === id) + 1;
}

/** Sentences joined the way the language writes them: a space in English, nothing in Japanese. */
export function joinSentences(lang: Lang, parts: (string | undefined)[]): string {
  return parts.filter((p): p is string => Boolean(p)).join(lang === "ja" ? "" : " ");
}

/** The roles that can run a step's read-only checks, in the language's list form ("" when none is named). */
export function checkByText(lang: Lang, step: PlanStep): string {
  return (step.checkBy ?? []).map((r) => t(lang, `plan.role.${r}`)).join(t(lang, "plan.report.listSep"));
}

/** When a weakening change may be made: once its check confirms the cause, and only if the safer steps cannot be used. */
export function onlyIfLines(lang: Lang, plan: Plan, step: PlanStep): string[] {
  const only = step.onlyIf;
  if (!only) return [];
  const out: string[] = [];
  if (only.confirmedBy) out.push(t(lang, "plan.report.step.onlyIf.confirmed", { n: stepNumber(plan, only.confirmedBy) }));
  const safer = only.saferSteps.map((id) => stepNumber(plan, id)).filter((n) => n > 0);
  if (safer.length === 1) out.push(t(lang, "plan.report.step.onlyIf.saferOne", { n: safer[0] as number }));
  else if (safer.length > 1) out.push(t(lang, "plan.report.step.onlyIf.saferMany", { list: safer.join(t(lang, "plan.report.listSep")) }));
  return out;
}

/**
 * Who acts on a step, in words: for an application or a script its owner or developer, not a device's owner or vendor; and a
 * setting of the application itself (re-enter its password, its server, its port) is changed by whoever administers it, not the
 * help desk (the help desk types a printer's password on its panel; an application's is in its configuration, persona run).
 */
export function whoLabel(lang: Lang, step: Pick<PlanStep, "who" | "scope">, c: Pick<Case, "device"> | undefined): string {
  const app = c?.device?.vendor === "app";
  if (app && step.who === "device-owner") return t(lang, "plan.report.who.app-owner");
  if (app && step.who === "helpdesk" && step.scope === "device") return t(lang, "plan.report.who.app-admin");
  return t(lang, `plan.report.who.${step.who}`);
}

/** The options section's heading: for a program that cannot sign in, not "uses Basic auth" (plan.optionsFor). */
export function optionsHeadingKey(plan: Pick<Plan, "optionsFor">): "plan.report.section.options.noSignIn" | "plan.report.section.options" {
  return plan.optionsFor === "no-sign-in" ? "plan.report.section.options.noSignIn" : "plan.report.section.options";
}

/** The warning of a step whose change reaches beyond the device and its account: the tenant's, or the organization's Exchange Server's. */
export function wideChangeKey(step: Pick<PlanStep, "scope">): "plan.report.step.tenant" | "plan.report.step.exchangeServer" {
  return step.scope === "exchange-server" ? "plan.report.step.exchangeServer" : "plan.report.step.tenant";
}

/** The scope of a step, in words ("this device", "this application", "this mailbox" …). */
export function scopeLabel(lang: Lang, scope: Scope, c: Pick<Case, "device"> | undefined): string {
  return t(lang, `plan.report.scope.${scope}`, senderParams(lang, c));
}
