// Helpers for the what-if screen tests: named keys, a polling waitFor, frame width checks.
import stringWidth from "string-width";

export const KEY = {
  up: "\u001B[A",
  down: "\u001B[B",
  right: "\u001B[C",
  left: "\u001B[D",
  enter: "\r",
  space: " ",
  tab: "\t",
  escape: "\u001B",
  backspace: "\u007F",
} as const;

// eslint-disable-next-line no-control-regex
const ANSI = /\u001B\[[0-9;?]*[ -/]*[@-~]/g;

export function plain(frame: string | undefined): string {
  return (frame ?? "").replace(ANSI, "");
}

/** Poll until `check` passes on the latest frame (no fixed sleeps); fail with the last frame. */
export async function waitFor(lastFrame: () => string | undefined, check: (frame: string) => boolean, timeoutMs = 5000): Promise<string> {
  const start = Date.now();
  for (;;) {
    const frame = plain(lastFrame());
    if (check(frame)) return frame;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting; last frame:\n${frame}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export function widest(frame: string): number {
  return Math.max(...frame.split("\n").map((l) => stringWidth(l)));
}
