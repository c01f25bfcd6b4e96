// CommandRunner over execa: never rejects, always a timeout, input on stdin, nothing on the command
// line that the caller did not pass. Loaded only for --exchange pwsh.
import { execa } from "execa";
import type { CommandRunner } from "./exchange.js";

export const execaRunner: CommandRunner = async (file, args, opts) => {
  const r = await execa(file, [...args], {
    input: opts.input,
    timeout: opts.timeoutMs,
    reject: false,
    stripFinalNewline: false,
    windowsHide: true,
    maxBuffer: 20 * 1024 * 1024,
  });
  const code = (r as { code?: string }).code;
  return {
    exitCode: r.exitCode,
    stdout: typeof r.stdout === "string" ? r.stdout : "",
    stderr: typeof r.stderr === "string" ? r.stderr : "",
    notFound: code === "ENOENT",
    timedOut: r.timedOut === true,
  };
};
