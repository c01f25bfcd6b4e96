// npm run bench — the tenant audit at scale, measured from OUTSIDE the process: the built CLI
// (`node bin/smtp-auth-doctor.js audit … --out DIR`) is started as a child, so the clock includes
// Node's start-up and module load, and the peak memory is the child's maximum resident set as the
// kernel counts it (GNU time's %M from wait4(); /proc/<pid>/status VmHWM polling where GNU time is
// missing). Inputs are realistic exports: Get-CASMailbox | Export-Csv (BOM, #TYPE, CRLF) and the Entra
// portal's sign-in CSV (55 columns, 90% Authenticated SMTP), as many sign-ins as mailboxes, written
// reports and a disable-unused plan (the largest outputs: a row per mailbox).
//
// Goals (issue 15): 1,000,000 mailboxes against 100,000: peak memory ≤ 1.3×, time ≤ 12×.
// Goals (issue 7): 100,000 mailboxes under 2 s and 300 MB; 1,000,000 sign-ins under 20 s.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeMailboxesCsv, writeSignInsCsv, writeSignInsGraphJson } from "../test/helpers/audit-data.js";
import { median } from "./_util.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const bin = join(root, "bin", "smtp-auth-doctor.js");
const GNU_TIME = "/usr/bin/time";
/** SMTP AUTH devices in the sign-ins (every 50th mailbox): fixed, so that only mailboxes and sign-ins grow. */
const DEVICES = 200;

interface Measure {
  ms: number;
  peakMB: number;
}

function hasGnuTime(): boolean {
  if (!existsSync(GNU_TIME)) return false;
  return spawnSync(GNU_TIME, ["-f", "%M", process.execPath, "-e", "0"], { encoding: "utf8" }).stderr.trim().match(/^\d+$/m) !== null;
}

/** One run of the CLI; wall time from before the process starts to its exit, and its peak RSS. */
function measure(args: string[], gnuTime: boolean): Promise<Measure> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, LANG: "C", NO_COLOR: "1", SMTP_AUTH_DOCTOR_TODAY: "2026-11-22" };
    const start = process.hrtime.bigint();
    const child = gnuTime
      ? spawn(GNU_TIME, ["-f", "__PEAK__%M", process.execPath, bin, ...args], { env, stdio: ["ignore", "ignore", "pipe"] })
      : spawn(process.execPath, [bin, ...args], { env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    // Without GNU time: the kernel's high-water mark of the child, read until it exits.
    let hwmKB = 0;
    const poll = gnuTime
      ? undefined
      : setInterval(() => {
          try {
            const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
            if (m) hwmKB = Math.max(hwmKB, Number(m[1]));
          } catch {
            // exited
          }
        }, 5);
    child.on("error", reject);
    child.on("close", (code) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (poll) clearInterval(poll);
      if (code !== 0) return reject(new Error(`audit exited ${code}: ${stderr.slice(-400)}`));
      const peakKB = gnuTime ? Number(/__PEAK__(\d+)/.exec(stderr)?.[1] ?? NaN) : hwmKB;
      resolve({ ms, peakMB: peakKB / 1024 });
    });
  });
}

const mb = (path: string) => statSync(path).size / 1048576;
const fmtMs = (ms: number) => `${Math.round(ms).toLocaleString("en-US")} ms`;
const fmtMB = (v: number) => `${v.toFixed(0)} MB`;
const verdict = (ok: boolean) => (ok ? "met" : "NOT MET");

export async function run(): Promise<void> {
  const gnuTime = hasGnuTime();
  if (!gnuTime && !existsSync("/proc/self/status")) {
    console.log("audit: skipped (needs GNU time at /usr/bin/time or /proc to read the peak memory of a child process)");
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), "bench-audit-"));
  const out = join(dir, "out");
  try {
    console.log("audit --out: the built CLI in a fresh process per run; wall time from before start-up to exit, peak RSS of the child");
    console.log(`  (peak memory: ${gnuTime ? "GNU time %M" : "/proc VmHWM polled every 5 ms"}; load average now ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores; medians)`);
    console.log(`  inputs: N mailboxes (Export-Csv) + N sign-ins (Entra portal CSV, 90% Authenticated SMTP, ${DEVICES} devices); outputs: the text report on stdout, every file + a disable-unused plan in --out`);
    const sizes = [10_000, 100_000, 1_000_000] as const;
    const files = new Map<number, string[]>();
    for (const n of sizes) {
      const m = join(dir, `mailboxes-${n}.csv`);
      const s = join(dir, `signins-${n}.csv`);
      await writeMailboxesCsv(m, n);
      await writeSignInsCsv(s, n, DEVICES);
      files.set(n, [m, s]);
    }
    const args = (n: number) => {
      const [m, s] = files.get(n) as string[];
      return ["audit", "--mailboxes", m as string, "--signins", s as string, "--tenant-smtp-auth", "on", "--change", "disable-unused", "--out", out, "--force"];
    };
    const results = new Map<number, Measure[]>(sizes.map((n) => [n, []]));
    // Warm-up (file cache, the CLI's own first run), then 10k three times, then 100k and 1M alternating.
    await measure(args(10_000), gnuTime);
    for (let i = 0; i < 3; i++) results.get(10_000)?.push(await measure(args(10_000), gnuTime));
    for (let i = 0; i < 3; i++) {
      results.get(100_000)?.push(await measure(args(100_000), gnuTime));
      results.get(1_000_000)?.push(await measure(args(1_000_000), gnuTime));
    }
    const med = (n: number) => {
      const r = results.get(n) as Measure[];
      return { ms: median(r.map((x) => x.ms)), peakMB: median(r.map((x) => x.peakMB)) };
    };
    console.log("  mailboxes + sign-ins   input files        wall   peak RSS   runs (wall / peak)");
    for (const n of sizes) {
      const [m, s] = files.get(n) as string[];
      const r = med(n);
      const runs = (results.get(n) as Measure[]).map((x) => `${Math.round(x.ms)}/${x.peakMB.toFixed(0)}`).join(" ");
      console.log(`  ${n.toLocaleString("en-US").padStart(20)}   ${`${(mb(m as string) + mb(s as string)).toFixed(0)} MB`.padStart(11)}  ${fmtMs(r.ms).padStart(10)}  ${fmtMB(r.peakMB).padStart(9)}   ${runs}`);
    }
    const small = med(100_000);
    const large = med(1_000_000);
    const memRatio = large.peakMB / small.peakMB;
    const timeRatio = large.ms / small.ms;
    console.log(`  1,000,000 vs 100,000: peak memory ${memRatio.toFixed(2)}× (goal ≤ 1.3×: ${verdict(memRatio <= 1.3)}); time ${timeRatio.toFixed(1)}× (goal ≤ 12×: ${verdict(timeRatio <= 12)})`);

    // Issue 7's absolute targets, each measured on its own input.
    const mb100k = await measure(["audit", "--mailboxes", (files.get(100_000) as string[])[0] as string, "--tenant-smtp-auth", "on", "--change", "disable-unused", "--out", out, "--force"], gnuTime);
    console.log(`  100,000 mailboxes alone: ${fmtMs(mb100k.ms)}, ${fmtMB(mb100k.peakMB)} (goal < 2,000 ms and < 300 MB: ${verdict(mb100k.ms < 2000 && mb100k.peakMB < 300)})`);
    const si1m = await measure(["audit", "--signins", (files.get(1_000_000) as string[])[1] as string, "--tenant-smtp-auth", "on", "--out", out, "--force"], gnuTime);
    console.log(`  1,000,000 sign-ins alone (portal CSV, ${mb((files.get(1_000_000) as string[])[1] as string).toFixed(0)} MB): ${fmtMs(si1m.ms)}, ${fmtMB(si1m.peakMB)} (goal < 20,000 ms: ${verdict(si1m.ms < 20_000)})`);
    for (const [m, s] of files.values()) {
      if (m !== (files.get(1_000_000) as string[])[0]) rmSync(m as string);
      rmSync(s as string);
    }

    // What does grow: the distinct SMTP AUTH accounts (each is analysed and listed in the reports).
    const graph = join(dir, "signins-graph.json");
    const mailboxes1m = (files.get(1_000_000) as string[])[0] as string;
    console.log("  informational: 1,000,000 mailboxes + 1,000,000 sign-ins from Graph signIns pages (JSON), by distinct SMTP AUTH accounts");
    let base: Measure | undefined;
    for (const accounts of [DEVICES, 5_000]) {
      await writeSignInsGraphJson(graph, 1_000_000, accounts);
      const r = await measure(["audit", "--mailboxes", mailboxes1m, "--signins", graph, "--tenant-smtp-auth", "on", "--change", "disable-unused", "--out", out, "--force"], gnuTime);
      const per = base ? ` (+${(((r.peakMB - base.peakMB) * 1024) / (accounts - DEVICES)).toFixed(1)} KB per further account)` : "";
      console.log(`    ${accounts.toLocaleString("en-US").padStart(6)} accounts: ${fmtMs(r.ms).padStart(10)}  ${fmtMB(r.peakMB).padStart(7)}${per}`);
      base ??= r;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await run();
