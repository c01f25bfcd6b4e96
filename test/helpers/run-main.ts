// Run the CLI's main() in-process with captured output. Fast, and it exercises the same code as the binary.
import { PassThrough, Readable } from "node:stream";
import { main } from "../../src/cli/main.js";

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** `columns`: stdout is a terminal that wide (pass --no-color for plain text). */
export async function runMain(argv: string[], opts: { env?: NodeJS.ProcessEnv; stdin?: string; cwd?: string; columns?: number } = {}): Promise<RunResult> {
  const stdout = new PassThrough();
  if (opts.columns !== undefined) Object.assign(stdout, { isTTY: true, columns: opts.columns });
  const stderr = new PassThrough();
  let out = "";
  let errText = "";
  stdout.on("data", (d: Buffer) => (out += d.toString("utf8")));
  stderr.on("data", (d: Buffer) => (errText += d.toString("utf8")));
  const stdin = Readable.from(opts.stdin !== undefined ? [Buffer.from(opts.stdin)] : []);
  const code = await main(argv, {
    stdout,
    stderr,
    stdin,
    env: { SMTP_AUTH_DOCTOR_TODAY: "2026-11-22", LANG: "C", ...opts.env },
    cwd: opts.cwd ?? process.cwd(),
  });
  return { code, stdout: out, stderr: errText };
}
