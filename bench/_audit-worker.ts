// One measured audit run in a fresh process (so peak memory belongs to this run alone).
// Usage: node --import tsx bench/_audit-worker.ts <file>…  → prints {"ms","cpuMs","maxRssMB","mailboxes","signIns"}
import { performance } from "node:perf_hooks";
import { offlineSource, runAudit } from "../src/audit/index.js";
import { NO_PROGRESS } from "../src/audit/progress.js";
import { renderList } from "../src/audit/plan.js";
import { renderMailboxesCsv } from "../src/audit/report.js";
import type { InputKind } from "../src/audit/inputs.js";

const ALL: InputKind[] = ["mailboxes", "transport", "signins", "smtp-report", "auth-policies", "user-policies", "org-config"];
const files = process.argv.slice(2);
const t0 = performance.now();
const c0 = process.cpuUsage();
const run = await runAudit(offlineSource(files.map((path) => ({ path, option: "--input", expected: ALL }))), { asOf: "2026-11-22", change: "disable-unused", tenantDisabled: false }, NO_PROGRESS);
let outputChars = 0;
if (run.plan) outputChars += renderList(run.plan).length;
if (run.collector.mailboxCount > 0) outputChars += renderMailboxesCsv(run.collector, run.result).length;
const ms = performance.now() - t0;
const cpu = process.cpuUsage(c0);
process.stdout.write(
  `${JSON.stringify({ ms: Math.round(ms), cpuMs: Math.round((cpu.user + cpu.system) / 1000), maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024), mailboxes: run.result.mailboxes?.total ?? 0, signIns: run.result.signIns.records, accounts: run.result.accounts.length, outputChars })}\n`,
);
