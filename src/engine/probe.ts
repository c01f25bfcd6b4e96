// What the test from the support person's PC saw on the wire (case.probe.problems, written by
// src/probe/case.ts from a ProbeResult): one finding per cause, each observation as probe evidence,
// merged into the engine's findings after the gates. The CLI `probe` and the wizard's test carry
// their result the same way, so `diagnose --case`, the report and the hand-over read it too.
import type { Case } from "../case/schema.js";
import { compareFindings, strongerStatus } from "./causes.js";
import { inference } from "./context.js";
import type { CauseId, Diagnosis, Finding, Info, Verdict } from "./types.js";

/** One problem the probe saw: the shape of ProbeResult.problems and of case.probe.problems. */
export interface ProbeObservation {
  cause: CauseId;
  status: "blocking" | "possible";
  phase: string;
  code: string;
  detail?: string;
}

/** One finding per cause the probe saw on the wire, each observation as probe evidence. */
export function probeFindings(problems: readonly ProbeObservation[]): Finding[] {
  const byCause = new Map<CauseId, Finding>();
  for (const p of problems) {
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

export function probeVerdict(causes: readonly Finding[], unknowns: readonly unknown[]): Verdict {
  if (causes.some((f) => f.status === "blocking")) return "blocked";
  if (causes.some((f) => f.status === "possible") || unknowns.length > 0) return "undetermined";
  return "clear";
}

const VERDICT_RANK: Readonly<Record<Verdict, number>> = { clear: 0, undetermined: 1, blocked: 2 };

/**
 * The diagnosis with the problems the case's probe recorded merged in (unchanged when it recorded none). The engine's own
 * verdict is never weakened: a server's permanent refusal it read as "blocked" (info server-refused) stays blocked, whoever
 * captured the reply (the probe's 5.7.139 exited 3 where explain's exited 1, persona round 8 #6).
 */
export function withProbeProblems(c: Case, d: Diagnosis, problems: readonly ProbeObservation[] | undefined = c.probe?.problems): Diagnosis {
  if (!problems || problems.length === 0) return d;
  const causes = mergeFindings(d.causes, probeFindings(problems));
  const merged = probeVerdict(causes, d.unknowns);
  return { ...d, causes, verdict: VERDICT_RANK[d.verdict] >= VERDICT_RANK[merged] ? d.verdict : merged };
}

/**
 * What the test from this PC proved, when the case's reply is that test's (a reply the device got since, pasted or set in
 * what-if, speaks for the device instead): "sent" when it signed in and the server accepted its test message, "signed-in"
 * when it signed in only. With --send the case's reply is the 250 and the 235 before it is case.probe.auth (persona round 8 #5).
 */
export function probeSucceeded(c: Case): "sent" | "signed-in" | undefined {
  const probe = c.probe;
  if (probe?.auth?.outcome !== "accepted") return undefined;
  if (c.device?.reply !== undefined && c.sources?.["device.reply"]?.kind !== "probe") return undefined;
  return probe.send?.outcome === "accepted" ? "sent" : "signed-in";
}

/** The Info entry for probeSucceeded(): its evidence names the test from this PC (host, port, the replies), not the device. */
export function probeSuccessInfo(c: Case, succeeded: "sent" | "signed-in"): Info {
  const probe = c.probe;
  const evidence = [inference("inference.probeAuth", { host: probe?.host ?? "?", port: probe?.port ?? 0, mechanism: probe?.auth?.mechanism ?? "?", reply: probe?.auth?.reply ?? "235" })];
  if (succeeded === "sent") evidence.push(inference("inference.probeSend", { reply: probe?.send?.reply ?? "250" }));
  return { id: succeeded === "sent" ? "probe-sent" : "probe-signed-in", evidence };
}
