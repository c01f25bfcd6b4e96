// How the program ends on an error nobody expected (a bug): the terminal is put back (raw mode
// off, cursor visible), one line in the user's language goes to stderr, and the exit code is 70.
// Never exit 1 (which means "blocked") and never a stack trace (--debug shows it).
import type { Io } from "./context.js";
import { AppError } from "../errors.js";

/** The terminal's bracketed-paste mode, on while an interactive screen is up (a paste arrives marked as one). */
export const BRACKETED_PASTE_ON = "\u001b[?2004h";
export const BRACKETED_PASTE_OFF = "\u001b[?2004l";

/** Bracketed paste on for an interactive screen (restoreTerminal() turns it off). Never throws. */
export function bracketedPasteOn(io: Pick<Io, "stdout">): void {
  try {
    if (io.stdout.isTTY) io.stdout.write(BRACKETED_PASTE_ON);
  } catch {
    // the terminal may already be gone
  }
}

/** Raw mode off, bracketed paste off and the cursor visible again, whatever state an interactive screen left. Never throws. */
export function restoreTerminal(io: Pick<Io, "stdin" | "stdout">): void {
  try {
    if (io.stdin.isTTY && typeof io.stdin.setRawMode === "function") io.stdin.setRawMode(false);
  } catch {
    // the terminal may already be gone
  }
  try {
    if (io.stdout.isTTY) io.stdout.write(`${BRACKETED_PASTE_OFF}\u001b[?25h`);
  } catch {
    // idem
  }
}

/** An interactive screen has had the terminal in raw mode (see endsWithTerminal). */
let screenShown = false;

/**
 * Raw mode on before an interactive screen draws its first frame (Ink switches it on only in an
 * effect after that frame): a key typed as the screen appears is then neither echoed over it by the
 * terminal nor held back until Enter. restoreTerminal() (or Ink's unmount) puts it back. Never throws.
 */
export function rawModeNow(io: Pick<Io, "stdin">): void {
  try {
    if (io.stdin.isTTY && typeof io.stdin.setRawMode === "function") {
      io.stdin.setRawMode(true);
      screenShown = true;
    }
  } catch {
    // not a terminal after all: the screen's own request will say so
  }
}

/**
 * The process's end after a command (bin.ts): once an interactive screen has given the terminal
 * back, the program ends as soon as what it wrote has gone out, not when everything still running
 * in the background has finished (the wizard's PowerShell check, a timer, a lookup). Until then the
 * terminal was in line mode under the screen's last frame: keys typed were echoed over it, Ctrl+\
 * ended the program with 131 and Ctrl+Z stopped it (the long fuzz run; Ctrl+C while a slow
 * PowerShell started kept the program for as long as PowerShell took). Exit handlers still run (a
 * temporary file is removed, a child process ended). Other commands end as before, by themselves.
 */
export function endsWithTerminal(io: Pick<Io, "stdout" | "stderr">, code: number): void {
  if (!screenShown) return;
  let waiting = 2;
  const written = () => {
    if (--waiting === 0) process.exit(code);
  };
  // A write's callback runs once everything written before it has gone out (or failed): a
  // stream that never answers leaves the process to end by itself, as other commands do.
  for (const stream of [io.stdout, io.stderr]) {
    try {
      stream.write("", written);
    } catch {
      written();
    }
  }
}

/**
 * The process-wide net (bin.ts only): an exception or a rejected promise that nothing caught ends
 * the program through `report` (which prints the one line and returns the exit code).
 */
export function installCrashGuard(io: Pick<Io, "stdin" | "stdout" | "stderr">, report: (error: unknown) => number): void {
  let handled = false;
  const onFatal = (error: unknown) => {
    if (handled) return;
    handled = true;
    restoreTerminal(io);
    let code = 70;
    try {
      code = report(error);
    } catch {
      // reporting failed too: the exit code still says "internal error"
    }
    process.exit(code === 0 || code === 1 ? 70 : code);
  };
  process.on("uncaughtException", onFatal);
  process.on("unhandledRejection", onFatal);
  ignoreClosedPipe(io.stdout);
  ignoreClosedPipe(io.stderr);
}

/** What a write to a pipe whose reader is gone fails with (`… | head`), or to a stream it already closed. */
const CLOSED = new Set(["EPIPE", "ERR_STREAM_DESTROYED"]);
/** What a write fails with when the output's disk is full or its device fails. */
const NOT_WRITTEN = new Set(["ENOSPC", "EDQUOT", "EFBIG", "EIO"]);

/**
 * A reader that stops reading (`explain … | head -1`, a pager quit early) is no bug: the rest of the output is dropped,
 * the command ends as it would have, with its own exit code. It was an unhandled 'error' event: "Internal error:
 * write EPIPE", exit 70 (found in a persona's run, 2026-12-04). Any other stream error is still one.
 */
export function ignoreClosedPipe(stream: NodeJS.WritableStream): void {
  stream.on("error", (error: unknown) => {
    const failure = writeFailure(error);
    if (failure !== "closed") throw failure;
  });
}

/**
 * What a failed write to the output means, for the streams above and the fast part's direct writer (./direct-output.ts):
 * "closed" (the reader is gone: drop the rest), the error to end with (a full disk or a failing device, "diagnose … > file"
 * on a full disk: said as such, exit 4, persona round 6, P6-15), or the error itself (a bug).
 */
export function writeFailure(error: unknown): "closed" | unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string" && CLOSED.has(code)) return "closed";
  if (typeof code === "string" && NOT_WRITTEN.has(code)) return new AppError({ type: "unavailable", code: "output.not-written", key: "cli.err.outputNotWritten", params: { reason: code } });
  return error;
}
