// Drive the real built program in a tmux pane (its own tmux server per test, so nothing else is
// touched): send keys, paste text, and wait for what the screen shows.
import { execFileSync, spawnSync } from "node:child_process";
import { waitFor } from "./wait.js";

export class Pane {
  private readonly socket: string;
  constructor(name: string) {
    this.socket = `sad-${name}-${process.pid}`;
  }

  private tmux(...args: string[]): string {
    return execFileSync("tmux", ["-L", this.socket, "-f", "/dev/null", ...args], { encoding: "utf8" });
  }

  /** Start `command` (run by sh) in an 80x40 pane; after it exits the pane shows `__EXIT=<code>__` and the terminal mode. */
  start(command: string, opts: { cwd: string; env: Record<string, string>; cols?: number; rows?: number }): void {
    // Nothing the program does in a test leaves the machine (test/helpers/loopback-only.mjs).
    const guard = new URL("./loopback-only.mjs", import.meta.url).pathname;
    const all = { NODE_OPTIONS: `--import ${guard}`, ...opts.env };
    const env = Object.entries(all).map(([k, v]) => `${k}='${v.replace(/'/g, "'\\''")}'`).join(" ");
    // Unset CI: Ink (and the wizard) refuse to be interactive when it is present at all.
    const script = `env -u CI -u CONTINUOUS_INTEGRATION ${env} ${command}; echo "__EXIT=$?__"; stty -a | tr ' ;' '\\n\\n' | grep -x -- '-\\{0,1\\}icanon' | sed 's/^/__MODE=/;s/$/__/'; sleep 600`;
    this.tmux("new-session", "-d", "-s", "main", "-x", String(opts.cols ?? 80), "-y", String(opts.rows ?? 40), "-c", opts.cwd, script);
  }

  screen(): string {
    return this.tmux("capture-pane", "-p", "-t", "main");
  }

  /** The screen and its history with the rows of a soft-wrapped line joined back into one line (what a copy gets). */
  joined(): string {
    return this.tmux("capture-pane", "-p", "-J", "-S", "-", "-t", "main");
  }

  /** The screen and everything that scrolled off it. */
  history(): string {
    return this.tmux("capture-pane", "-p", "-S", "-", "-t", "main");
  }

  keys(...keys: string[]): void {
    if (process.env.SAD_E2E_TRACE) console.error(`[keys ${keys.join(" ")}]`);
    this.tmux("send-keys", "-t", "main", ...keys);
  }

  type(text: string): void {
    this.tmux("send-keys", "-t", "main", "-l", text);
  }

  /** Paste a block of text in one go, as a terminal paste does (newlines become Enter). */
  paste(text: string): void {
    this.tmux("set-buffer", "-b", "e2e", "--", text);
    this.tmux("paste-buffer", "-b", "e2e", "-t", "main");
  }

  /** Record everything the program writes to the pane (raw bytes) into `file`, from now on. */
  pipe(file: string): void {
    this.tmux("pipe-pane", "-o", "-t", "main", `cat >> '${file.replace(/'/g, "'\\''")}'`);
  }

  cursorVisible(): boolean {
    return this.tmux("display-message", "-p", "-t", "main", "#{cursor_flag}").trim() === "1";
  }

  async waitFor(text: string | RegExp, timeout = 20000): Promise<string> {
    return waitFor(
      () => {
        const s = this.screen();
        // Strings match across wrapped lines: whitespace (including the line breaks) is ignored.
        return (typeof text === "string" ? squash(s).includes(squash(text)) : text.test(s)) ? s : undefined;
      },
      { timeout, interval: 25, what: `the screen to show ${String(text)}`, last: () => this.screen() },
    ).then((s) => {
      if (process.env.SAD_E2E_TRACE) console.error(`[saw ${String(text)}]\n${s.split("\n").slice(0, 5).join("\n")}`);
      return s;
    });
  }

  async exitCode(timeout = 20000): Promise<number> {
    const s = await this.waitFor(/__EXIT=\d+__/, timeout);
    return Number(/__EXIT=(\d+)__/.exec(s)?.[1]);
  }

  kill(): void {
    spawnSync("tmux", ["-L", this.socket, "kill-server"], { stdio: "ignore" });
  }
}

export function haveTmux(): boolean {
  return spawnSync("sh", ["-c", "command -v tmux"], { stdio: "ignore" }).status === 0;
}

export function squash(text: string): string {
  return text.replace(/\s+/g, "");
}
