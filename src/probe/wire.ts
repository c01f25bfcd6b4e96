// The bounded SMTP wire: reads replies (single and multi-line) from a socket with a cap on line
// length, lines per reply and time, and turns every way a server can misbehave (stall, reset,
// close, garbage, overlong or endless replies) into a WireFailure with a stable kind.
import type { Duplex } from "node:stream";

export interface WireLimits {
  /** Longest accepted reply line in bytes, CRLF excluded. */
  maxLineBytes: number;
  /** Most lines accepted in one (multi-line) reply. */
  maxLinesPerReply: number;
}

export const DEFAULT_LIMITS: WireLimits = { maxLineBytes: 2000, maxLinesPerReply: 100 };

export type WireFailureKind = "timeout" | "closed" | "reset" | "socket-error" | "garbage" | "line-too-long" | "too-many-lines";

export class WireFailure extends Error {
  readonly kind: WireFailureKind;
  /** Short, secret-free detail: an errno code, a sanitized sample of what arrived, a limit. */
  readonly detail: string;
  constructor(kind: WireFailureKind, detail: string) {
    super(`${kind}: ${detail}`);
    this.name = "WireFailure";
    this.kind = kind;
    this.detail = detail;
  }
}

export interface Reply {
  code: number;
  /** The lines exactly as received (CR/LF removed, control characters shown as "."). */
  lines: string[];
}

/** "250-SIZE 1" → "SIZE 1": the text of each line after the code and separator. */
export function replyTexts(reply: Reply): string[] {
  return reply.lines.map((l) => l.slice(4));
}

/** The reply as one line, the form device.reply and the reply parser expect. */
export function replyLine(reply: Reply): string {
  return reply.lines.map((l) => l.slice(4).trim()).filter((s) => s !== "").reduce((acc, s) => (acc ? `${acc} ${s}` : s), `${reply.code}`).trim();
}

/** Printable form of bytes that are not a proper reply line: control and non-ASCII bytes become ".". */
export function sanitize(text: string, max = 80): string {
  const clean = text.replace(/[^\x20-\x7e]/g, ".");
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}

/** Details of a timeout: nothing arrived, or a multi-line reply stopped. */
export const NO_REPLY = "no reply";
export const MID_REPLY = "the reply stopped in the middle";

const REPLY_LINE = /^(\d{3})([ -]|$)/;

/**
 * Reads CRLF-terminated lines from one socket and assembles them into replies. Memory is bounded:
 * a partial line longer than the cap fails at once, and reading pauses while more lines wait
 * than one reply may hold. Failures are sticky: once the wire failed, every read rejects.
 */
/** What every reply line passes before anything reads it (the probe's secret scrubber). */
export type LineScrub = (line: string) => string;

export class ReplyReader {
  private readonly socket: Duplex;
  private readonly limits: WireLimits;
  private readonly scrub: LineScrub;
  private partial: Buffer = Buffer.alloc(0);
  private readonly queue: string[] = [];
  private failure: WireFailure | undefined;
  private wake: (() => void) | undefined;
  private readonly onData = (chunk: Buffer) => this.push(chunk);
  private readonly onEnd = () => this.fail(new WireFailure("closed", "the server closed the connection"));
  private readonly onError = (e: NodeJS.ErrnoException) => {
    const code = e.code ?? "error";
    this.fail(new WireFailure(code === "ECONNRESET" || code === "EPIPE" ? "reset" : "socket-error", code));
  };
  private readonly onClose = () => this.fail(new WireFailure("closed", "the connection was closed"));

  constructor(socket: Duplex, limits: WireLimits = DEFAULT_LIMITS, scrub: LineScrub = (l) => l) {
    this.socket = socket;
    this.limits = limits;
    this.scrub = scrub;
    socket.on("data", this.onData);
    socket.on("end", this.onEnd);
    socket.on("error", this.onError);
    socket.on("close", this.onClose);
  }

  private push(chunk: Buffer): void {
    if (this.failure) return;
    let data = this.partial.length ? Buffer.concat([this.partial, chunk]) : chunk;
    let nl: number;
    while ((nl = data.indexOf(0x0a)) !== -1) {
      const end = nl > 0 && data[nl - 1] === 0x0d ? nl - 1 : nl;
      if (end > this.limits.maxLineBytes) {
        this.fail(new WireFailure("line-too-long", `a reply line was longer than ${this.limits.maxLineBytes} bytes`));
        return;
      }
      this.queue.push(this.scrub(data.subarray(0, end).toString("latin1")));
      data = data.subarray(nl + 1);
    }
    if (data.length > this.limits.maxLineBytes) {
      this.fail(new WireFailure("line-too-long", `a reply line was longer than ${this.limits.maxLineBytes} bytes`));
      return;
    }
    this.partial = Buffer.from(data);
    if (this.queue.length > this.limits.maxLinesPerReply) this.socket.pause();
    this.notify();
  }

  private fail(f: WireFailure): void {
    if (this.failure) return;
    this.failure = f;
    this.notify();
  }

  private notify(): void {
    const w = this.wake;
    this.wake = undefined;
    w?.();
  }

  /** Read one complete reply, or reject with a WireFailure (timeout after `timeoutMs` without a complete reply). */
  async read(timeoutMs: number): Promise<Reply> {
    const deadline = Date.now() + timeoutMs;
    const lines: string[] = [];
    let code = -1;
    for (;;) {
      while (this.queue.length > 0) {
        const line = this.queue.shift() as string;
        if (this.queue.length <= this.limits.maxLinesPerReply) this.socket.resume();
        const m = REPLY_LINE.exec(line);
        if (!m) throw this.stick(new WireFailure("garbage", sanitize(line)));
        const lineCode = Number(m[1]);
        if (code === -1) code = lineCode;
        else if (lineCode !== code) throw this.stick(new WireFailure("garbage", sanitize(line)));
        lines.push(sanitize(line, this.limits.maxLineBytes));
        if (lines.length > this.limits.maxLinesPerReply) {
          throw this.stick(new WireFailure("too-many-lines", `a reply had more than ${this.limits.maxLinesPerReply} lines`));
        }
        if (m[2] !== "-") return { code, lines };
      }
      // A partial line that cannot start a reply is garbage already (e.g. binary bytes, a TLS record).
      if (this.partial.length >= 4 && !REPLY_LINE.test(this.partial.subarray(0, 4).toString("latin1"))) {
        throw this.stick(new WireFailure("garbage", sanitize(this.scrub(this.partial.subarray(0, 80).toString("latin1")))));
      }
      if (this.failure) throw this.failure;
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new WireFailure("timeout", lines.length > 0 ? MID_REPLY : NO_REPLY);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          this.wake = undefined;
          resolve();
        }, left);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  private stick(f: WireFailure): WireFailure {
    this.fail(f);
    return f;
  }

  /** Stop reading for good (the connection is being closed): a read waiting now ends at once. */
  stop(): void {
    this.fail(new WireFailure("closed", "the connection was closed"));
    this.detach();
  }

  /** Stop reading this socket (before a TLS upgrade). Returns how many bytes were received but not read. */
  detach(): number {
    this.socket.off("data", this.onData);
    this.socket.off("end", this.onEnd);
    this.socket.off("error", this.onError);
    this.socket.off("close", this.onClose);
    this.notify();
    return this.partial.length + this.queue.reduce((n, l) => n + l.length + 2, 0);
  }
}
