// The probe's conclusion: the engine's diagnosis of the case the probe built (the final reply is
// device.reply, the measured facts are case.probe), with the probe's own wire observations added
// as probe evidence, and the fix plan. Pure: no I/O.
import type { Case } from "../case/schema.js";
import { evaluate } from "../engine/index.js";
import { mergeFindings, probeFindings as findingsOf, withProbeProblems } from "../engine/probe.js";
import type { Diagnosis, Finding } from "../engine/types.js";
import type { Lang } from "../i18n/index.js";
import { buildPlan, type Plan } from "../plan/index.js";
import type { ProbeResult } from "./types.js";

export interface ProbeConclusion {
  diagnosis: Diagnosis;
  plan: Plan;
}

/** One finding per cause the probe saw on the wire, each observation as probe evidence. */
export function probeFindings(result: ProbeResult): Finding[] {
  return findingsOf(result.problems);
}

export { mergeFindings };

export function concludeProbe(result: ProbeResult, c: Case, opts: { today: string; lang: Lang }): ProbeConclusion {
  // A case built by probeCase() carries the problems (case.probe.problems), which evaluate() has merged already: the CLI's
  // verdict is then the wizard's and diagnose --case's (it was recomputed here, which dropped a refusal's "blocked").
  const engine = evaluate(c, { today: opts.today });
  const diagnosis: Diagnosis = c.probe?.problems ? engine : withProbeProblems(c, engine, result.problems);
  return { diagnosis, plan: buildPlan(c, diagnosis, opts.lang) };
}
