// Finding SMTP replies inside any wrapping: exceptions, tuples, log objects, transcripts, NDRs, panel text.
import { logicalLines, type LogicalLine } from "./lines.js";
import { foldSpace, squash } from "./normalize.js";
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
}

const VALID_CODES = new Set([211, 214, 220, 221, 235, 250, 251, 252, 334, 354, 421, 432, 450, 451, 452, 454, 455, 500, 501, 502, 503, 504, 521, 530, 534, 535, 538, 550, 551, 552, 553, 554, 555, 556]);
const START = /([2-5][0-5]\d)(?:(?:[ -]|:[ ]?)[ ]*([245]\.\d{1,3}\.\d{1,3})(?!\d|\.\d))?(?=[ \t-]|$)|([245]\.\d{1,3}\.\d{1,3})(?!\d|\.\d)(?=[ \t]|$)/g;
const CUE_WORDS = new Set(["said", "was", "error", "returned", "reply", "response", "fue", "code", "status", "msg", "smtp", "exception", "failed"]);
const TUPLE = /\(\s*([2-5][0-5]\d)\s*,\s*b?(['"])|retcode\s*\(\s*([2-5][0-5]\d)\s*\)\s*;\s*Msg:\s*b?(['"])/g;
const MECHANISMS = ["LOGIN", "PLAIN", "XOAUTH2", "CRAM-MD5", "NTLM"] as const;
const CLIENT_AUTH = /^['"]?AUTH\s+(LOGIN|PLAIN|XOAUTH2|CRAM-MD5|NTLM)\b/i;
const COMMAND_FIELD = /command['"]?\s*[:=]\s*['"]AUTH\s+(LOGIN|PLAIN|XOAUTH2|CRAM-MD5|NTLM)\b/gi;
const CLIENT_VERB = /^['"]?(EHLO|HELO|STARTTLS|AUTH|MAIL FROM|RCPT TO|DATA|BDAT|QUIT|RSET)\b/i;
const IN_REPLY_TO = /\s*\(in reply to (.{1,40}?) command\)/i;

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

function isWordChar(ch: string): boolean {
  return /[A-Za-z0-9_]/.test(ch);
}

/** Is the code at `idx` where a reply would start (not a number inside prose, a host, a version)? */
function cueOk(line: string, idx: number): boolean {
  const before = line.charAt(idx - 1);
  if (before && (isWordChar(before) || before === "." || before === "-" || before === "/" || before === "@" || before === "+" || before === "#")) return false;
  let j = idx - 1;
  while (j >= 0 && (line[j] === " " || line[j] === "\t")) j--;
  if (j < 0) return true;
  const prev = line.charAt(j);
  if (!/[A-Za-z0-9]/.test(prev)) return true; // punctuation, quotes, CJK
  let k = j;
  while (k >= 0 && /[A-Za-z]/.test(line.charAt(k)) && j - k < 20) k--;
  return CUE_WORDS.has(line.slice(k + 1, j + 1).toLowerCase());
}

/** Index of the quote that closes a quoted string opened before `from`. */
function closingQuote(line: string, from: number, quote: string): number {
  for (let i = from; i < line.length; i++) {
    const ch = line[i];
    if (ch === "\\") {
      i++;
      continue;
    }
    if (ch === quote && !/[A-Za-z]/.test(line.charAt(i + 1))) return i;
  }
  return line.length;
}

function unescape(s: string): string {
  return s.replace(/\\(['"\\])/g, "$1");
}

/** Trailing wrapper debris: "(in reply to … command)", unbalanced ")", stray quotes, host/timestamp suffix. */
function cleanText(raw: string, nestedFollows: boolean): { text: string; stageHint?: ReplyStage } {
  let s = unescape(raw);
  let stageHint: ReplyStage | undefined;
  const inReply = IN_REPLY_TO.exec(s);
  if (inReply) {
    const cmd = (inReply[1] as string).toUpperCase();
    stageHint = cmd.includes("DATA") ? "data" : cmd.includes("RCPT") ? "rcpt" : cmd.includes("MAIL") ? "mail-from" : cmd.includes("AUTH") ? "auth" : cmd.includes("EHLO") || cmd.includes("HELO") ? "ehlo" : undefined;
    s = s.slice(0, inReply.index);
  }
  s = foldSpace(s);
  for (let pass = 0; pass < 12; pass++) {
    const before = s;
    const last = s.charAt(s.length - 1);
    if (last === ")" && count(s, "(") < count(s, ")")) s = s.slice(0, -1);
    else if ((last === "'" || last === '"' || last === "`") && count(s, last) % 2 === 1) s = s.slice(0, -1);
    else if (last === "," || last === ";" || last === "}" || last === "\\" || last === "|") s = s.slice(0, -1);
    s = s.replace(/\s*\[[^[\]]{0,200}\]$/, "");
    if (nestedFollows) s = s.replace(/\s*(?:Error|error|ERROR|Fehler|エラー)?\s*:\s*$/, "");
    s = s.trim();
    if (s === before) break;
  }
  return stageHint ? { text: s, stageHint } : { text: s };
}

function count(s: string, ch: string): number {
  let n = 0;
  for (let i = s.indexOf(ch); i !== -1; i = s.indexOf(ch, i + 1)) n++;
  return n;
}

function makeReply(code: number | undefined, enhanced: string | undefined, text: string): SmtpReply {
  const line = [code !== undefined ? String(code) : "", enhanced ?? "", text].filter(Boolean).join(" ");
  const reply: SmtpReply = { text, line };
  if (code !== undefined) reply.code = code;
  if (enhanced !== undefined) reply.enhanced = enhanced;
  return reply;
}

interface Start {
  index: number;
  end: number;
  code?: number;
  enhanced?: string;
  /** Where this reply's text must stop (closing quote of the string it sits in, or line end). */
  limit: number;
  sep?: string;
}

/** Replies in one logical line. */
function repliesInLine(line: string): Array<Start & { text: string; stageHint?: ReplyStage; hasNested: boolean; nested: boolean }> {
  const tupleCodes = new Map<number, number>();
  TUPLE.lastIndex = 0;
  for (let m = TUPLE.exec(line); m; m = TUPLE.exec(line)) {
    const code = Number(m[1] ?? m[3]);
    tupleCodes.set(m.index + m[0].length - 1, code);
  }
  const starts: Start[] = [];
  // Quoted strings open at the current position (innermost last).
  let regions: Array<{ from: number; to: number }> = [];
  // Inside a double-quoted string (a JSON log field such as "err":"Invalid login: 535 …")? Tracked incrementally.
  let scanned = 0;
  let inDouble = false;
  START.lastIndex = 0;
  for (let m = START.exec(line); m; m = START.exec(line)) {
    const index = m.index;
    const code = m[1] !== undefined ? Number(m[1]) : undefined;
    const enhanced = m[2] ?? m[3];
    const end = index + m[0].length;
    if (!cueOk(line, index)) {
      START.lastIndex = index + 1;
      continue;
    }
    if (code !== undefined && !VALID_CODES.has(code)) {
      START.lastIndex = index + 1;
      continue;
    }
    const rest = line.slice(end, end + 3);
    // "250-8BITMIME" is a capability line; "503-555-1234" is a phone number.
    if (enhanced === undefined && !(code === 250 ? /^[ -]\s*\S/ : /^(?: \s*\S|-[A-Za-z])/).test(rest)) continue;
    if (code === undefined && !/^\s*[A-Za-z]/.test(rest)) continue;
    // Inside a quoted string opened earlier on this line?
    for (; scanned < index; scanned++) {
      const ch = line[scanned];
      if (ch === "\\") scanned++;
      else if (ch === '"') inDouble = !inDouble;
    }
    let limit = inDouble ? closingQuote(line, index, '"') : line.length;
    while (regions.length > 0 && (regions[regions.length - 1] as { to: number }).to <= index) regions.pop();
    for (const r of regions) if (index > r.from && index < r.to) limit = Math.min(limit, r.to);
    let j = index - 1;
    while (j >= 0 && line[j] === " ") j--;
    const q = line.charAt(j);
    let tupleCode: number | undefined;
    if (q === "'" || q === '"' || q === "`") {
      const close = closingQuote(line, index, q);
      regions = regions.filter((r) => r.to > index);
      regions.push({ from: j, to: close });
      limit = Math.min(limit, close);
      tupleCode = tupleCodes.get(j);
      tupleCodes.delete(j);
    }
    const start: Start = { index, end, limit };
    const c = code ?? tupleCode;
    if (c !== undefined) start.code = c;
    if (enhanced !== undefined) start.enhanced = enhanced;
    const sep = line.charAt(index + 3);
    if (code !== undefined) start.sep = sep;
    starts.push(start);
  }
  // A tuple whose text starts without an enhanced code: "(535, b'Authentication unsuccessful')".
  for (const [quoteAt, code] of tupleCodes) {
    const close = closingQuote(line, quoteAt + 1, line.charAt(quoteAt));
    const lead = /^\s*([245]\.\d{1,3}\.\d{1,3})(?!\d|\.\d)/.exec(line.slice(quoteAt + 1, close));
    const start: Start = { index: quoteAt + 1, end: quoteAt + 1 + (lead ? lead[0].length : 0), code, limit: close };
    if (lead) start.enhanced = lead[1] as string;
    starts.push(start);
  }
  starts.sort((a, b) => a.index - b.index);
  const out: Array<Start & { text: string; stageHint?: ReplyStage; hasNested: boolean; nested: boolean }> = [];
  for (let i = 0; i < starts.length; i++) {
    const s = starts[i] as Start;
    const next = starts[i + 1];
    const hasNested = next !== undefined && next.index < s.limit;
    const stop = hasNested && next ? next.index : s.limit;
    const body = s.enhanced === undefined && s.code !== undefined ? line.slice(s.end, stop).replace(/^-/, "") : line.slice(s.end, stop);
    const cleaned = cleanText(body, hasNested);
    const prevStart = starts[i - 1];
    const nestedText = !hasNested && s.enhanced === "5.7.57" ? /\bError\s*:\s*([A-Za-z].*)$/i.exec(cleaned.text) : null;
    if (nestedText) {
      // "5.7.57 Client not authenticated to send mail. Error: Authentication unsuccessful, …" (the 535 without its codes)
      const outer = cleanText(cleaned.text.slice(0, nestedText.index), true).text;
      out.push({ ...s, text: outer, hasNested: true, nested: prevStart !== undefined && s.index < prevStart.limit });
      out.push({ index: s.index + 1, end: s.end, limit: s.limit, text: nestedText[1] as string, hasNested: false, nested: true });
      continue;
    }
    out.push({ ...s, text: cleaned.text, ...(cleaned.stageHint ? { stageHint: cleaned.stageHint } : {}), hasNested, nested: prevStart !== undefined && s.index < prevStart.limit });
  }
  return out;
}

export function extractReplies(text: string): Extraction {
  const lines = logicalLines(text);
  const found: Array<FoundReply & { sep?: string; lineNo: number }> = [];
  const otherLines: LogicalLine[] = [];
  const replyLines: LogicalLine[] = [];
  let context: ReplyStage | undefined;
  let mechanism: ReplyAnalysis["mechanismTried"];
  let transcript = false;
  lines.forEach((line, lineNo) => {
    if (line.direction) transcript = true;
    COMMAND_FIELD.lastIndex = 0;
    for (let m = COMMAND_FIELD.exec(line.text); m; m = COMMAND_FIELD.exec(line.text)) mechanism = toMechanism(m[1]);
    const verb = CLIENT_VERB.exec(line.text);
    if (verb && line.direction !== "server") {
      const v = (verb[1] as string).toUpperCase().replace(/\s+/g, " ");
      context = VERB_STAGE[v] ?? context;
      const auth = CLIENT_AUTH.exec(line.text);
      if (auth) mechanism = toMechanism(auth[1]);
      return;
    }
    const inLine = repliesInLine(line.text);
    if (inLine.length === 0) {
      otherLines.push(line);
      return;
    }
    replyLines.push(line);
    for (const r of inLine) {
      const reply = makeReply(r.code, r.enhanced, r.text);
      const contextStage = r.stageHint ?? context;
      found.push({ reply, pos: line.index * 1000 + Math.min(r.index, 999), ...(contextStage ? { contextStage } : {}), hasNested: r.hasNested, nested: r.nested, ...(r.sep ? { sep: r.sep } : {}), lineNo });
    }
  });
  return { replies: dedupe(mergeMultiline(found)), otherLines, lines: replyLines, ...(mechanism ? { mechanismTried: mechanism } : {}), transcript };
}

function toMechanism(m: string | undefined): ReplyAnalysis["mechanismTried"] {
  const up = (m ?? "").toUpperCase();
  return (MECHANISMS as readonly string[]).includes(up) ? (up as ReplyAnalysis["mechanismTried"]) : undefined;
}

/** "451-4.7.0 …" / "250-…" continuation lines and the final line form one reply. */
function mergeMultiline(found: Array<FoundReply & { sep?: string; lineNo: number }>): FoundReply[] {
  const out: Array<FoundReply & { sep?: string; lineNo: number }> = [];
  for (const f of found) {
    const prev = out[out.length - 1];
    if (prev && prev.sep === "-" && prev.reply.code === f.reply.code && f.lineNo === prev.lineNo + 1 && !prev.hasNested && !f.nested) {
      const text = foldSpace(`${prev.reply.text} ${f.reply.text}`);
      const merged = makeReply(prev.reply.code, prev.reply.enhanced ?? f.reply.enhanced, text);
      out[out.length - 1] = { ...prev, reply: merged, lineNo: f.lineNo, ...(f.sep ? { sep: f.sep } : {}) };
      continue;
    }
    out.push(f);
  }
  return out.map(({ reply, pos, contextStage, hasNested, nested }) => ({ reply, pos, ...(contextStage ? { contextStage } : {}), hasNested, nested }));
}

/** The same reply quoted twice (message and response field, exception and nested exception) is kept once, at its last position. */
function dedupe(found: FoundReply[]): FoundReply[] {
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
