// The --json object: plain data only (no functions, no undefined), stable key order, no secrets.
import { outsideExchangeOnline } from "../engine/index.js";
import type { Diagnosis, Evidence, RetirementPhase, Verdict } from "../engine/types.js";
import type { FactPath } from "../case/facts.js";
import type { Case } from "../case/schema.js";
import { redactSecrets } from "../case/redact.js";
import type { Plan } from "../plan/index.js";
import { causeSummary, causeTitle } from "../render/labels.js";


/** The first key of every report's JSON (diagnose, explain, probe, the wizard's export): what it is and its version. */
export const REPORT_SCHEMA_ID = "smtp-auth-doctor/report@1";

export interface JsonReport {
  schema: typeof REPORT_SCHEMA_ID;
  verdict: Verdict;
  asOf: string;
  lang: Plan["lang"];
  causes: {
    id: string;
    status: string;
    evidence: Evidence[];
    affects: string;
    title: string;
    summary: string | null;
    notes: string[];
  }[];
  unknowns: FactPath[];
  info: Diagnosis["info"];
  retirement: RetirementPhase;
  plan: Plan;
}

function cleanEvidence(ev: Evidence): Evidence {
  if (ev.kind === "reply") return { ...ev, reply: redactSecrets(ev.reply) };
  if (ev.kind === "fact" && typeof ev.value === "string") return { ...ev, value: redactSecrets(ev.value) };
  if (ev.kind === "signin" && ev.failureReason !== undefined) return { ...ev, failureReason: redactSecrets(ev.failureReason) };
  return ev;
}

/** The JSON report object (serialize it with JSON.stringify). */
/** The report as JSON; its titles and summaries name the sender as the case does (`c`, a device by default). */
export function toJson(diagnosis: Diagnosis, plan: Plan, c?: Pick<Case, "device">): JsonReport {
  const lang = plan.lang;
  const report: JsonReport = {
    schema: REPORT_SCHEMA_ID,
    verdict: diagnosis.verdict,
    asOf: diagnosis.asOf,
    lang,
    causes: diagnosis.causes.map((f) => ({
      id: f.id,
      status: f.status,
      evidence: f.evidence.map(cleanEvidence),
      affects: f.affects,
      title: causeTitle(lang, f.id, c),
      summary: causeSummary(lang, f.id, undefined, outsideExchangeOnline(diagnosis) !== undefined, diagnosis.asOf, c, f.notes) ?? null,
      notes: f.notes ?? [],
    })),
    unknowns: [...diagnosis.unknowns],
    info: diagnosis.info.map((i) => ({ id: i.id, evidence: i.evidence.map(cleanEvidence) })),
    retirement: diagnosis.retirement,
    plan,
  };
  // A round trip drops undefined and anything that is not plain data.
  return JSON.parse(JSON.stringify(report)) as JsonReport;
}
