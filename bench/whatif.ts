// What-if speed: re-evaluating a case after one change (target: well under a 16 ms frame), the
// whole interactive step (apply the edit, evaluate, diff) and the options comparison for a layered
// case (target: under 50 ms). Medians after warm-up.
import type { FactPath } from "../src/case/facts.js";
import type { Case } from "../src/case/schema.js";
import { evaluate } from "../src/engine/index.js";
import { withEdits } from "../src/whatif/apply.js";
import { diffDiagnoses } from "../src/whatif/diff.js";
import { compareOptions } from "../src/whatif/options.js";
import { layered } from "../test/helpers/whatif-cases.js";
import { median } from "./_util.js";

const fmt = (ms: number) => `${ms.toFixed(3)} ms`;

function timeIt(n: number, fn: (i: number) => void): number {
  for (let i = 0; i < Math.min(50, n); i++) fn(i); // warm-up
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = process.hrtime.bigint();
    fn(i);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(times);
}

export async function run(): Promise<void> {
  const ev = (c: Case) => evaluate(c, { today: "2026-11-22" });
  const base = layered();
  base.device = { ...base.device, reply: "smtplib.SMTPAuthenticationError: (535, b'5.7.139 Authentication unsuccessful, user is locked by your organization\\'s security defaults policy. Contact your administrator.')" };
  const original = ev(base);
  const edits: Map<FactPath, unknown>[] = [
    new Map([["account.smtpClientAuthenticationDisabled", false]]),
    new Map([["tenant.securityDefaultsEnabled", false]]),
    new Map([["account.perUserMfaState", "disabled"]]),
    new Map([["asOf", "2027-01-01"]]),
  ];
  const oneChange = timeIt(2000, (i) => {
    ev(withEdits(base, edits[i % edits.length] ?? new Map()));
  });
  const screenStep = timeIt(2000, (i) => {
    const d = ev(withEdits(base, edits[i % edits.length] ?? new Map()));
    diffDiagnoses(original, d);
  });
  const options = timeIt(200, () => {
    compareOptions(base, ev);
  });
  const count = compareOptions(base, ev).options.length;
  console.log(`re-evaluate after one change        ${fmt(oneChange)}  (target well under 16 ms)`);
  console.log(`screen step (apply, evaluate, diff) ${fmt(screenStep)}`);
  console.log(`options comparison, layered case    ${fmt(options)}  (${count} options; target under 50 ms)`);
}
