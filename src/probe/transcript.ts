// The conversation as recorded. Secrets never enter it: the client side is recorded from a display
// form chosen by the caller (AUTH payloads are recorded as "[redacted]"), never from the wire bytes.
import { safeText } from "../render/sanitize.js";

export type TranscriptDirection = "client" | "server" | "note";

export interface TranscriptEntry {
  /** Milliseconds since the probe started. */
  t: number;
  dir: TranscriptDirection;
  text: string;
}

export const REDACTED = "[redacted]";

export class Transcript {
  readonly entries: TranscriptEntry[] = [];
  private readonly start: number;
  /** At most this many entries are kept; the rest is counted, so a flood cannot exhaust memory. */
  private readonly maxEntries: number;
  private dropped = 0;

  constructor(start = performance.now(), maxEntries = 2000) {
    this.start = start;
    this.maxEntries = maxEntries;
  }

  add(dir: TranscriptDirection, text: string): void {
    if (this.entries.length >= this.maxEntries) {
      this.dropped++;
      return;
    }
    this.entries.push({ t: Math.round(performance.now() - this.start), dir, text });
  }

  get droppedEntries(): number {
    return this.dropped;
  }
}

const PREFIX: Record<TranscriptDirection, string> = { client: "C:", server: "S:", note: "*" };

/** Plain-text form, one entry a line: "   12 ms  C: EHLO [127.0.0.1]". */
export function formatTranscript(entries: readonly TranscriptEntry[]): string {
  return entries.map((e) => `${String(e.t).padStart(6)} ms  ${PREFIX[e.dir]} ${safeText(e.text)}`).join("\n") + (entries.length ? "\n" : "");
}
