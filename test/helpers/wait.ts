// Polling waits for screen and end-to-end tests: check often, give up after a deadline, never a
// fixed sleep standing in for "the frame is probably there by now".
export async function waitFor<T>(probe: () => T | undefined | false, opts: { timeout?: number; interval?: number; what?: string; last?: () => string } = {}): Promise<T> {
  // Generous: the machine running the tests may be busy; a pass never waits longer than it must.
  const timeout = opts.timeout ?? 15000;
  const interval = opts.interval ?? 10;
  const deadline = Date.now() + timeout;
  let lastError: unknown;
  for (;;) {
    try {
      const v = probe();
      if (v !== undefined && v !== false) return v;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) {
      const shown = opts.last ? `\n--- last output ---\n${opts.last()}` : "";
      throw new Error(`timed out after ${timeout} ms waiting for ${opts.what ?? "condition"}${lastError ? ` (${String(lastError)})` : ""}${shown}`);
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

/** Named keys as a terminal sends them. */
export const KEY = {
  up: "\u001b[A",
  down: "\u001b[B",
  left: "\u001b[D",
  right: "\u001b[C",
  enter: "\r",
  escape: "\u001b",
  backspace: "\u007f",
  ctrlC: "\u0003",
  ctrlD: "\u0004",
  pageDown: "\u001b[6~",
  home: "\u001b[H",
  end: "\u001b[F",
} as const;
