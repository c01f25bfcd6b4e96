// CommandRunner over execa: never rejects, always a timeout, input on stdin, nothing on the command
// line that the caller did not pass. Loaded only for --exchange pwsh.
import { execa } from "execa";
import type { CommandRunner } from "./exchange.js";
import type { ShellSpawner } from "./pwsh-session.js";

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

/**
 * ShellSpawner over execa for the PowerShell sign-in route: a long-running process, stdin kept open
 * for one request per line, stdout and stderr passed on as they come. Killed with the parent.
 */
export const execaSpawner: ShellSpawner = (file, args, events) => {
  const child = execa(file, [...args], { stdin: "pipe", stdout: "pipe", stderr: "pipe", buffer: false, reject: false, windowsHide: true, cleanup: true, encoding: "buffer" });
  let gone = false;
  child.stdout?.on("data", (d: Buffer) => events.stdout(d));
  child.stderr?.on("data", (d: Buffer) => events.stderr(d));
  child.stdin?.on("error", () => undefined);
  void child.then((r) => {
    gone = true;
    const code = (r as { code?: string }).code;
    events.exit({ exitCode: r.exitCode, notFound: code === "ENOENT" });
  });
  return {
    write(line) {
      if (gone || !child.stdin || child.stdin.destroyed) return false;
      child.stdin.write(`${line}\n`);
      return true;
    },
    kill() {
      if (!gone) child.kill("SIGKILL");
    },
  };
};
