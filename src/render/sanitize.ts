// The one output sanitiser. Text that came from outside the program (files, server replies, tenant
// data, error messages, flag values) passes through here before it reaches a terminal or a report,
// so that no control sequence from data can act on the reader's terminal (colour, cursor moves,
// clipboard writes through OSC 52, title changes) or reorder what they read (bidi overrides).
//
// Each dangerous code point is shown visibly and unambiguously in ASCII, e.g. ESC → "\x1b",
// U+202E → "\u202e". Nothing is dropped, so a reader can still see that the data held it.

/**
 * C0 controls (but TAB and LF, handled below), DEL, C1 controls, the Unicode line and paragraph
 * separators, and every bidirectional formatting character (embeddings, overrides, isolates and
 * marks): the characters that move the cursor, start an escape sequence or reorder the line.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const UNSAFE_TEST = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

function visible(ch: string): string {
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
}

export interface SanitizeOptions {
  /**
   * Keep line breaks (CRLF and LF become LF; a lone CR is shown as "\x0d"). Default false: every
   * line break is shown visibly too, for text that must stay on one line (a table cell, a value).
   */
  multiline?: boolean;
}

/** True when the text holds nothing that `safeText` would change (fast path for clean data). */
export function isSafeText(text: string, opts: SanitizeOptions = {}): boolean {
  if (UNSAFE_TEST.test(text) || text.includes("\t")) return false;
  return opts.multiline === true || !text.includes("\n");
}

/**
 * Outside text made safe to show: controls, DEL, C1, bidi controls and line separators become
 * visible escapes; TAB becomes a space. Line breaks are kept only with `multiline`.
 */
export function safeText(text: string, opts: SanitizeOptions = {}): string {
  if (isSafeText(text, opts)) return text;
  let s = text.replace(/\t/g, " ");
  if (opts.multiline === true) s = s.replace(/\r\n/g, "\n");
  else s = s.replace(/\r?\n/g, (m) => (m.length === 2 ? "\\x0d\\x0a" : "\\x0a"));
  return s.replace(UNSAFE, visible);
}

/**
 * JSON text for a person's terminal: JSON.stringify already escapes C0 controls; this also escapes
 * DEL, C1 controls, bidi controls and the line separators as \uXXXX. The result parses to the same
 * value: nothing is lost for a script reading it.
 */
export function safeJson(json: string): string {
  return json.replace(UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
