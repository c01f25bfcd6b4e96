// Render the wizard's Ink root with ink-testing-library and wait for the frame a test expects.
import { render } from "ink-testing-library";
import type { ReactElement } from "react";
import { waitFor } from "./wait.js";

export type Rendered = ReturnType<typeof render>;

export function mount(tree: ReactElement): Rendered {
  return render(tree);
}

export async function frameWith(r: Rendered, expected: string | RegExp, timeout = 15000): Promise<string> {
  return waitFor(
    () => {
      const f = r.lastFrame() ?? "";
      return (typeof expected === "string" ? f.includes(expected) : expected.test(f)) ? f : undefined;
    },
    { timeout, what: `a frame with ${String(expected)}`, last: () => r.lastFrame() ?? "" },
  );
}

/** Wait until the frame no longer shows `text` (the screen moved on). */
export async function frameWithout(r: Rendered, text: string): Promise<string> {
  return waitFor(() => {
    const f = r.lastFrame() ?? "";
    return f.includes(text) ? undefined : f;
  }, { what: `a frame without ${text}`, last: () => r.lastFrame() ?? "" });
}

/** Write keys once the screen is listening (Ink attaches its input listener in an effect). */
export async function press(r: Rendered, ...keys: string[]): Promise<void> {
  await new Promise((res) => setImmediate(res));
  r.stdin.write(keys.join(""));
}
