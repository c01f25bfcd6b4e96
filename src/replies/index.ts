// analyzeReply: pasted error text → the SMTP replies in it → candidate causes. Pure, never throws.
import { redactSecrets } from "../case/redact.js";
import { extractReplies, type FoundReply } from "./extract.js";
import { MAX_INPUT, normalizeText } from "./normalize.js";
import { classifyCodeless, classifyReply, type ReplyPattern } from "./patterns.js";
import { redactTranscriptCredentials } from "./redact-extra.js";
import { detectClient, isKyocera1102, KYOCERA_SIGNAL, signalInLine, type Signal } from "./signals.js";
import type { ReplyAnalysis, ReplyMatch, ReplyStage, SmtpReply } from "./types.js";

export type { ReplyAnalysis, ReplyMatch, ReplyStage, SmtpReply } from "./types.js";

const GUARD = "\uE000";

interface Ranked {
  match: ReplyMatch;
  pos: number;
  /** A consequence of another failure (an echo, "too many errors"), never the explanation when something else is there. */
  demoted: boolean;
}

export function analyzeReply(input: string): ReplyAnalysis {
  let safeInput = "";
  try {
    let raw = typeof input === "string" ? input : String(input ?? "");
    const truncated = raw.length > MAX_INPUT;
    if (truncated) raw = raw.slice(0, MAX_INPUT);
    raw = raw.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
    // The case redactor would take "250-AUTH LOGIN XOAUTH2" (the server's capability list) for a payload.
    const guarded = raw.replace(/(\b250[ -]\s*AUTH)(?=[ \t])/g, `$1${GUARD}`);
    safeInput = redactTranscriptCredentials(redactSecrets(guarded)).split(GUARD).join("");
    const analysis = analyze(safeInput);
    return truncated ? { ...analysis, truncated } : analysis;
  } catch {
    return { input: safeInput, replies: [], matches: [], authSucceeded: false, recognized: false };
  }
}

function analyze(input: string): ReplyAnalysis {
  const text = normalizeText(input);
  const ex = extractReplies(text);
  const ranked: Ranked[] = [];
  const replies: SmtpReply[] = [];

  for (const f of ex.replies) {
    replies.push(f.reply);
    const pattern = classifyReply(f.reply);
    if (!pattern) continue;
    ranked.push(rank(f, pattern));
  }

  // Text-only replies: a panel that shows "Authentication unsuccessful, account locked." without codes.
  for (const line of ex.otherLines) {
    if (line.direction === "client") continue;
    const body = stripLeadIn(line.text);
    if (!/^[A-Za-z]/.test(body)) continue;
    const reply: SmtpReply = { text: body, line: body };
    const pattern = classifyCodeless(reply);
    if (!pattern) continue;
    replies.push(reply);
    ranked.push(rank({ reply, pos: line.index * 1000, hasNested: false, nested: false }, pattern));
  }

  // Failures that are not SMTP replies.
  const failureReplies = ranked.some((r) => !r.match.success);
  const signals = new Map<string, Ranked>();
  for (const line of ex.otherLines) {
    const found: Signal[] = [];
    const s = signalInLine(line.text);
    if (s) found.push(s);
    if (isKyocera1102(line.text, text)) found.push(KYOCERA_SIGNAL);
    for (const sig of found) {
      if (sig.fallbackOnly && failureReplies) continue;
      const excerpt = line.text.length > 300 ? `${line.text.slice(0, 297)}...` : line.text;
      const match: ReplyMatch = { patternId: sig.id, reply: { text: excerpt, line: excerpt }, stage: sig.stage, candidates: [...sig.candidates], decisive: sig.decisive, success: false };
      signals.set(sig.id, { match, pos: line.index * 1000 + 999, demoted: Boolean(sig.fallbackOnly) || sig === KYOCERA_SIGNAL });
    }
  }
  ranked.push(...signals.values());

  // A 5.7.57 after a failed AUTH is a consequence of that failure (§4 C10).
  const authFailed = ranked.some((r) => !r.match.success && r.match.stage === "auth" && r.match.candidates.length > 0 && !r.demoted);
  for (const r of ranked) {
    if (r.match.patternId === "not-authenticated" && authFailed) r.demoted = true;
    if (r.match.patternId === "too-many-errors" && ranked.some((o) => o !== r && !o.match.success && o.match.candidates.length > 0)) r.demoted = true;
  }

  ranked.sort(compare);
  const matches = ranked.map((r) => r.match);
  const first = ranked[0];
  const primary = first && !first.match.success ? first.match : undefined;
  const recognized = replies.length > 0 || ranked.length > 0;
  const client = detectClient(text) ?? (ex.transcript && replies.length > 0 ? "transcript" : signals.has(KYOCERA_SIGNAL.id) ? "kyocera" : recognized ? "plain" : undefined);
  const analysis: ReplyAnalysis = {
    input,
    replies,
    matches,
    authSucceeded: matches.some((m) => m.patternId === "auth-success"),
    recognized,
  };
  if (primary) analysis.primary = primary;
  if (ex.mechanismTried) analysis.mechanismTried = ex.mechanismTried;
  if (client) analysis.client = client;
  return analysis;
}

function rank(f: FoundReply, pattern: ReplyPattern): Ranked {
  // "5.7.57 Client not authenticated to send mail. Error: 535 …": the 5.7.57 only echoes the AUTH failure.
  if (pattern.id === "not-authenticated" && (f.hasNested || /\berror\s*:\s*\S/i.test(f.reply.text))) {
    return {
      match: { patternId: "not-authenticated-after-auth-failure", reply: f.reply, stage: "mail-from", candidates: [], decisive: false, success: false },
      pos: f.pos,
      demoted: true,
    };
  }
  const stage: ReplyStage = pattern.stage === "context" ? (f.contextStage ?? stageByCode(f.reply)) : pattern.stage;
  return {
    match: { patternId: pattern.id, reply: f.reply, stage, candidates: [...pattern.candidates], decisive: pattern.decisive, success: pattern.success === true },
    pos: f.pos,
    demoted: false,
  };
}

function stageByCode(reply: SmtpReply): ReplyStage {
  switch (reply.code) {
    case 220:
    case 421:
    case 432:
      return "connect";
    case 235:
    case 334:
    case 454:
    case 534:
    case 535:
    case 538:
      return "auth";
    case 354:
    case 552:
    case 554:
      return "data";
    case 452:
    case 553:
      return "rcpt";
    case undefined:
      return "ndr";
    default:
      return "mail-from";
  }
}

/** Failures first; among them: not demoted, decisive, with candidates, the latest. */
function compare(a: Ranked, b: Ranked): number {
  const key = (r: Ranked): number[] => [r.match.success ? 1 : 0, r.demoted ? 1 : 0, r.match.decisive ? 0 : 1, r.match.candidates.length > 0 ? 0 : 1];
  const ka = key(a);
  const kb = key(b);
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return (ka[i] as number) - (kb[i] as number);
  return a.match.success ? a.pos - b.pos : b.pos - a.pos;
}

/** "送信エラー: Authentication unsuccessful, …" → the English part after a non-English lead-in. */
function stripLeadIn(text: string): string {
  const anchor = /Authentication unsuccessful|SmtpClientAuthentication|Client not authenticated|Client was not authenticated/i.exec(text);
  if (anchor) return text.slice(anchor.index);
  const m = /^[^A-Za-z]*?[:：]\s*(?=[A-Za-z])/.exec(text);
  if (m) return text.slice(m[0].length);
  return text.replace(/^[^A-Za-z]{0,80}(?=[A-Za-z])/, "");
}
