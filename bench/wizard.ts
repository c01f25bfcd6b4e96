// Time to first frame of the wizard (the built CLI under a pseudo-terminal, until its first screen
// is drawn) against a bare, unbundled Ink hello-world under the same pseudo-terminal.
// Target: the wizard's first frame in well under half the hello-world's time.
import { spawn } from "node:child_process";
import { t } from "../src/i18n/index.js";
import { fmt, goalRow, median } from "./_util.js";

const ROOT = new URL("..", import.meta.url).pathname;

/** Spawn `command` under `script` (a pty) and resolve with the ms until `marker` appears in its output. */
function timeToMarker(command: string, marker: string, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn("script", ["-qfec", `stty cols 80 rows 30; ${command}`, "/dev/null"], { cwd: ROOT, env, stdio: ["pipe", "pipe", "ignore"] });
    let seen = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`no "${marker}" within 20 s; output: ${seen.slice(-200)}`));
    }, 20000);
    child.stdout.on("data", (d: Buffer) => {
      seen += d.toString("utf8");
      if (seen.includes(marker)) {
        const ms = Number(process.hrtime.bigint() - start) / 1e6;
        clearTimeout(timer);
        child.kill("SIGKILL");
        resolve(ms);
      }
    });
    child.on("error", reject);
  });
}

/** Medians of interleaved runs (A, B, A, B …) so that both see the same machine load. */
async function measurePair(a: [string, string], b: [string, string], env: NodeJS.ProcessEnv, n: number): Promise<[number, number]> {
  await timeToMarker(a[0], a[1], env); // warm-up (file cache)
  await timeToMarker(b[0], b[1], env);
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < n; i++) {
    ta.push(await timeToMarker(a[0], a[1], env));
    tb.push(await timeToMarker(b[0], b[1], env));
  }
  return [median(ta), median(tb)];
}

/**
 * In the built wizard under a pty: the time from the last key of a paste (Enter on the empty line)
 * to the analysis screen drawn (issue 15 goal: under 16 ms, one frame). The screens are known by their titles as the
 * catalog words them (a rewording, "What the pasted error tells" → "… says", had left the bench waiting for the old words).
 */
function pasteToAnalysis(env: NodeJS.ProcessEnv, paste: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn("script", ["-qfec", `stty cols 80 rows 30; ${process.execPath} bin/smtp-auth-doctor.js --lang en`, "/dev/null"], { cwd: ROOT, env, stdio: ["pipe", "pipe", "ignore"] });
    let seen = "";
    let phase: "purpose" | "paste" | "typed" | "timing" = "purpose";
    let start = 0n;
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`no analysis screen within 20 s; output: ${seen.slice(-200)}`));
    }, 20000);
    child.stdout.on("data", (d: Buffer) => {
      seen += d.toString("utf8");
      if (phase === "purpose" && seen.includes(t("en", "wizard.purpose.q"))) {
        phase = "paste";
        seen = "";
        child.stdin.write("\r");
      } else if (phase === "paste" && seen.includes("Paste")) {
        phase = "typed";
        seen = "";
        // A copied reply ends with its line break: the paste leaves the cursor on an empty line.
        child.stdin.write(`${paste}\r`);
        setTimeout(() => {
          // The paste is on screen: now the one key that ends it (Enter on the empty line), and the clock.
          phase = "timing";
          seen = "";
          start = process.hrtime.bigint();
          child.stdin.write("\r");
        }, 300);
      } else if (phase === "timing" && seen.includes(t("en", "wizard.pasteSummary.title"))) {
        const ms = Number(process.hrtime.bigint() - start) / 1e6;
        clearTimeout(timer);
        child.kill("SIGKILL");
        resolve(ms);
      }
    });
    child.on("error", reject);
  });
}

export async function run(): Promise<void> {
  const n = 9;
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: "en_US.UTF-8", TERM: "xterm-256color", FORCE_COLOR: "0", SMTP_AUTH_DOCTOR_TODAY: "2026-11-22" };
  delete env.CI;
  delete env.CONTINUOUS_INTEGRATION;
  const node = process.execPath;
  const [hello, wizard] = await measurePair([`${node} bench/fixtures/ink-hello.mjs`, "Hello from Ink"], [`${node} bin/smtp-auth-doctor.js`, "Step 1 of 6"], env, n);
  console.log(`bare unbundled Ink hello-world, first frame   ${fmt(hello)}`);
  console.log(`smtp-auth-doctor wizard, first frame          ${fmt(wizard)}`);
  console.log(`ratio wizard / hello-world                    ${(wizard / hello).toFixed(2)}  (target: well under 0.50)`);
  const paste = "535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully. Contact your administrator.";
  await pasteToAnalysis(env, paste); // warm-up
  const times: number[] = [];
  for (let i = 0; i < 7; i++) times.push(await pasteToAnalysis(env, paste));
  const m = median(times);
  console.log(goalRow("wizard: paste → analysis screen (pty, median)", "< 16 ms", fmt(m), m < 16));
}
