// Run the real CLI (src/cli/bin.ts through tsx) as a child process, asynchronously, so that
// emulators in this process keep answering. The child trusts the emulators' CA through NODE_EXTRA_CA_CERTS.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], opts: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const base: NodeJS.ProcessEnv = {};
    for (const k of ["PATH", "HOME", "TMPDIR", "SYSTEMROOT"]) if (process.env[k] !== undefined) base[k] = process.env[k];
    const child = spawn(process.execPath, ["--import", "tsx", "--import", `${root}test/helpers/loopback-only.mjs`, `${root}src/cli/bin.ts`, ...args], {
      cwd: opts.cwd ?? root,
      env: { ...base, LANG: "C", NO_COLOR: "1", SMTP_AUTH_DOCTOR_TODAY: "2026-11-22", ...opts.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    const timer = setTimeout(() => child.kill("SIGKILL"), opts.timeoutMs ?? 60_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
