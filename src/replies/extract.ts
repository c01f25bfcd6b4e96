// Finding SMTP replies inside any wrapping: exceptions, tuples, log objects, transcripts, NDRs, panel text.
import { count, includesSplit, isDigit, isJapanese, isLetter, isSpaceCode } from "./chars.js";
import { logicalLines, type LogicalLine } from "./lines.js";
import { foldSpace, squash } from "./normalize.js";
import { codeAloneRead } from "./patterns.js";
import type { ReplyAnalysis, ReplyStage, SmtpReply } from "./types.js";

export interface FoundReply {
  reply: SmtpReply;
  /** Order of appearance (logical line index × 1000 + position), for "last failure" decisions. */
  pos: number;
  /** The stage the transcript or wrapper puts this reply in, when it says. */
  contextStage?: ReplyStage;
  /** Another reply follows inside this one (e.g. "5.7.57 … Error: 535 5.7.139 …"): this one is an echo. */
  hasNested: boolean;
  /** This reply was found inside another one. */
  nested: boolean;
  /** The sign-in the words before the reply on its line name (saidMechanism). */
  said?: "XOAUTH2" | "LOGIN";
  /**
   * Postfix's smtpd logged this refusal as its own ("NOQUEUE: reject: RCPT from localhost[127.0.0.1]"): the words of that
   * lead-in. The reply is then the relay's own, whatever host its text names, and no server behind the relay was contacted.
   */
  relayLog?: string;
}

export interface Extraction {
  replies: FoundReply[];
  /** Logical lines in which no reply was found (for network/TLS signals and text-only replies). */
  otherLines: LogicalLine[];
  /** Logical lines that carried a reply (network phrases inside them are the server's words, not a network failure). */
  lines: LogicalLine[];
  mechanismTried?: ReplyAnalysis["mechanismTried"];
  /** Direction markers seen: a transcript. */
  transcript: boolean;
  /** The client's commands, in order (their verbs, upper-case, and their logical line's index); only when there are any. */
  commands?: Array<{ verb: string; index: number }>;
}

// (430: Exchange Online's store, "430 4.2.0 STOREDRV; mailbox logon failure".)
const VALID_CODES = new Set([211, 214, 220, 221, 235, 250, 251, 252, 334, 354, 421, 430, 432, 450, 451, 452, 454, 455, 500, 501, 502, 503, 504, 521, 530, 534, 535, 538, 550, 551, 552, 553, 554, 555, 556]);
const START = /([2-5][0-5]\d)(?:(?:[ -]|:[ ]?)[ ]*([245]\.\d{1,3}\.\d{1,3})(?!\d|\.\d))?(?=[ \t-]|$)|([245]\.\d{1,3}\.\d{1,3})(?!\d|\.\d)(?=[ \t]|$)/g;
const CUE_WORDS = new Set(["said", "was", "error", "returned", "reply", "response", "fue", "code", "status", "msg", "smtp", "exception", "failed"]);
const TUPLE = /\(\s*([2-5][0-5]\d)\s*,\s*b?(['"])|retcode\s*\(\s*([2-5][0-5]\d)\s*\)\s*;\s*Msg:\s*b?(['"])/g;
const MECHANISMS = ["LOGIN", "PLAIN", "XOAUTH2", "CRAM-MD5", "NTLM"] as const;
/** The mechanisms as a regex group, for the three forms below that name one. */
const MECHANISM = `(${MECHANISMS.join("|")})`;
const CLIENT_AUTH = new RegExp(`^['"\`]?AUTH\\s+${MECHANISM}\\b`, "i");
// COMMAND_FIELD, QUOTED_AUTH and AUTHENTICATOR are made on first use (a text with their first word: most have none), not
// parsed at every start (issue 15).
let commandField: RegExp | undefined;
/**
 * A server's refusal that quotes the client's AUTH command ('502 Command "AUTH PLAIN …" not implemented', nodemailer #878 in the
 * nineteenth hunt: read at MAIL FROM as commands out of order, with a firmware update): the refusal answered that sign-in.
 */
let quotedAuth: RegExp | undefined;
/** nodemailer's words before a refusal of its AUTH command. */
const INVALID_LOGIN = "Invalid login: ";
/** SwiftMailer: "Authenticator LOGIN returned Swift_TransportException: Expected response code 235 but got code "535" …". */
let authenticator: RegExp | undefined;
/** Every match of COMMAND_FIELD starts with this. */
const COMMAND_HINT = /command/i;
const CLIENT_VERB = /^['"`]?(EHLO|HELO|STARTTLS|AUTH|MAIL FROM|RCPT TO|DATA|BDAT|QUIT|RSET)\b/i;
/**
 * CLIENT_VERB's first character: a quote or a verb's first letter, either case (without the u flag, /i matches no other
 * character for an ASCII letter). A line that starts otherwise (most) is not searched; charCodeAt(0) of "" is NaN, which the
 * table has not.
 */
const VERB_FIRST = ((chars: string) => {
  const table = new Uint8Array(128);
  for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] = 1;
  return table;
})("'\"`EHSAMRDBQehsamrdbq");
const IN_REPLY_TO = /\s*\(in reply to (.{1,40}?) command\)/i;
/** Emacs smtpmail's "… in response to AUTH" after the server's words: the command, not the server's. */
const IN_RESPONSE_TO = /\s+in response to (AUTH|MAIL(?: FROM)?|RCPT(?: TO)?|DATA|EHLO|HELO|STARTTLS)\s*$/i;
/** Every match of IN_REPLY_TO contains this (and a "(", looked for first: most replies have neither). */
const IN_REPLY_TO_HINT = /\(in reply to /i;
/** Closing XML tags at the end of a reply's text. */
const XML_CLOSERS = /(?:\s*<\/[A-Za-z][\w:.-]{0,40}>)+$/;
const NESTED_LEAD_IN = /\s*(?:Error|error|ERROR|Fehler|エラー)?\s*:\s*$/;
/**
 * A poster's own sentence going on after the reply it quotes ("I get: 5.0.0 Authentication Failed, but the configuration is
 * the same as …", fourth hunt #33): no reply of the corpora goes on with ", but" and a word, so the server's words end there.
 */
const POSTER_GOES_ON = /,\s+but\s+(?=[a-z])/;
/**
 * nginx's fields of an error-log line after the message it logs (OpenResty's lua-resty-mail: "… 535 5.7.0 (#AUTH005) Too
 * many bad auth attempts., client: 127.0.0.1, server: , request: \"POST /send_mail HTTP/1.1\", host: …", fifth hunt #30):
 * the log's, never the server's words.
 */
const NGINX_FIELDS = /,\s+client:\s+\S+,\s+server:/;
/**
 * A stack frame glued to a reply on one line (.NET "… go to at Registration.Form.SendEmail(String …",
 * Node "… type at SMTPConnection._formatError (/usr/…"): "at", a dotted name, "(". Never a reply's words.
 */
const STACK_FRAME = /\s+at\s+(?:[A-Za-z_$][\w$<>`]*\.)+[A-Za-z_$][\w$<>`]*\s?\(/;

/** PHPMailer's lead-in naming the command the server refused ("SMTP ERROR: DATA END command failed: 550 …"). */
const COMMAND_FAILED = /\b(MAIL FROM|RCPT TO|DATA END|DATA|AUTH|Username|Password|STARTTLS|EHLO|HELO) command failed\b/i;

/**
 * Postfix's smtpd logging a refusal it gave itself, before the reply ("postfix/smtpd[…]: NOQUEUE: reject: RCPT from
 * localhost[127.0.0.1]: 550 5.1.1 …"; a queue id in place of NOQUEUE once the message had one): the command it refused
 * and the client it refused it to. Read on the part of the line before the reply (every match contains ": reject: ").
 */
const SMTPD_REJECT = /\b(?:NOQUEUE|[0-9A-Za-z]{5,20}): reject: (CONNECT|HELO|EHLO|MAIL|RCPT|DATA|END-OF-MESSAGE|BDAT|VRFY|ETRN) from (\S{1,300}?\[[^\]\s]{1,64}\]):\s*$/;
/** The stage of the command smtpd names ("END-OF-MESSAGE": the end of DATA). */
const SMTPD_STAGE: Record<string, ReplyStage> = { CONNECT: "connect", HELO: "ehlo", EHLO: "ehlo", MAIL: "mail-from", RCPT: "rcpt", DATA: "data", "END-OF-MESSAGE": "data", BDAT: "data" };
/** Postfix's log of the envelope after smtpd's reply ("…; from=<a@b> to=<c@d> proto=ESMTP helo=<host>"): its words, not the reply's. */
const SMTPD_ENVELOPE = /;\s*from=<[^<>]{0,320}>(?:\s+to=<[^<>]{0,320}>)?(?:\s+proto=[A-Z]{1,10})?(?:\s+helo=<[^<>]{0,255}>)?\s*$/;

/** smtpd's own refusal before the reply at `index` of the line, when the line logs one. */
function smtpdReject(text: string, index: number): { clue: string; stage: ReplyStage | undefined } | undefined {
  const m = SMTPD_REJECT.exec(text.slice(0, index));
  if (!m) return undefined;
  return { clue: m[0].replace(/:\s*$/, ""), stage: SMTPD_STAGE[m[1] as string] };
}

/** mailsend's lead-in naming the envelope command the server refused ("Error: MAIL FROM failed: '550 …'", fifth hunt #34). */
const ENVELOPE_FAILED = /\b(MAIL FROM|RCPT TO) failed\s*:/i;

/** The stage a line's own words give its reply: PHPMailer and mailsend name the command that failed. */
function lineStage(text: string): ReplyStage | undefined {
  if (!includesSplit(text, " ", "failed")) return undefined;
  const m = (text.includes("command failed") ? COMMAND_FAILED.exec(text) : null) ?? ENVELOPE_FAILED.exec(text);
  return m ? commandStage(m[1] as string) : undefined;
}

/** The wrappers' other names for a command: PHPMailer's "DATA END", "Username" and "Password" (AUTH LOGIN's steps), Emacs's "MAIL" and "RCPT". */
const COMMAND_ALIASES: Record<string, string> = { "DATA END": "DATA", USERNAME: "AUTH", PASSWORD: "AUTH", MAIL: "MAIL FROM", RCPT: "RCPT TO" };

/** The stage of a command a wrapper names (VERB_STAGE, under the wrappers' other names too). */
function commandStage(name: string): ReplyStage | undefined {
  const verb = name.toUpperCase().replace(/\s+/g, " ");
  return VERB_STAGE[COMMAND_ALIASES[verb] ?? verb];
}

/**
 * Wrappers' words, anywhere in the text, for the command a refusal answered: SwiftMailer's trace ("executeCommand(' . '",
 * the end of DATA), Python's smtplib exceptions (SMTPDataError for DATA's replies, fifth hunt #21), Mattermost's "Failed to
 * close connection to SMTP server" (closing DATA, #33), Outlook's dialog 「受信者の 1 人がサーバーによって拒否された」
 * (a recipient refused, #7, #8).
 */
const TEXT_COMMANDS: ReadonlyArray<readonly [string, string]> = [
  ["executeCommand(' . '", "DATA"],
  ["SMTPDataError", "DATA"],
  ["SMTPRecipientsRefused", "RCPT TO"],
  ["SMTPSenderRefused", "MAIL FROM"],
  ["Failed to close connection to SMTP server", "DATA"],
];
const OUTLOOK_RECIPIENT_REFUSED = /受信者[^。]{0,12}サーバーによって拒否/;

/** The stage the text's wrapper words give its refusals (TEXT_COMMANDS), or undefined. */
export function textStage(text: string): ReplyStage | undefined {
  for (const [words, command] of TEXT_COMMANDS) if (text.includes(words)) return commandStage(command);
  return text.includes("受信者") && OUTLOOK_RECIPIENT_REFUSED.test(text) ? commandStage("RCPT TO") : undefined;
}

const VERB_STAGE: Record<string, ReplyStage> = {
  EHLO: "ehlo",
  HELO: "ehlo",
  STARTTLS: "tls",
  AUTH: "auth",
  "MAIL FROM": "mail-from",
  "RCPT TO": "rcpt",
  DATA: "data",
  BDAT: "data",
};

/** Characters that glue a number to what is before it: a word, a version, a host, a path, an address, a phone number, an issue. */
function gluesNumber(c: number): boolean {
  return isLetter(c) || isDigit(c) || c === 0x5f /* _ */ || c === 0x2e /* . */ || c === 0x2d /* - */ || c === 0x2f /* / */ || c === 0x40 /* @ */ || c === 0x2b /* + */ || c === 0x23 /* # */;
}

/** Is the code at `idx` where a reply would start (not a number inside prose, a host, a version)? */
function cueOk(line: string, idx: number): boolean {
  if (gluesNumber(line.charCodeAt(idx - 1))) return false;
  let j = idx - 1;
  while (j >= 0 && (line.charCodeAt(j) === 0x20 || line.charCodeAt(j) === 0x09)) j--;
  if (j < 0) return true;
  const prev = line.charCodeAt(j);
  if (!isLetter(prev) && !isDigit(prev)) return true; // punctuation, quotes, CJK
  let k = j;
  while (k >= 0 && isLetter(line.charCodeAt(k)) && j - k < 40) k--;
  const word = line.slice(k + 1, j + 1).toLowerCase();
  // An exception's class name before the code (Ruby's "Net::SMTPAuthenticationError 504 …", "SmtpCommandException 535 …").
  return CUE_WORDS.has(word) || word.endsWith("error") || word.endsWith("exception");
}

/**
 * A wrapper's words before the code a client waited for: "Expected response code 235 but got code "535"" (SwiftMailer,
 * Symfony Mailer). That 235 is what the client expected, never the server's reply: read as one, it said "sign-in worked".
 */
const EXPECTED_BEFORE = /\bexpected(?:\s+(?:response|reply|status))?(?:\s+codes?)?\s*[:=]?\s*["'(]?\s*$/i;

/** Is the code at `idx` the one a client expected (see EXPECTED_BEFORE)? Looked for only where "xpected" is on the line. */
function expectedCode(line: string, idx: number): boolean {
  return line.includes("xpected") && EXPECTED_BEFORE.test(line.slice(Math.max(0, idx - 40), idx));
}

/**
 * A code named by the title of one of Microsoft's pages, as a non-delivery report's help text quotes it ("Fix email delivery issues
 * for error code 5.1.1 in Office 365, and then send …", tenth hunt #6): a page's name, never the server's reply. Looked for only
 * where " in " follows the code.
 */
const DOC_TITLE_AFTER = /^\s*in (?:Office 365|Exchange Online|Microsoft 365)\b/i;
function docTitle(line: string, end: number): boolean {
  return line.startsWith(" in ", end - 1) || line.startsWith(" in ", end) ? DOC_TITLE_AFTER.test(line.slice(end, end + 24)) : false;
}

/** Index of the quote that closes a quoted string opened before `from`. */
function closingQuote(line: string, from: number, quote: string): number {
  const q = quote.charCodeAt(0);
  for (let i = from; i < line.length; i++) {
    const ch = line.charCodeAt(i);
    if (ch === 0x5c /* \ */) {
      i++;
      continue;
    }
    if (ch === q && !isLetter(line.charCodeAt(i + 1))) return i;
  }
  return line.length;
}

function unescape(s: string): string {
  return s.includes("\\") ? s.replace(/\\(['"\\])/g, "$1") : s;
}

/** Trailing wrapper debris: "(in reply to … command)", unbalanced ")", stray quotes, host/timestamp suffix. */
function cleanText(raw: string, nestedFollows: boolean): { text: string; stageHint?: ReplyStage } {
  let s = unescape(raw);
  // The frames of a stack trace printed on the reply's line are the wrapper's, not the server's ("at" and a dot: most replies have neither).
  const frame = includesSplit(s, " ", "at ") && s.includes(".") ? STACK_FRAME.exec(s) : null;
  if (frame) s = s.slice(0, frame.index);
  let stageHint: ReplyStage | undefined;
  const inReply = s.includes("(") && IN_REPLY_TO_HINT.test(s) ? IN_REPLY_TO.exec(s) : null;
  if (inReply) {
    const cmd = (inReply[1] as string).toUpperCase();
    stageHint = cmd.includes("DATA") ? "data" : cmd.includes("RCPT") ? "rcpt" : cmd.includes("MAIL") ? "mail-from" : cmd.includes("AUTH") ? "auth" : cmd.includes("EHLO") || cmd.includes("HELO") ? "ehlo" : undefined;
    s = s.slice(0, inReply.index);
  }
  const goesOn = s.includes(", but") ? POSTER_GOES_ON.exec(s) : null;
  if (goesOn && goesOn.index > 0) s = s.slice(0, goesOn.index);
  const nginx = s.includes(", client: ") ? NGINX_FIELDS.exec(s) : null;
  if (nginx && nginx.index > 0) s = s.slice(0, nginx.index);
  const inResponse = s.includes("in response to") ? IN_RESPONSE_TO.exec(s) : null;
  if (inResponse) {
    stageHint ??= commandStage(inResponse[1] as string);
    s = s.slice(0, inResponse.index);
  }
  s = foldSpace(s);
  for (let pass = 0; pass < 12; pass++) {
    const before = s;
    const last = s.charAt(s.length - 1);
    if (last === ")" && count(s, "(") < count(s, ")")) s = s.slice(0, -1);
    else if ((last === "'" || last === '"' || last === "`") && count(s, last) % 2 === 1) s = s.slice(0, -1);
    else if (last === "," || last === ";" || last === "}" || last === "\\" || last === "|") s = s.slice(0, -1);
    // Markdown's bold after a quoted reply ("…incorrect.`**"): the quote mark is then cut as above.
    else if (last === "*" && s.includes("`")) s = s.replace(/\*+$/, "");
    if (s.endsWith("]")) {
      const cut = withoutBracketSuffix(s);
      // Else a log's bracket around the reply, opened before it ("[details: 504 5.7.4 Unrecognized authentication type]", Mattermost).
      s = cut !== s || count(s, "[") >= count(s, "]") ? cut : s.slice(0, -1);
    }
    // The closing tags of an XML error document around the reply ("… quota exceeded. </message> </error>").
    if (s.endsWith(">") && s.includes("</")) s = s.replace(XML_CLOSERS, "");
    if (nestedFollows) s = s.replace(NESTED_LEAD_IN, "");
    s = s.trim();
    if (s === before) break;
  }
  return stageHint ? { text: s, stageHint } : { text: s };
}

/**
 * `s` without a bracketed suffix at its end and the blanks before it ("… information. [SN2PR… 2025-01-22T…]"):
 * what /\s*\[[^[\]]{0,200}\]$/ removes, found from the end (the regex tried every position of the text).
 * `s` ends with "]". The "[" is the last one (nothing between the brackets is a bracket) and the match
 * starts where the blanks before it start.
 */
export function withoutBracketSuffix(s: string): string {
  const close = s.length - 1;
  const open = s.lastIndexOf("[");
  if (open < 0 || close - open - 1 > 200 || s.lastIndexOf("]", close - 1) > open) return s;
  let start = open;
  while (start > 0 && isSpaceCode(s.charCodeAt(start - 1))) start--;
  return s.slice(0, start);
}

export function makeReply(code: number | undefined, enhanced: string | undefined, text: string): SmtpReply {
  // The non-empty parts joined with single spaces.
  let line = code !== undefined ? String(code) : "";
  if (enhanced) line = line === "" ? enhanced : `${line} ${enhanced}`;
  if (text) line = line === "" ? text : `${line} ${text}`;
  const reply: SmtpReply = { text, line };
  if (code !== undefined) reply.code = code;
  if (enhanced !== undefined) reply.enhanced = enhanced;
  return reply;
}

interface Start {
  index: number;
  end: number;
  code: number | undefined;
  enhanced: string | undefined;
  /** Where this reply's text must stop (closing quote of the string it sits in, or line end). */
  limit: number;
  /** The character after a basic code found by START ("-" on a continuation line). */
  sep: string | undefined;
}

/** A reply in one logical line. (Every record has every field, so that the engine's objects keep one shape.) */
interface LineReply {
  index: number;
  code: number | undefined;
  enhanced: string | undefined;
  sep: string | undefined;
  text: string;
  stageHint: ReplyStage | undefined;
  hasNested: boolean;
  nested: boolean;
}

/** The first non-blank character of line[from, to) (a UTF-16 code unit), or NaN when there is none (no class of chars.ts takes NaN). */
function firstNonBlank(line: string, from: number, to: number): number {
  const stop = Math.min(to, line.length);
  for (let i = from; i < stop; i++) {
    const c = line.charCodeAt(i);
    if (!isSpaceCode(c)) return c;
  }
  return NaN;
}

/** Does any character of line[from, to) differ from a blank? (/^\s*\S/ on that slice) */
function textIn(line: string, from: number, to: number): boolean {
  return !Number.isNaN(firstNonBlank(line, from, to));
}

/** Is the first non-blank character of line[from, to) a letter? (/^\s*[A-Za-z]/ on that slice) */
function letterIn(line: string, from: number, to: number): boolean {
  return isLetter(firstNonBlank(line, from, to));
}

/**
 * " <…>:" right after a code (at `end`): Postfix's restriction refusals name the address or command that way; so do other
 * servers, with words after it ("5.1.0 <someuser@invaliddomain> sender rejected : invalid sender domain", as .NET quotes it;
 * thirteenth hunt #3, refused as no reply). One address or word inside, then ":" or a blank and a letter.
 */
function angleAddressAt(line: string, end: number): boolean {
  if (line.charCodeAt(end) !== 0x20 || line.charCodeAt(end + 1) !== 0x3c /* < */) return false;
  const close = line.indexOf(">", end + 2);
  if (close <= end + 2 || close - end >= 320 || line.slice(end + 2, close).includes(" ")) return false;
  const next = line.charCodeAt(close + 1);
  return next === 0x3a /* : */ || (next === 0x20 && isLetter(line.charCodeAt(close + 2)));
}

/**
 * Do the three characters after a code (at `end`) look like a reply's text? "250-8BITMIME" is a capability
 * line, "503-555-1234" a phone number. Reads the characters in place of testing regexes on a slice:
 * 250 without enhanced code /^[ -]\s*\S/, other codes /^(?: \s*\S|-[A-Za-z])/, an enhanced code alone /^\s*[A-Za-z]/.
 */
function textFollows(line: string, end: number, code: number | undefined, enhanced: string | undefined): boolean {
  // (Or Postfix's address or command in angle brackets first: "5.7.1 <DATA>: Data command rejected: …", eleventh hunt #19.)
  // (Or Japanese words after a code that names a reading alone, as Microsoft's Japanese help writes them: "5.1.90 メッセージ受信者の
  // 1 日の制限に…", fourteenth hunt #3. The table's phrases are English: after any other code, Japanese words say nothing the code
  // does not, and taken as a reply they hid the wrapper's words on their line, .NET's Japanese message, thirteenth hunt #1.)
  if (code === undefined) return letterIn(line, end, end + 3) || angleAddressAt(line, end) || (enhanced !== undefined && isJapanese(firstNonBlank(line, end, end + 3)) && codeAloneRead(enhanced));
  if (enhanced !== undefined) return true;
  const first = line.charCodeAt(end);
  if (first === 0x20 /* " " */) return textIn(line, end + 1, end + 3);
  if (first !== 0x2d /* - */) return false;
  return code === 250 ? textIn(line, end + 1, end + 3) : isLetter(line.charCodeAt(end + 1));
}

/** Positions of the quotes that open a tuple's text ("(535, b'", "retcode(535); Msg: b'") with the tuple's code. */
function tupleQuotes(line: string): Map<number, number> | undefined {
  // Both forms contain "(": most lines have none.
  if (!line.includes("(")) return undefined;
  let tupleCodes: Map<number, number> | undefined;
  TUPLE.lastIndex = 0;
  for (let m = TUPLE.exec(line); m; m = TUPLE.exec(line)) {
    tupleCodes ??= new Map();
    tupleCodes.set(m.index + m[0].length - 1, Number(m[1] ?? m[3]));
  }
  return tupleCodes;
}

/** A line without replies (repliesInLine): one empty list, never changed. */
const NO_REPLIES: readonly LineReply[] = [];

/** Replies in one logical line. */
function repliesInLine(line: string): readonly LineReply[] {
  const tupleCodes = tupleQuotes(line);
  const starts: Start[] = [];
  // Quoted strings open at the current position (innermost last).
  let regions: Array<{ from: number; to: number }> = [];
  // Inside a double-quoted string (a JSON log field such as "err":"Invalid login: 535 …")? Tracked incrementally.
  // A line without '"' is never inside one (the scan below would only count characters).
  let scanned = line.includes('"') ? 0 : line.length;
  let inDouble = false;
  START.lastIndex = 0;
  for (let m = START.exec(line); m; m = START.exec(line)) {
    const index = m.index;
    const code = m[1] !== undefined ? Number(m[1]) : undefined;
    const enhanced = m[2] ?? m[3];
    const end = index + m[0].length;
    if (!cueOk(line, index) || expectedCode(line, index) || docTitle(line, index + m[0].length)) {
      START.lastIndex = index + 1;
      continue;
    }
    if (code !== undefined && !VALID_CODES.has(code)) {
      START.lastIndex = index + 1;
      continue;
    }
    if (!textFollows(line, end, code, enhanced)) continue;
    // Inside a quoted string opened earlier on this line?
    for (; scanned < index; scanned++) {
      const ch = line.charCodeAt(scanned);
      if (ch === 0x5c /* \ */) scanned++;
      else if (ch === 0x22 /* " */) inDouble = !inDouble;
    }
    let limit = inDouble ? closingQuote(line, index, '"') : line.length;
    while (regions.length > 0 && (regions[regions.length - 1] as { to: number }).to <= index) regions.pop();
    for (const r of regions) if (index > r.from && index < r.to) limit = Math.min(limit, r.to);
    let j = index - 1;
    while (j >= 0 && line.charCodeAt(j) === 0x20) j--;
    const q = line.charAt(j);
    let tupleCode: number | undefined;
    if (q === "'" || q === '"' || q === "`") {
      const close = closingQuote(line, index, q);
      regions = regions.filter((r) => r.to > index);
      regions.push({ from: j, to: close });
      limit = Math.min(limit, close);
      if (tupleCodes) {
        tupleCode = tupleCodes.get(j);
        tupleCodes.delete(j);
      }
    }
    starts.push({ index, end, code: code ?? tupleCode, enhanced, limit, sep: code !== undefined ? line.charAt(index + 3) : undefined });
  }
  // No reply in the line (most lines of a log): nothing below to make.
  if (starts.length === 0 && (tupleCodes === undefined || tupleCodes.size === 0)) return NO_REPLIES;
  // A tuple whose text starts without an enhanced code: "(535, b'Authentication unsuccessful')".
  if (tupleCodes && tupleCodes.size > 0) {
    for (const [quoteAt, code] of tupleCodes) {
      const close = closingQuote(line, quoteAt + 1, line.charAt(quoteAt));
      const lead = /^\s*([245]\.\d{1,3}\.\d{1,3})(?!\d|\.\d)/.exec(line.slice(quoteAt + 1, close));
      starts.push({ index: quoteAt + 1, end: quoteAt + 1 + (lead ? lead[0].length : 0), code, enhanced: lead ? (lead[1] as string) : undefined, limit: close, sep: undefined });
    }
    // START's matches come in order already; the tuples' go among them (a stable sort, as before).
    starts.sort((a, b) => a.index - b.index);
  }
  // A dialog's field that shows the code alone, then the field with the reply ("Erro de Servidor: 454 Resposta do Servidor: 454
  // 4.7.1 …", Windows Live Mail, eleventh hunt #18): the first code's "text" is the next field's label, not a reply.
  if (starts.length > 1) dropLabelCodes(line, starts);
  const out: LineReply[] = [];
  for (let i = 0; i < starts.length; i++) {
    const s = starts[i] as Start;
    const next = starts[i + 1];
    const hasNested = next !== undefined && next.index < s.limit;
    const stop = hasNested && next ? next.index : s.limit;
    let bodyFrom = s.end;
    // "250-…" without enhanced code: the text starts after the "-".
    if (s.enhanced === undefined && s.code !== undefined && line.charCodeAt(bodyFrom) === 0x2d && bodyFrom < stop) bodyFrom++;
    const cleaned = cleanText(line.slice(bodyFrom, stop), hasNested);
    const prevStart = starts[i - 1];
    const nested = prevStart !== undefined && s.index < prevStart.limit;
    const nestedText = !hasNested && s.enhanced === "5.7.57" ? /\bError\s*:\s*([A-Za-z].*)$/i.exec(cleaned.text) : null;
    if (nestedText) {
      // "5.7.57 Client not authenticated to send mail. Error: Authentication unsuccessful, …" (the 535 without its codes)
      const outer = cleanText(cleaned.text.slice(0, nestedText.index), true).text;
      out.push({ index: s.index, code: s.code, enhanced: s.enhanced, sep: s.sep, text: outer, stageHint: undefined, hasNested: true, nested });
      out.push({ index: s.index + 1, code: undefined, enhanced: undefined, sep: undefined, text: nestedText[1] as string, stageHint: undefined, hasNested: false, nested: true });
      continue;
    }
    out.push({ index: s.index, code: s.code, enhanced: s.enhanced, sep: s.sep, text: cleaned.text, stageHint: cleaned.stageHint, hasNested, nested });
  }
  return out;
}

/**
 * A field's label right before a value: letters, then a colon and blanks ("Erro de Servidor: "). Made on first use (a code
 * repeated as the next field's): the letters of every script, \p{L}, are a large class to build at every start (issue 15).
 */
let fieldBefore: RegExp | undefined;
/** Words and a colon alone: a field's label ("Resposta do Servidor:", "Server Response:"). */
const LABEL_ONLY = /^\s*[^\d:]{1,40}:\s*$/;

/** Removes (in place) each basic code whose only text is the label of a field that holds the same code with its reply. */
function dropLabelCodes(line: string, starts: Start[]): void {
  for (let i = starts.length - 2; i >= 0; i--) {
    const s = starts[i] as Start;
    const next = starts[i + 1] as Start;
    if (s.code === undefined || s.code < 400 || s.enhanced !== undefined || next.code !== s.code) continue;
    // The code is a field's value itself ("Erro de Servidor: 454", "Server Error: 451"), and its "text" the next field's label.
    if ((fieldBefore ??= /\p{L}[\p{L} ()]{0,38}:\s*$/u).test(line.slice(Math.max(0, s.index - 40), s.index)) && LABEL_ONLY.test(line.slice(s.end, next.index))) starts.splice(i, 1);
  }
}

/** A reply found, with what merging continuation lines needs. */
interface Found {
  reply: SmtpReply;
  pos: number;
  contextStage: ReplyStage | undefined;
  hasNested: boolean;
  nested: boolean;
  sep: string | undefined;
  lineNo: number;
  relayLog: string | undefined;
  said: "XOAUTH2" | "LOGIN" | undefined;
}

export function extractReplies(text: string): Extraction {
  const lines = logicalLines(text);
  const found: Found[] = [];
  const otherLines: LogicalLine[] = [];
  const replyLines: LogicalLine[] = [];
  let context: ReplyStage | undefined;
  let mechanism: ReplyAnalysis["mechanismTried"];
  let transcript = false;
  let commands: Extraction["commands"];
  // What commandFieldMechanism() reads holds "command" (any case) or "Authenticator": looked for once in the whole text, not
  // in each line (most texts hold neither). A line's words are the text's: lines are only cut, and joined with blanks.
  const commandWords = COMMAND_HINT.test(text) || text.includes("Authenticator");
  for (let lineNo = 0; lineNo < lines.length; lineNo++) {
    const line = lines[lineNo] as LogicalLine;
    if (line.direction) transcript = true;
    if (commandWords) mechanism = commandFieldMechanism(line.text) ?? mechanism;
    const verb = VERB_FIRST[line.text.charCodeAt(0)] === 1 ? CLIENT_VERB.exec(line.text) : null;
    if (verb && line.direction !== "server") {
      const v = (verb[1] as string).toUpperCase().replace(/\s+/g, " ");
      context = VERB_STAGE[v] ?? context;
      (commands ??= []).push({ verb: v, index: line.index });
      const auth = CLIENT_AUTH.exec(line.text);
      if (auth) mechanism = toMechanism(auth[1]);
      continue;
    }
    const inLine = repliesInLine(line.text);
    if (inLine.length === 0) {
      otherLines.push(line);
      continue;
    }
    replyLines.push(line);
    const stated = lineStage(line.text);
    const rejects = line.text.includes(": reject: ");
    let from = 0;
    let after = 0;
    let said: Found["said"];
    for (const r of inLine) {
      const own = rejects ? smtpdReject(line.text, r.index) : undefined;
      const reply = makeReply(r.code, r.enhanced, own ? r.text.replace(SMTPD_ENVELOPE, "") : r.text);
      // A poster's or a wrapper's words before the reply (after the reply before it, or after its code where the reply
      // before it ran on to this one), on a line no transcript marks as one side's; a reply quoted inside another answered
      // the same sign-in.
      if (!r.nested) {
        const start = from < r.index ? from : Math.min(r.index, after);
        said = line.direction === undefined && r.index > start ? saidMechanism(line.text.slice(start, r.index)) : undefined;
        from = Math.min(line.text.length, r.index + r.text.length);
        after = r.index + 3;
      }
      const quoted = r.text.includes("AUTH") ? (quotedAuth ??= new RegExp(String.raw`\bcommand\s+["'“]AUTH\s+${MECHANISM}\b`, "i")).exec(r.text) : null;
      if (quoted) mechanism ??= toMechanism(quoted[1]);
      // nodemailer's "Invalid login: …" is its error for a refused AUTH (EAUTH), whatever the reply's code.
      const signIn = quoted !== null || (r.index > 14 && line.text.lastIndexOf(INVALID_LOGIN, r.index) >= 0);
      found.push({ reply, pos: line.index * 1000 + Math.min(r.index, 999), contextStage: own?.stage ?? r.stageHint ?? (signIn ? "auth" : undefined) ?? stated ?? context, hasNested: r.hasNested, nested: r.nested, sep: r.sep, lineNo, relayLog: own?.clue, said });
    }
  }
  // nodemailer's error object names the command the refusal answered ("command: 'AUTH PLAIN'", after the reply): a refusal
  // no transcript placed is that command's (sixth hunt #03: "502 Command not implemented" to AUTH PLAIN read at MAIL FROM).
  const named = commandWords && text.includes("command") ? commandFieldStage(text) : undefined;
  if (named) for (const f of found) if (f.contextStage === undefined && (f.reply.code ?? 0) >= 400) f.contextStage = named;
  const replies = dedupe(mergeMultiline(found));
  const ex: Extraction = mechanism ? { replies, otherLines, lines: replyLines, mechanismTried: mechanism, transcript } : { replies, otherLines, lines: replyLines, transcript };
  if (commands) ex.commands = commands;
  return ex;
}

/**
 * The mechanism of the last logged "command: 'AUTH …'" field of a line, or of SwiftMailer's "Authenticator XOAUTH2
 * returned …" (the mechanism whose attempt the server refused); undefined when the line has neither.
 */
function commandFieldMechanism(text: string): ReplyAnalysis["mechanismTried"] | undefined {
  let mechanism: ReplyAnalysis["mechanismTried"];
  // Each pattern starts with its own word ("command", "Authenticator"): most lines have neither.
  if (COMMAND_HINT.test(text)) {
    const field = (commandField ??= new RegExp(`command['"]?\\s*[:=]\\s*['"]AUTH\\s+${MECHANISM}\\b`, "gi"));
    field.lastIndex = 0;
    for (let m = field.exec(text); m; m = field.exec(text)) mechanism = toMechanism(m[1]);
  }
  if (text.includes("Authenticator ")) {
    // SwiftMailer tries each method the server offers and lists each one's answer ("using 2 possible authenticators.
    // Authenticator LOGIN returned … Authenticator PLAIN returned …", Invoice Ninja in the nineteenth hunt: read as PLAIN, the
    // method refused, blocking): when LOGIN is among them, the password's method was tried; its answer is the one that counts.
    let login = false;
    const said = (authenticator ??= new RegExp(`\\bAuthenticator ${MECHANISM} returned\\b`, "g"));
    said.lastIndex = 0;
    for (let m = said.exec(text); m; m = said.exec(text)) {
      mechanism = toMechanism(m[1]);
      login ||= mechanism === "LOGIN";
    }
    if (login) mechanism = "LOGIN";
  }
  return mechanism;
}

/** A logged error's "command: '…'" field (nodemailer): the command's verb. */
const COMMAND_VERB_FIELD = /\bcommand['"]?\s*[:=]\s*['"](EHLO|HELO|STARTTLS|AUTH|MAIL FROM|RCPT TO|DATA|BDAT)\b/gi;

/** The stage of the last command a logged error's "command:" field names, if any. */
function commandFieldStage(text: string): ReplyStage | undefined {
  let stage: ReplyStage | undefined;
  COMMAND_VERB_FIELD.lastIndex = 0;
  for (let m = COMMAND_VERB_FIELD.exec(text); m; m = COMMAND_VERB_FIELD.exec(text)) stage = commandStage(m[1] as string) ?? stage;
  return stage;
}

function toMechanism(m: string | undefined): ReplyAnalysis["mechanismTried"] {
  const up = (m ?? "").toUpperCase();
  return (MECHANISMS as readonly string[]).includes(up) ? (up as ReplyAnalysis["mechanismTried"]) : undefined;
}

/** "451-4.7.0 …" / "250-…" continuation lines and the final line form one reply. */
function mergeMultiline(found: Found[]): FoundReply[] {
  const out: Found[] = [];
  // The texts of the lines merged into the last record of `out` and their first enhanced code, while its run goes on: the merged
  // reply is made once, when the run ends (folding the whole text once is folding it line by line: foldSpace keeps the words
  // and puts one blank between them). A server's EHLO answer of fifteen "250-" lines was folded and made again at each line.
  let parts: string[] | undefined;
  let enhanced: string | undefined;
  const merged = (prev: Found, texts: string[]): void => {
    // The records are this function's own: the merged reply takes the place of the first one.
    prev.reply = makeReply(prev.reply.code, enhanced, foldSpace(texts.join(" ")));
  };
  for (const f of found) {
    const prev = out[out.length - 1];
    if (prev && prev.sep === "-" && prev.reply.code === f.reply.code && f.lineNo === prev.lineNo + 1 && !prev.hasNested && !f.nested) {
      if (parts === undefined) {
        parts = [prev.reply.text];
        enhanced = prev.reply.enhanced;
      }
      parts.push(f.reply.text);
      enhanced ??= f.reply.enhanced;
      prev.lineNo = f.lineNo;
      if (f.sep) prev.sep = f.sep;
      continue;
    }
    if (prev && parts !== undefined) merged(prev, parts);
    parts = undefined;
    out.push(f);
  }
  const last = out[out.length - 1];
  if (last && parts !== undefined) merged(last, parts);
  return out.map(toFoundReply);
}

/** The public record (contextStage, relayLog and said only when known). */
function toFoundReply({ reply, pos, contextStage, hasNested, nested, relayLog, said }: Found): FoundReply {
  const out: FoundReply = contextStage ? { reply, pos, contextStage, hasNested, nested } : { reply, pos, hasNested, nested };
  if (relayLog !== undefined) out.relayLog = relayLog;
  if (said !== undefined) out.said = said;
  return out;
}

/** Words for an OAuth sign-in: the mechanism, the flow, the token (MailKit's SaslMechanismOAuth2 too). */
const SAYS_OAUTH = /\b(?:X?OAUTH ?2?(?:\.0)?|OAUTHBEARER|client[_ -]credentials?|access[_ -]token|bearer[_ -]token|SaslMechanismOAuth2)\b/i;
/** Words for a password sign-in. */
const SAYS_PASSWORD = /\b(?:passwords?|AUTH (?:LOGIN|PLAIN)|SaslMechanism(?:Login|Plain))\b/i;

/** The sign-in words before a reply name: OAuth or a password, when they name one of them alone. */
function saidMechanism(before: string): "XOAUTH2" | "LOGIN" | undefined {
  const oauth = SAYS_OAUTH.test(before);
  const password = SAYS_PASSWORD.test(before);
  return oauth === password ? undefined : oauth ? "XOAUTH2" : "LOGIN";
}

/** A reply cut short by the wrapper that quoted it ("assertResponseCode('535 5.7.3 Authe...', Array)" in a PHP trace). */
const CUT_SHORT = /(?:\.\.\.|\u2026)$/;

/**
 * Is `f` a cut-short quote of another reply in `found` (the same codes, its text a start of the other's)? Shown, the
 * cut one was the "server reply" of every cause ("535 5.7.3 Authe…").
 */
function cutShortTwin(f: FoundReply, found: readonly FoundReply[]): boolean {
  if (!CUT_SHORT.test(f.reply.text)) return false;
  const start = f.reply.text.replace(CUT_SHORT, "");
  return found.some((o) => o !== f && o.reply.code === f.reply.code && o.reply.enhanced === f.reply.enhanced && o.reply.text.length > start.length && o.reply.text.startsWith(start));
}

/** The same reply quoted twice (message and response field, exception and nested exception) is kept once, at its last position. */
function dedupe(all: FoundReply[]): FoundReply[] {
  // One reply (the usual paste) has no twin.
  if (all.length < 2) return all;
  const found = all.some((f) => CUT_SHORT.test(f.reply.text)) ? all.filter((f) => !cutShortTwin(f, all)) : all;
  const byKey = new Map<string, FoundReply>();
  const out: FoundReply[] = [];
  for (const f of found) {
    const key = `${f.reply.enhanced ?? ""}|${squash(f.reply.text)}`;
    const seen = byKey.get(key);
    if (seen && (seen.reply.code === f.reply.code || seen.reply.code === undefined || f.reply.code === undefined)) {
      if (seen.reply.code === undefined && f.reply.code !== undefined) {
        seen.reply = makeReply(f.reply.code, f.reply.enhanced, f.reply.text);
      }
      seen.pos = Math.max(seen.pos, f.pos);
      seen.hasNested = seen.hasNested || f.hasNested;
      continue;
    }
    byKey.set(key, f);
    out.push(f);
  }
  return out;
}
