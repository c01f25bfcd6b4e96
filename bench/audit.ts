// npm run bench — the tenant audit at scale. Generates realistic exports (Export-Csv of Get-CASMailbox;
// the Entra portal's sign-in CSV; Graph signIns pages) and measures each audit in a fresh process:
// wall time and peak resident memory, from 1,000 to 100,000 mailboxes and up to 1,000,000 sign-ins.
// Targets (issue 7): mailbox evaluation of 100,000 under 2 s and 300 MB; 1,000,000 sign-ins under 20 s.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeMailboxesCsv, writeMailboxesJsonUtf16, writeSignInsCsv, writeSignInsGraphJson } from "../test/helpers/audit-data.js";

interface Measure {
  ms: number;
  cpuMs: number;
  maxRssMB: number;
  mailboxes: number;
  signIns: number;
}

const worker = fileURLToPath(new URL("./_audit-worker.ts", import.meta.url));

function measure(files: string[]): Measure {
  const r = spawnSync(process.execPath, ["--import", "tsx", worker, ...files], { encoding: "utf8", maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`audit worker failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop() as string) as Measure;
}

const mb = (path: string) => `${(statSync(path).size / 1048576).toFixed(1)} MB`;

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "bench-audit-"));
  try {
    console.log("audit: mailbox evaluation (Get-CASMailbox export, CSV with BOM/#TYPE/CRLF; read + three states + plan + per-mailbox CSV)");
    console.log(`  (wall time and CPU time of the process; the machine's load average now: ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores)`);
    console.log("  mailboxes      file       wall       CPU   peak RSS   CPU per 1,000");
    for (const n of [1_000, 10_000, 100_000]) {
      const f = join(dir, `mailboxes-${n}.csv`);
      await writeMailboxesCsv(f, n);
      const m = measure([f]);
      if (m.mailboxes !== n) throw new Error(`expected ${n} mailboxes, got ${m.mailboxes}`);
      console.log(`  ${String(n).padStart(9)}  ${mb(f).padStart(9)}  ${`${m.ms} ms`.padStart(9)}  ${`${m.cpuMs} ms`.padStart(9)}  ${`${m.maxRssMB} MB`.padStart(9)}  ${(m.cpuMs / (n / 1000)).toFixed(2)} ms`);
    }
    {
      const f = join(dir, "mailboxes-100000.json");
      writeMailboxesJsonUtf16(f, 100_000);
      const m = measure([f]);
      if (m.mailboxes !== 100_000) throw new Error(`expected 100000 mailboxes, got ${m.mailboxes}`);
      console.log(`  ${"100000".padStart(9)}  ${mb(f).padStart(9)}  ${`${m.ms} ms`.padStart(9)}  ${`${m.cpuMs} ms`.padStart(9)}  ${`${m.maxRssMB} MB`.padStart(9)}  ${(m.cpuMs / 100).toFixed(2)} ms  (ConvertTo-Json, UTF-16LE)`);
      rmSync(f);
    }
    console.log("  target: 100,000 mailboxes under 2,000 ms and 300 MB (timed after module load; RSS includes Node and tsx)");
    console.log("");
    console.log("audit: sign-ins (Entra portal CSV, 55 columns, 90% Authenticated SMTP; with 100,000 mailboxes)");
    console.log("  sign-ins       file       wall       CPU   peak RSS");
    const mailboxes = join(dir, "mailboxes-100000.csv");
    for (const n of [10_000, 100_000, 1_000_000]) {
      const f = join(dir, `signins-${n}.csv`);
      await writeSignInsCsv(f, n, 500);
      const m = measure([mailboxes, f]);
      if (m.signIns !== Math.round(n * 0.9)) throw new Error(`expected ${n * 0.9} SMTP sign-ins, got ${m.signIns}`);
      console.log(`  ${String(n).padStart(9)}  ${mb(f).padStart(9)}  ${`${m.ms} ms`.padStart(9)}  ${`${m.cpuMs} ms`.padStart(9)}  ${`${m.maxRssMB} MB`.padStart(9)}`);
      if (n === 1_000_000) rmSync(f);
    }
    console.log("audit: sign-ins (Graph auditLogs/signIns pages of 1,000, concatenated JSON)");
    for (const n of [100_000, 1_000_000]) {
      const f = join(dir, `signins-${n}.json`);
      await writeSignInsGraphJson(f, n, 500);
      const m = measure([mailboxes, f]);
      if (m.signIns !== n) throw new Error(`expected ${n} sign-ins, got ${m.signIns}`);
      console.log(`  ${String(n).padStart(9)}  ${mb(f).padStart(9)}  ${`${m.ms} ms`.padStart(9)}  ${`${m.cpuMs} ms`.padStart(9)}  ${`${m.maxRssMB} MB`.padStart(9)}`);
      rmSync(f);
    }
    console.log("  target: 1,000,000 sign-ins under 20,000 ms");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await run();
