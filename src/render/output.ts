// Where text leaves the program for people: the terminal (stdout, stderr), report files
// (Markdown, CSV, .ps1, transcripts) and JSON. Each sink passes everything it writes through the
// one sanitiser (./sanitize.ts), so that a renderer that forgets to neutralise a value from
// outside still cannot put a control sequence on the reader's terminal or into a file they will
// `cat`. The program's own text has no control characters but line breaks and, on a terminal,
// colour; colour is therefore applied here, after the sanitiser, from marks the theme leaves in
// the text (see `paintMarks`), never as escape codes that could be confused with data.
//
// Values are also made safe where they enter a message (t() parameters) and in the renderers, so
// that a value stays on its own line and layout is measured on what is shown; the sinks are the
// net under all of that.
import { isSafeText, safeJson, safeText } from "./sanitize.js";

/**
 * Per-process, unguessable by data from outside, so that data cannot contain a colour mark. The text
 * it must not guess was written before this process started, so V8's random generator (seeded from
 * the system's entropy for each process) is enough; node:crypto would cost every start about 7 ms.
 */
const NONCE = Array.from({ length: 4 }, () => Math.floor(Math.random() * 0x10000).toString(16).padStart(4, "0")).join("");
const MARK_OPEN = "\ue000";
const MARK_CLOSE = "\ue001";
/** The marks' expression, made on first use (a text that holds a mark: output without colour marks never parses it; issue 15). */
let mark: RegExp | undefined;

/** A colour mark for SGR parameters (e.g. "31", "39"): turned into the escape code by `toTerminal` when colour is on, dropped otherwise. */
export function colourMark(sgr: string): string {
  return `${MARK_OPEN}${NONCE}${sgr}${MARK_CLOSE}`;
}

/** Every line made safe on its own, line breaks kept as they were (CRLF stays CRLF: .ps1 and CSV files use it). */
export function safeLines(text: string): string {
  if (isSafeText(text, { multiline: true }) && !text.includes("\r")) return text;
  const parts = text.split(/(\r\n|\n)/);
  for (let i = 0; i < parts.length; i += 2) parts[i] = safeText(parts[i] as string);
  return parts.join("");
}

/** Text for a terminal: every control character from data shown visibly, then the theme's colour marks applied (or removed). */
export function toTerminal(text: string, color: boolean): string {
  const safe = safeLines(text);
  if (!safe.includes(MARK_OPEN)) return safe;
  mark ??= new RegExp(`${MARK_OPEN}${NONCE}([0-9;]{1,12})${MARK_CLOSE}`, "g");
  return safe.replace(mark, (_m, sgr: string) => (color ? `\u001b[${sgr}m` : ""));
}

/** One message on a terminal stream (stdout or stderr): made safe by `toTerminal`, ending with a line break. The one place that writes lines to a terminal. */
export function writeLine(stream: NodeJS.WritableStream, text: string, color: boolean): void {
  const safe = toTerminal(text, color);
  stream.write(safe.endsWith("\n") ? safe : `${safe}\n`);
}

/** A report file's text (Markdown, CSV, PowerShell, a transcript): safe line by line. */
export function toDocument(text: string): string {
  return safeLines(text);
}

/** JSON for people and scripts: the same value, with DEL, C1, bidi and separators escaped as \uXXXX. */
export function toJson(value: unknown, indent?: number): string {
  return safeJson(JSON.stringify(value, null, indent));
}
