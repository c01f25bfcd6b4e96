// The probe's conclusion: the engine's diagnosis of the case the probe built (the final reply is
// device.reply, the measured facts are case.probe), with the probe's own wire observations added
// as probe evidence, and the fix plan. Pure: no I/O.
import type { Case } from "../case/schema.js";
import { compareFindings, strongerStatus } from "../engine/causes.js";
import { evaluate } from "../engine/index.js";
import type { CauseId, Diagnosis, Finding, Verdict } from "../engine/types.js";
import type { Lang } from "../i18n/index.js";
import { buildPlan, type Plan } from "../plan/index.js";
import type { ProbeResult } from "./types.js";

export interface ProbeConclusion {
  diagnosis: Diagnosis;
  plan: Plan;
}

/** One finding per cause the probe saw on the wire, each observation as probe evidence. */
export function probeFindings(result: ProbeResult): Finding[] {
  const byCause = new Map<CauseId, Finding>();
  for (const p of result.problems) {
    const evidence = { kind: "probe" as const, what: `${p.phase}:${p.code}`, value: p.detail };
    const found = byCause.get(p.cause);
    if (found) {
      found.evidence.push(evidence);
      found.status = strongerStatus(found.status, p.status);
    } else {
      const network = p.cause === "network-unreachable" || p.cause === "wrong-endpoint";
      // Connected but never greeted: the connection itself opened (the cause's "cannot connect" alone read as a closed port, P2-12).
      const noGreeting = p.phase === "banner" && p.cause === "network-unreachable";
      const notes = [...(p.phase === "dns" && p.cause === "network-unreachable" ? ["probe.note.dns"] : []), ...(noGreeting ? ["probe.note.noGreeting"] : []), ...(network ? ["probe.note.fromSupportPc"] : [])];
      byCause.set(p.cause, { id: p.cause, status: p.status, evidence: [evidence], affects: "all", ...(notes.length ? { notes } : {}) });
    }
  }
  return [...byCause.values()].sort(compareFindings);
}

/** The engine's findings with the probe's added: same cause → evidence joined, the stronger status kept. */
export function mergeFindings(engine: readonly Finding[], probe: readonly Finding[]): Finding[] {
  const merged = engine.map((f) => ({ ...f, evidence: [...f.evidence] }));
  for (const p of probe) {
    const same = merged.find((f) => f.id === p.id);
    if (!same) {
      merged.push(p);
      continue;
    }
    for (const ev of p.evidence) if (!same.evidence.some((e) => JSON.stringify(e) === JSON.stringify(ev))) same.evidence.push(ev);
    same.status = strongerStatus(same.status, p.status);
    const notes = [...(same.notes ?? []), ...(p.notes ?? []).filter((n) => !(same.notes ?? []).includes(n))];
    if (notes.length > 0) same.notes = notes;
  }
  return merged.sort(compareFindings);
}

function verdictOf(causes: readonly Finding[], unknowns: readonly unknown[]): Verdict {
  if (causes.some((f) => f.status === "blocking")) return "blocked";
  if (causes.some((f) => f.status === "possible") || unknowns.length > 0) return "undetermined";
  return "clear";
}

export function concludeProbe(result: ProbeResult, c: Case, opts: { today: string; lang: Lang }): ProbeConclusion {
  const engine = evaluate(c, { today: opts.today });
  const causes = mergeFindings(engine.causes, probeFindings(result));
  const diagnosis: Diagnosis = { ...engine, causes, verdict: verdictOf(causes, engine.unknowns) };
  return { diagnosis, plan: buildPlan(c, diagnosis, opts.lang) };
}
