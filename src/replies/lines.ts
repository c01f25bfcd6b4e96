// Physical lines → logical lines: transcript prefixes removed, text wrapped by a panel or mail client re-joined.
export type Direction = "client" | "server" | undefined;

export interface LogicalLine {
  /** Line content without transcript prefixes; wrapped continuation lines joined with a space. */
  text: string;
  direction: Direction;
  /** Index of the first physical line (order of appearance). */
  index: number;
}

const TIMESTAMP = /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?(?=\s|$|\]|[A-Za-z])\s*/;
const TIME = /^\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,9})?(?:Z|[+-]\d{2}:?\d{2})?\s+/;
const BRACKETED = /^\[(?:[\d:.,TZ +\-/]{4,40}|[CS]|INFO|DEBUG|WARN|WARNING|ERROR|ERR|TRACE|FATAL|SMTP)\]\s*/i;
const LEVEL = /^(?:INFO|DEBUG|WARN|WARNING|TRACE|FATAL|VERBOSE)\b:?\s+/;
const JAVA_DEBUG = /^DEBUG SMTP:\s*/;
const CLIENT_MARK = /^(?:C|Tx|SEND|SENT|send|CLIENT(?:\s*->\s*SERVER)?)\s*:\s?|^(?:>>>|->|(?:>[ \t]?){1,4})\s?/;
const SERVER_MARK = /^(?:S|Rx|RECV|RECEIVED|reply|SERVER(?:\s*->\s*CLIENT)?)\s*:\s?|^(?:<<<|<-|<)\s?/;
const CURL_INFO = /^\*\s+/;
/** GitHub Actions' workflow commands in front of a log line ("##[error]The SMTP server requires …"). */
const GH_COMMAND = /^##\[(?:error|warning|notice|debug|group|endgroup)\]\s*/i;

/** Remove timestamps, log levels and direction markers in front of a line (bounded: a few passes). */
export function stripPrefix(line: string): { text: string; direction: Direction; hadPrefix: boolean } {
  let s = line.replace(/^\s+/, "");
  let direction: Direction;
  let hadPrefix = false;
  for (let pass = 0; pass < 6; pass++) {
    const before = s;
    for (const re of [TIMESTAMP, TIME, GH_COMMAND, BRACKETED, LEVEL, JAVA_DEBUG, CURL_INFO]) {
      const m = re.exec(s);
      if (m && m[0].length > 0) s = s.slice(m[0].length);
    }
    if (direction === undefined) {
      const c = CLIENT_MARK.exec(s);
      const sv = c ? null : SERVER_MARK.exec(s);
      if (c) {
        direction = "client";
        s = s.slice(c[0].length);
      } else if (sv) {
        direction = "server";
        s = s.slice(sv[0].length);
      }
    }
    if (s !== before) hadPrefix = true;
    else break;
    s = s.replace(/^\s+/, "");
  }
  return { text: s, direction, hadPrefix };
}

const REPLY_START = /^(?:[2-5][0-5]\d(?:[ -]|$)|[245]\.\d{1,3}\.\d{1,3}\s)/;
const CLIENT_VERB = /^(?:EHLO|HELO|STARTTLS|AUTH|MAIL FROM|RCPT TO|DATA|QUIT|RSET|NOOP|BDAT)\b/i;
// A new entry also starts at a "key: 'value'" line of a logged error object (nodemailer's code:, response:).
const NEW_ENTRY = /^(?:[A-Za-z_]\w{0,30}:\s*['"\d[{]|at\s|\d{1,2}:\d{2}\b|\d{4}-\d{2}-\d{2}\b|(?:Error|ERROR|Warning|WARN|Exception)\b|File\s"|Traceback\b|Caused by\b|---|\.\.\.\s*\d+\s+more\b|[\w$.]+(?:Exception|Error)\b|[\w.]+:\s*\(|curl:|status=|\{|\}|\[)/;
const BASE64ISH = /^['"]?[A-Za-z0-9+/]{8,}={0,2}['"]?$/;
const TERMINATORS = new Set([".", "!", "?", "]", ")", "}", ">", '"', "'", "。", "」"]);

/** Split into logical lines, re-joining text wrapped mid-sentence (and bracketed suffixes split over two lines). */
export function logicalLines(text: string): LogicalLine[] {
  const out: LogicalLine[] = [];
  let prev: (LogicalLine & { depth: number; joinable: boolean; last: string; quote: string }) | undefined;
  const physical = text.split("\n");
  for (let i = 0; i < physical.length; i++) {
    const raw = physical[i] as string;
    const rawTrimmed = raw.trim();
    if (rawTrimmed === "") {
      prev = undefined;
      continue;
    }
    // The rest of a bracketed suffix split over two lines ("[SN2PR… .com" / "2025-01-22T03:07:00Z 08DD…]").
    if (prev && prev.depth > 0 && !REPLY_START.test(rawTrimmed) && /^[^[\]]{0,120}\]/.test(rawTrimmed)) {
      prev.text += " " + rawTrimmed;
      prev.last = rawTrimmed.charAt(rawTrimmed.length - 1);
      prev.depth = Math.max(0, prev.depth + bracketDelta(rawTrimmed));
      continue;
    }
    const { text: body, direction, hadPrefix } = stripPrefix(raw);
    const trimmed = body.trim();
    // E-mail quoting ("> " on every line) is not a transcript direction when both lines carry it.
    const [quote, quoteLength] = emailQuote(raw);
    const sameQuote = quote !== "" && prev !== undefined && prev.quote === quote && !stripPrefix(raw.slice(quoteLength)).hadPrefix;
    const continues =
      prev !== undefined &&
      prev.joinable &&
      (!hadPrefix || sameQuote) &&
      !REPLY_START.test(trimmed) &&
      !CLIENT_VERB.test(trimmed) &&
      !BASE64ISH.test(trimmed) &&
      (prev.depth > 0 || (!NEW_ENTRY.test(trimmed) && !TERMINATORS.has(prev.last)));
    if (continues && prev) {
      prev.text += " " + trimmed;
      prev.last = trimmed.charAt(trimmed.length - 1);
      prev.depth = Math.max(0, prev.depth + bracketDelta(trimmed));
      continue;
    }
    const line = { text: trimmed, direction, index: i, depth: Math.max(0, bracketDelta(trimmed)), joinable: (direction !== "client" || REPLY_START.test(trimmed)) && !/^334\b/.test(trimmed), last: trimmed.charAt(trimmed.length - 1), quote };
    out.push(line);
    prev = line;
  }
  return out.map(({ text: t, direction, index }) => ({ text: t, direction, index }));
}

function bracketDelta(s: string): number {
  let d = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if (ch === 91) d++;
    else if (ch === 93) d--;
  }
  return d;
}

/** The e-mail quote marks in front of a line (">", "> >") without spaces, and their length; "" for none or a ">>>" transcript marker. */
function emailQuote(raw: string): [string, number] {
  const m = /^\s*(?:>[ \t]?){1,4}/.exec(raw);
  if (!m) return ["", 0];
  const marks = m[0].replace(/[ \t]/g, "");
  return marks === ">>>" ? ["", 0] : [marks, m[0].length];
}
