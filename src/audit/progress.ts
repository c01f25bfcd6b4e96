// A progress bar on stderr, only when stderr is a terminal; redrawn at most ten times a second.
import { safeText } from "../render/sanitize.js";
export interface Progress {
  /** A new file (or live read) begins; `name` is shown next to the bar. */
  start?(name: string): void;
  update(done: number, total: number): void;
  done(): void;
}

export const NO_PROGRESS: Progress = { update: () => undefined, done: () => undefined };

export function progressBar(stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number }, label: string, ascii: boolean): Progress {
  if (!stream.isTTY) return NO_PROGRESS;
  // The label names a file or a read: outside text, on the terminal without the out()/err() sink.
  label = safeText(label);
  let last = 0;
  let drawn = false;
  const width = 30;
  return {
    update(done, total) {
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      const ratio = total > 0 ? Math.min(1, done / total) : 0;
      const fill = Math.round(ratio * width);
      const bar = ascii ? `${"#".repeat(fill)}${"-".repeat(width - fill)}` : `${"█".repeat(fill)}${"░".repeat(width - fill)}`;
      stream.write(`\r${label} [${bar}] ${Math.round(ratio * 100)}%`);
      drawn = true;
    },
    done() {
      if (drawn) stream.write("\r\u001b[2K");
      drawn = false;
    },
  };
}
