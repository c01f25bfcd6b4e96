// The probe's conclusion: its own findings (what it saw on the wire) and a verdict. This is the
// one place that will hand the case to the engine's evaluate() once it is merged; until then the
// verdict is decided from the probe alone.
import type { Case } from "../case/schema.js";
import type { CauseId, Finding, Verdict } from "../engine/types.js";
import type { ProbeResult } from "./types.js";

export interface ProbeConclusion {
  verdict: Verdict;
  causes: Finding[];
}

/** One finding per cause the probe saw, with each observation as probe evidence. Blocking first. */
export function probeFindings(result: ProbeResult): Finding[] {
  const byCause = new Map<CauseId, Finding>();
  for (const p of result.problems) {
    const evidence = { kind: "probe" as const, what: `${p.phase}:${p.code}`, value: p.detail };
    const found = byCause.get(p.cause);
    if (found) {
      found.evidence.push(evidence);
      if (p.status === "blocking") found.status = "blocking";
    } else {
      byCause.set(p.cause, { id: p.cause, status: p.status, evidence: [evidence], affects: "all" });
    }
  }
  return [...byCause.values()].sort((a, b) => rank(a.status) - rank(b.status));
}

function rank(s: Finding["status"]): number {
  return s === "blocking" ? 0 : s === "possible" ? 1 : 2;
}

export function concludeProbe(result: ProbeResult, _c: Case): ProbeConclusion {
  const causes = probeFindings(result);
  const replyFailed = result.finalReply !== undefined && /^[45]/.test(result.finalReply);
  if (causes.some((f) => f.status === "blocking") || replyFailed || result.auth?.outcome === "not-attempted") return { verdict: "blocked", causes };
  const authOk = result.auth?.outcome === "accepted";
  const sendOk = result.send === undefined || result.send.outcome === "accepted";
  if (authOk && sendOk && causes.length === 0) return { verdict: "clear", causes };
  return { verdict: "undetermined", causes };
}
