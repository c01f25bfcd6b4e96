// How long the plan and the four renderers take for a worst case (every cause at once, Japanese),
// and how much memory one full report needs. No targets are asserted here; the figures are printed.
import { CAUSE_IDS, type Diagnosis } from "../src/engine/types.js";
import { FACT_PATHS } from "../src/case/facts.js";
import type { Case } from "../src/case/schema.js";
import { buildPlan } from "../src/plan/index.js";
import { renderMarkdown, renderPs1, renderText, toJson } from "../src/report/index.js";
import { fmt, median } from "./_util.js";

function time(n: number, fn: () => unknown): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(times);
}

export async function run(): Promise<void> {
  const c: Case = {
    schema: "smtp-auth-doctor/case@1",
    asOf: "2026-11-22",
    device: { auth: "basic", username: "scanner-3f@contoso.com", from: "scanner-3f@contoso.com" },
    tenant: { securityDefaultsEnabled: true, entraIdP1: true },
  };
  const d: Diagnosis = {
    verdict: "blocked",
    asOf: "2026-11-22",
    causes: CAUSE_IDS.map((id) => ({ id, status: "blocking", affects: "all", evidence: [{ kind: "inference", messageKey: "bench" }] })),
    unknowns: [...FACT_PATHS],
    info: [],
    retirement: "before-change",
  };
  const n = 50;
  const plan = buildPlan(c, d, "ja");
  const input = { case: c, diagnosis: d, plan, lang: "ja" as const };
  const before = process.memoryUsage().heapUsed;
  const text = renderText(input);
  const after = process.memoryUsage().heapUsed;
  console.log(`buildPlan (all ${CAUSE_IDS.length} causes, ja)      ${fmt(time(n, () => buildPlan(c, d, "ja")))}`);
  console.log(`renderText (${text.split("\n").length} lines)             ${fmt(time(n, () => renderText(input)))}`);
  console.log(`renderMarkdown                        ${fmt(time(n, () => renderMarkdown(input)))}`);
  console.log(`renderPs1                             ${fmt(time(n, () => renderPs1(input)))}`);
  console.log(`toJson                                ${fmt(time(n, () => JSON.stringify(toJson(d, plan))))}`);
  console.log(`heap growth for one text report       ${((after - before) / 1024).toFixed(0)} KiB (rough; GC may run)`);
}
