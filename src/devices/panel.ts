// What a device's panel shows → the vendor's codes and messages in the reference. Pure.
// A code of the vendor's shape that the reference does not have is reported as unknown; codes the
// reference names but could not confirm are reported as unconfirmed. Causes a panel entry points
// at are only ever "possible" (unless the message names its one cause: PanelEntry.names), and only used
// when the text holds no SMTP failure of its own.
import type { ReplyAnalysis, ReplyMatch } from "../replies/types.js";
import { GENERIC_FAILURE } from "../replies/signals.js";
import type { PanelEntry, UnconfirmedCodes, VendorProfile } from "./types.js";

export type PanelFinding =
  | { kind: "known"; entry: PanelEntry; excerpt: string }
  | { kind: "unconfirmed"; codes: UnconfirmedCodes; excerpt: string }
  | { kind: "unknown-code"; excerpt: string };

/** Pasted text is bounded before any pattern runs. */
const MAX_TEXT = 64 * 1024;
const MAX_UNKNOWN = 3;

/** The matched text (the first group when the pattern has one), trimmed. */
function firstMatch(patterns: readonly RegExp[], text: string): string | undefined {
  for (const re of patterns) {
    const m = re.exec(text);
    if (m) return (m[1] ?? m[0]).trim().replace(/^[^\w#\u3000-\u9fff]+/, "");
  }
  return undefined;
}

/** Codes the text holds in the vendor's code shape, as written (trimmed; the first group when the shape has one). */
function shapedCodes(shape: RegExp, text: string): string[] {
  const global = new RegExp(shape.source, shape.flags.includes("g") ? shape.flags : `${shape.flags}g`);
  const out: string[] = [];
  for (const m of text.matchAll(global)) {
    const code = (m[1] ?? m[0]).replace(/^[^\w#]+/, "").trim();
    if (code && !out.includes(code)) out.push(code);
    if (out.length >= 20) break;
  }
  return out;
}

const digits = (s: string) => s.replace(/[^0-9A-Za-z]/g, "").replace(/^0x/i, "").toLowerCase();

export function matchPanel(profile: VendorProfile, input: string): PanelFinding[] {
  const text = input.slice(0, MAX_TEXT);
  const found: PanelFinding[] = [];
  for (const entry of profile.panel) {
    const excerpt = firstMatch(entry.patterns, text) ?? (entry.patternsWithMaker ? firstMatch(entry.patternsWithMaker, text) : undefined);
    if (excerpt !== undefined) found.push({ kind: "known", entry, excerpt });
  }
  for (const codes of profile.unconfirmedCodes ?? []) {
    const excerpt = firstMatch(codes.patterns, text);
    if (excerpt !== undefined && !found.some((f) => digits(f.excerpt) === digits(excerpt))) found.push({ kind: "unconfirmed", codes, excerpt });
  }
  if (profile.codeShape) {
    let unknown = 0;
    for (const code of shapedCodes(profile.codeShape, text)) {
      const key = digits(code);
      if (found.some((f) => digits(f.excerpt).endsWith(key) || key.endsWith(digits(f.excerpt)))) continue;
      found.push({ kind: "unknown-code", excerpt: code });
      if (++unknown >= MAX_UNKNOWN) break;
    }
  }
  return found;
}

/**
 * The excerpt of the first of the profile's messages the text holds (matchPanel's first "known" finding), without
 * looking for codes: what the wizard asks of every maker when a paste arrives (the maker is not chosen yet). Only `patterns`:
 * a form read only with the maker known (`patternsWithMaker`: "839" without its "#") names no maker.
 */
export function firstKnownMessage(profile: VendorProfile, input: string): string | undefined {
  const text = input.slice(0, MAX_TEXT);
  for (const entry of profile.panel) {
    const excerpt = firstMatch(entry.patterns, text);
    if (excerpt !== undefined) return excerpt;
  }
  return undefined;
}

/**
 * The first known entry the engine may use: one that points at several causes (a sign-in failure
 * of any kind). An entry with a single cause is not given to the engine: its reply gate would take
 * a lone candidate as named by the server (blocking, and "AUTH passed" for a sender cause), which
 * a device's general message cannot carry. Those causes are shown as possible in the device section.
 * A message that names its one cause in the device's own words (`names`: Sharp's "Token update failed") is given.
 */
export function enginePanel(findings: readonly PanelFinding[]): (PanelFinding & { kind: "known" }) | undefined {
  // (One cause that the message does not name is passed too: the engine holds it possible, never decided. Ricoh's "Transmission
  // has failed" pointed at Send As in the device section while the causes said none, ninth hunt #3.)
  return findings.find((f): f is PanelFinding & { kind: "known" } => f.kind === "known" && f.entry.causes.length > 0);
}

/**
 * The reply analysis with the panel code added as a failure (decisive only for a message that names its cause), when the text holds no
 * SMTP failure of its own (the server's reply, if any, always decides). Pattern ids start with "panel:".
 */
export function withPanelMatch(analysis: ReplyAnalysis | undefined, findings: readonly PanelFinding[], input: string): ReplyAnalysis | undefined {
  // Words that say only that something failed (GENERIC_FAILURE: "Send failed", Ricoh's own "Transmission has failed") give way to
  // the maker's reading of a message or a code of its own, and are left out beside it: they say nothing more.
  if (analysis?.primary && !GENERIC_FAILURE.has(analysis.primary.patternId)) return analysis;
  const panel = enginePanel(findings);
  if (!panel) return analysis;
  const match: ReplyMatch = {
    patternId: `panel:${panel.entry.id}`,
    reply: { text: panel.excerpt, line: panel.excerpt },
    stage: panel.entry.stage ?? "auth",
    candidates: [...panel.entry.causes],
    decisive: panel.entry.names === true,
    success: false,
  };
  const base: ReplyAnalysis = analysis ?? { input, replies: [], matches: [], authSucceeded: false, recognized: false };
  return { ...base, matches: [match, ...base.matches.filter((m) => !GENERIC_FAILURE.has(m.patternId))], primary: match, recognized: true };
}

/** The longest paste read as "only a code" (a code typed with a few words around it). */
const BARE_MAX = 80;
/** Latin words a help desk types around a code ("Error code #801", "scan to e-mail NG #801"); any other word is text of its own. */
const BARE_WORDS = new Set([
  "canon", "error", "err", "errors", "code", "no", "number", "send", "sending", "sent", "tx", "failed", "failure", "fail", "ng",
  "e-mail", "email", "mail", "scan", "to", "job", "log", "status", "result", "panel", "shows", "showed", "shown", "displayed",
]);

/**
 * The code, when the whole paste is one code of the vendor's `bareCode` shape: one line, at most BARE_MAX characters (full-width
 * characters read as their ASCII forms), the code once, no other digit, and no other Latin word than BARE_WORDS (Japanese words
 * around it, such as "送信エラー" or "が表示されました", are allowed). A port, a year, an issue number in a sentence or a log line with
 * a time in it is not a bare code.
 */
export function bareCode(profile: VendorProfile, input: string): string | undefined {
  if (!profile.bareCode) return undefined;
  const text = input.normalize("NFKC").trim();
  if (text === "" || text.length > BARE_MAX || /[\r\n]/.test(text)) return undefined;
  const shape = profile.bareCode;
  const matches = [...text.matchAll(new RegExp(shape.source, shape.flags.includes("g") ? shape.flags : `${shape.flags}g`))];
  const m = matches[0];
  if (matches.length !== 1 || m === undefined) return undefined;
  const rest = `${text.slice(0, m.index)} ${text.slice(m.index + m[0].length)}`;
  if (/\d/.test(rest)) return undefined;
  if ((rest.match(/[A-Za-z][A-Za-z-]*/g) ?? []).some((w) => !BARE_WORDS.has(w.toLowerCase()))) return undefined;
  return m[0].replace(/\s+/g, "");
}
