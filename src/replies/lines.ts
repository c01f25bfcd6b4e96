// Physical lines → logical lines: transcript prefixes removed, text wrapped by a panel or mail client re-joined.
import { count, includesSplit, isDigit, isLetter } from "./chars.js";

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
// (ssmtp -v marks each line "[->]" or "[<-]", sixth hunt #16.)
const CLIENT_MARK = /^(?:C|Tx|SEND|SENT|send|CLIENT(?:\s*->\s*SERVER)?)\s*:\s?|^(?:>>>|->|\[->\]|(?:>[ \t]?){1,4})\s?/;
const SERVER_MARK = /^(?:S|Rx|RECV|RECEIVED|reply|SERVER(?:\s*->\s*CLIENT)?)\s*:\s?|^(?:<<<|<-|\[<-\]|<)\s?/;
const CURL_INFO = /^\*\s+/;
/** A syslog line's date ("Sep 10 01:29:09 "; RFC 3164: the month's name, the day padded with a blank). */
const SYSLOG_DATE = /^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) {1,2}\d{1,2} \d{2}:\d{2}:\d{2}(?:\.\d{1,9})?\s+/;
/** After a syslog date (either form): the host and the program with its process id ("host postfix/smtp[53043]: "). */
const SYSLOG_TAG = /^[\w.-]{1,100} [\w/.-]{1,100}\[\d{1,10}\]:\s+/;
/** Postfix's debug log after its direction mark: the peer ("> smtp.office365.com[52.96.1.1]:587: AUTH LOGIN"). */
const POSTFIX_PEER = /^[\w.-]{1,255}\[[0-9A-Fa-f.:]{2,45}\](?::\d{1,5})?:(?:\s+|$)/;
/**
 * Docker Compose's service column in front of each line of `docker compose logs` ("auth-server_1_89645e84ca25 | …",
 * "web-1  | …"): a name with its replica number, blanks, "|". A Gmail reply spread over such lines was refused as no reply
 * (seventeenth hunt #10).
 */
const COMPOSE_SERVICE = /^[A-Za-z][\w.-]{0,63}[_-]\d{1,3}(?:_[0-9a-f]{6,64})?\s+\|(?:\s|$)/;
/** GitHub Actions' workflow commands in front of a log line ("##[error]The SMTP server requires …"). */
const GH_COMMAND = /^##\[(?:error|warning|notice|debug|group|endgroup)\]\s*/i;

// Every prefix pattern is anchored at the start, so a pattern is tried only when the first characters of the
// line are those every match of it has (a line without a prefix then costs a few character tests, not nine regexes).
const LEVEL_FIRST = charCodes("IDWTFV");
const CLIENT_FIRST = charCodes("CTSs>-[");
const SERVER_FIRST = charCodes("SRr<[");
/** REPLY_START's first character (a basic code's or an enhanced code's first digit). */
const REPLY_FIRST = charCodes("2345");
/** CLIENT_VERB's first character, either case (without the u flag, /i matches no other character for an ASCII letter). */
const VERB_FIRST = charCodes("EHSAMRDQNBehsamrdqnb");

/** A table of ASCII characters: 1 at the code of each character of `chars`. */
function charCodes(chars: string): Uint8Array {
  const table = new Uint8Array(128);
  for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] = 1;
  return table;
}

/**
 * Does `s` start with one of the characters of `first`? (never for "": its charCodeAt(0) is NaN, and a typed array
 * gives undefined at NaN and past its end, for a character outside ASCII)
 */
function startsWithOneOf(s: string, first: Uint8Array): boolean {
  return first[s.charCodeAt(0)] === 1;
}

/** `s` without what the anchored `re` matches at its start. */
function cut(s: string, re: RegExp): string {
  const m = re.exec(s);
  return m && m[0].length > 0 ? s.slice(m[0].length) : s;
}

/** Timestamps, GitHub commands, bracketed fields, log levels, curl's "*": in this order, each on what the previous left. */
function stripLogPrefixes(line: string): string {
  let s = line;
  // COMPOSE_SERVICE: a letter first and " |" in the line.
  if (isLetter(s.charCodeAt(0)) && includesSplit(s, " ", "|")) s = cut(s, COMPOSE_SERVICE).trimStart();
  // TIMESTAMP: four digits and a date separator ("2025-01-22", "2025/1/22", "2025.01.22").
  const sep = s.charCodeAt(4);
  if (isDigit(s.charCodeAt(0)) && (sep === 0x2d || sep === 0x2f || sep === 0x2e)) s = cut(s, TIMESTAMP);
  // A syslog date (the month's name, then the day): a capital letter, a blank at 3, and the day's digit or its padding blank at
  // 4 (a sentence's first word of three letters has a letter there).
  else if (s.charCodeAt(3) === 0x20 && s.charCodeAt(0) >= 0x41 && s.charCodeAt(0) <= 0x5a && (isDigit(s.charCodeAt(4)) || s.charCodeAt(4) === 0x20)) s = cut(s, SYSLOG_DATE);
  // The host and the program after a date ("host postfix/smtp[53043]: "): only there, where a line has one.
  if (s !== line && s.includes("]:")) s = cut(s, SYSLOG_TAG);
  // TIME: one or two digits and ":".
  if (isDigit(s.charCodeAt(0)) && (s.charCodeAt(1) === 0x3a || s.charCodeAt(2) === 0x3a)) s = cut(s, TIME);
  // (The first character compared as a code: startsWith() is a call for each, at every line.)
  if (s.charCodeAt(0) === 0x23 /* # */) s = cut(s, GH_COMMAND);
  if (s.charCodeAt(0) === 0x5b /* [ */) s = cut(s, BRACKETED);
  if (startsWithOneOf(s, LEVEL_FIRST)) s = cut(s, LEVEL);
  if (s.charCodeAt(0) === 0x44 /* D */) s = cut(s, JAVA_DEBUG);
  if (s.charCodeAt(0) === 0x2a /* * */) s = cut(s, CURL_INFO);
  return s;
}

/** Remove timestamps, log levels and direction markers in front of a line (bounded: a few passes). */
export function stripPrefix(line: string): { text: string; direction: Direction; hadPrefix: boolean } {
  // trimStart() removes exactly what /^\s+/ matches (WhiteSpace and LineTerminator).
  let s = line.trimStart();
  let direction: Direction;
  let hadPrefix = false;
  for (let pass = 0; pass < 6; pass++) {
    const before = s;
    s = stripLogPrefixes(s);
    if (direction === undefined) {
      const c = startsWithOneOf(s, CLIENT_FIRST) ? CLIENT_MARK.exec(s) : null;
      const sv = c || !startsWithOneOf(s, SERVER_FIRST) ? null : SERVER_MARK.exec(s);
      if (c) {
        direction = "client";
        s = s.slice(c[0].length);
      } else if (sv) {
        direction = "server";
        s = s.slice(sv[0].length);
      }
      if ((c || sv) && s.includes("]:")) s = cut(s, POSTFIX_PEER);
    }
    if (s !== before) hadPrefix = true;
    else break;
    s = s.trimStart();
  }
  return { text: s, direction, hadPrefix };
}

const REPLY_START = /^(?:[2-5][0-5]\d(?:[ -]|$)|[245]\.\d{1,3}\.\d{1,3}\s)/;
const CLIENT_VERB = /^(?:EHLO|HELO|STARTTLS|AUTH|MAIL FROM|RCPT TO|DATA|QUIT|RSET|NOOP|BDAT)\b/i;
// A new entry also starts at a "key: 'value'" line of a logged error object (nodemailer's code:, response:), at a
// field of an error page ("Description: An unhandled …", "Exception Details: System.…", ASP.NET),
// at an item of a numbered list ("1. The server is using …", MailKit's list of guesses), and at a TLS library's own
// message ("schannel: failed to receive handshake", curl on Windows: it was glued to the server's "220 2.0.0 SMTP server
// ready" before it, which then read "TLS: success").
// A program's own name before its message ("smtpmail-send-it: Sending failed: …", Emacs) starts one too, and so does a
// delivery report's field ("Diagnostic-Code: smtp;550 …" was glued to the "Status: 5.7.133" before it, fourth hunt #21), and a
// Unix mailer's line ("msmtp: could not send mail …" was glued to the server's "501 5.1.7 Invalid address", fifteenth hunt #5).
const NEW_ENTRY = /^(?:[A-Za-z_]\w{0,30}:\s*['"\d[{]|(?:Diagnostic-Code|Final-Recipient|Original-Recipient|Remote-MTA|Reporting-MTA|Arrival-Date|Last-Attempt-Date):|[a-z]\w{0,20}-[\w-]{1,20}:\s+[A-Z]|[A-Z][a-z]{2,15}(?: [A-Z][a-z]{2,15})?:\s+[A-Z]|at\s|\d{1,2}\.\s+[A-Z]|\d{1,2}:\d{2}\b|\d{4}-\d{2}-\d{2}\b|(?:Error|ERROR|Warning|WARN|Exception)\b|File\s"|Traceback\b|Caused by\b|---|\.\.\.\s*\d+\s+more\b|[\w$.]+(?:Exception|Error)\b|[\w.]+:\s*\(|curl:|(?:msmtp|ssmtp|sendmail|mailx|s-nail|nullmailer(?:-\w+)?|dma):\s|(?:schannel|openssl|gnutls|mbedtls|wolfssl|ssl|tls):\s|status=|\{|\}|\[)/;
const BASE64ISH = /^['"]?[A-Za-z0-9+/]{8,}={0,2}['"]?$/;
/** One word of prose (letters only, at most its first one a capital): "required" wrapped onto a line of its own is not base64. */
const PROSE_WORD = /^[A-Za-z][a-z]+[.,;:!?]?$/;
const TERMINATORS = new Set([".", "!", "?", "]", ")", "}", ">", '"', "'", "。", "」"]);
/**
 * A blocklist refusal wrapped after the address it names ("… Client host [192.0.2.7]" / "blocked using Spamhaus. …", a
 * qmail bounce, fourth hunt #16): that "]" ends no sentence, the refusal's reason follows on the next line.
 */
const CLIENT_HOST_END = /\bClient host \[[^[\]]{1,64}\]$/i;

/** Split into logical lines, re-joining text wrapped mid-sentence (and bracketed suffixes split over two lines). */
export function logicalLines(text: string): LogicalLine[] {
  const out: LogicalLine[] = [];
  // The line being built and what decides whether the next physical line continues it: worked out
  // from the line's text when a next line comes (`started`), so a paste of one line needs none of it.
  let prev: LogicalLine | undefined;
  let started = false;
  let depth = 0;
  let joinable = false;
  let last = "";
  let hostEnd = false;
  let quote = "";
  // One line (most pastes of a panel's or a client's message) needs no split; PHPMailer's debug output pasted as one line
  // ("2015-09-03 07:24:00\tSERVER -> CLIENT: 220 2.0.0 SMTP server ready 2015-09-03 07:24:00\tSMTP Error: …") is split at
  // its entries' timestamps (sixth hunt #32: the failure after STARTTLS was read as part of the server's 220, "TLS: success").
  const split = text.includes("\n") ? text.split("\n") : [text];
  const entries = text.includes("\t") ? split.flatMap(oneLineLog) : split;
  const physical = text.includes("SMTPSVC") ? entries.map(iisLine) : entries;
  for (let i = 0; i < physical.length; i++) {
    const raw = physical[i] as string;
    const rawTrimmed = raw.trim();
    if (rawTrimmed === "") {
      prev = undefined;
      continue;
    }
    if (started && prev) {
      started = false;
      const t = prev.text;
      depth = Math.max(0, bracketDelta(t));
      joinable = (prev.direction !== "client" || REPLY_START.test(t)) && !/^334\b/.test(t);
      last = lastMark(t);
      hostEnd = last === "]" && CLIENT_HOST_END.test(t);
    }
    // The rest of a bracketed suffix split over two lines ("[SN2PR… .com" / "2025-01-22T03:07:00Z 08DD…]").
    if (prev && depth > 0 && !REPLY_START.test(rawTrimmed) && /^[^[\]]{0,120}\]/.test(rawTrimmed)) {
      prev.text += " " + rawTrimmed;
      last = lastMark(rawTrimmed);
      hostEnd = last === "]" && CLIENT_HOST_END.test(prev.text);
      depth = Math.max(0, depth + bracketDelta(rawTrimmed));
      continue;
    }
    const { text: body, direction, hadPrefix } = stripPrefix(raw);
    const trimmed = body.trim();
    // E-mail quoting ("> " on every line) is not a transcript direction when both lines carry it.
    const lineQuote = rawTrimmed.charCodeAt(0) === 0x3e /* > */ ? emailQuote(raw) : NO_QUOTE;
    // The tests cost least first (all of them are pure): a line after the end of a sentence starts an entry of its own,
    // whatever the patterns say (depth > 0 || (!NEW_ENTRY && (!TERMINATORS || hostEnd)), split in two).
    const continues =
      prev !== undefined &&
      joinable &&
      (depth > 0 || !TERMINATORS.has(last) || hostEnd) &&
      (!hadPrefix || (lineQuote.marks !== "" && quote === lineQuote.marks && !stripPrefix(raw.slice(lineQuote.length)).hadPrefix)) &&
      !(startsWithOneOf(trimmed, REPLY_FIRST) && REPLY_START.test(trimmed)) &&
      !(startsWithOneOf(trimmed, VERB_FIRST) && CLIENT_VERB.test(trimmed)) &&
      !(BASE64ISH.test(trimmed) && !PROSE_WORD.test(trimmed)) &&
      (depth > 0 || !NEW_ENTRY.test(trimmed));
    if (continues && prev) {
      prev.text += " " + trimmed;
      last = lastMark(trimmed);
      hostEnd = last === "]" && CLIENT_HOST_END.test(prev.text);
      depth = Math.max(0, depth + bracketDelta(trimmed));
      continue;
    }
    prev = { text: trimmed, direction, index: i };
    out.push(prev);
    started = true;
    quote = lineQuote.marks;
  }
  return out;
}

/**
 * A line of the IIS SMTP service's W3C log ("2018-02-19 23:06:36 40.97.132.226 OutboundConnectionResponse SMTPSVC1 FBDC-001 -
 * 0 - - 550+5.7.60+SMTP;+Client+does+not+have…+[…] 0 0 116 0 11485 SMTP - - - -"): its fields after the site, the computer,
 * the IP and the port are the command (cs-uri-stem) and its argument or the reply (cs-uri-query), with "+" for each blank.
 */
const IIS_W3C = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \S+ (OutboundConnectionCommand|OutboundConnectionResponse|\S+) SMTPSVC\d+ \S+ \S+ \d+ (\S+) (\S+) (\S+) /;

/** An IIS SMTP log line as a transcript's line ("C: BDAT 2357498 LAST", "S: 550 5.7.60 SMTP; Client does not …"); another line as it is. */
function iisLine(raw: string): string {
  const m = IIS_W3C.exec(raw);
  if (!m) return raw;
  const [, method, stem, query, arg] = m as unknown as [string, string, string, string, string];
  const words = (field: string) => (field === "-" ? "" : field.replace(/\+/g, " "));
  if (method === "OutboundConnectionResponse" || (stem === "-" && /^[2-5]\d\d\+/.test(arg))) return `S: ${words(arg)}`;
  return `C: ${[words(stem), words(query), words(arg)].filter(Boolean).join(" ")}`;
}

/** A timestamp and a tab at the start of each entry of PHPMailer's debug output ("2015-09-03 07:24:00\t"). */
const ENTRY_STAMP = /\s(?=\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\t)/g;

/** A log of several entries on one line, each led by ENTRY_STAMP, as its entries (three at least); else the line. */
function oneLineLog(text: string): string[] {
  if (!text.includes("\t") || count(text, "\t") < 3) return [text];
  const parts = text.split(ENTRY_STAMP);
  return parts.length >= 3 ? parts : [text];
}

/**
 * The last character of a line that says whether it ends a sentence, behind Markdown's closing marks: a paste from an
 * issue quotes each line as **`…`** ("…incorrect.`**" ends its sentence; read at its "*", the next line was joined on).
 */
function lastMark(line: string): string {
  let end = line.length;
  while (end > 1 && markdownCloser(line.charCodeAt(end - 1))) end--;
  return line.charAt(end - 1);
}

/** "`", "*" and "_" (Markdown's code and emphasis marks). */
function markdownCloser(c: number): boolean {
  return c === 0x60 || c === 0x2a || c === 0x5f;
}

/** Opened minus closed square brackets (counted with native searches: most lines have none). */
function bracketDelta(s: string): number {
  return count(s, "[") - count(s, "]");
}

/** E-mail quote marks in front of a line: the marks without spaces ("" for none) and their length with the spaces. */
interface Quote {
  marks: string;
  length: number;
}

const NO_QUOTE: Quote = { marks: "", length: 0 };

/**
 * The e-mail quote marks in front of a line (">", "> >") without spaces, and their length; NO_QUOTE for none or a ">>>" transcript marker.
 * Asked only of a line whose first character after its blanks is ">" (that the pattern requires after the blanks it skips).
 */
function emailQuote(raw: string): Quote {
  const m = /^\s*(?:>[ \t]?){1,4}/.exec(raw);
  if (!m) return NO_QUOTE;
  const marks = m[0].replace(/[ \t]/g, "");
  return marks === ">>>" ? NO_QUOTE : { marks, length: m[0].length };
}
