// Drive the real built program in a tmux pane (its own tmux server per test, so nothing else is
// touched): send keys, paste text, and wait for what the screen shows.
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before } from "node:test";
import { ensureBuilt } from "./built.js";
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
    // Unset CI: Ink (and the wizard) refuse to be interactive when it is present at all. After the
    // program the pane stays until killed: keys still arriving (a fuzz batch sent on after the
    // wizard ended holds Ctrl+C, Ctrl+\ or Ctrl+Z) must not end it, or the pane and its record
    // go. The shell catches those signals (its commands, the program included, still get them as
    // usual) and sleeps again. Echo goes off before the exit code is shown: the terminal echoes keys
    // still arriving, and a C1 CSI among them (echoed as it is, unlike ESC) is live: "CSI 2J"
    // cleared the screen under the code, and a test waiting for it waited in vain. So does flow control: a Ctrl+S among
    // them stops the terminal's output (XOFF), and the shell waited forever to write the code (the long fuzz run, seed
    // 162531735: the program had ended with 130 and the test timed out); turning IXON off starts the output again.
    const script = `trap : INT QUIT TSTP; env -u CI -u CONTINUOUS_INTEGRATION ${env} ${command}; code=$?; stty -echo -ixon; echo "__EXIT=\${code}__"; stty -a | tr ' ;' '\\n\\n' | grep -x -- '-\\{0,1\\}icanon' | sed 's/^/__MODE=/;s/$/__/'; while :; do sleep 600; done`;
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

  /** Paste as a terminal with bracketed paste does when the program asked for it (tmux paste-buffer -p). */
  bracketedPaste(text: string): void {
    this.tmux("set-buffer", "-b", "e2e", "--", text);
    this.tmux("paste-buffer", "-p", "-b", "e2e", "-t", "main");
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

export interface TmuxSuite {
  /** The repository, and the built program's entry. */
  root: string;
  bin: string;
  /** A pane that is killed after the file's tests. */
  pane(name: string): Pane;
  /** A temporary folder that is removed after the file's tests (kept with `keep`, e.g. to look at a fuzz run's recordings). */
  tempDir(prefix: string, opts?: { keep?: boolean }): string;
}

/**
 * What every tmux test file sets up: tmux present and the program built before its tests, every
 * pane killed and every temporary folder removed after them.
 */
export function tmuxSuite(): TmuxSuite {
  const root = new URL("../..", import.meta.url).pathname;
  const dirs: string[] = [];
  const panes: Pane[] = [];
  before(() => {
    assert.ok(haveTmux(), "tmux is needed for the end-to-end tests (npm test installs it: scripts/test-setup.mjs)");
    ensureBuilt();
  });
  after(() => {
    for (const p of panes) p.kill();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  return {
    root,
    bin: join(root, "bin/smtp-auth-doctor.js"),
    pane(name) {
      const p = new Pane(name);
      panes.push(p);
      return p;
    },
    tempDir(prefix, opts) {
      const d = mkdtempSync(join(tmpdir(), prefix));
      if (!opts?.keep) dirs.push(d);
      return d;
    },
  };
}
