// analyzeReply: pasted error text → the SMTP replies in it → candidate causes. Pure, never throws.
import { mayHoldSecret, redactSecrets } from "../case/redact.js";
import { extractReplies, makeReply, textStage, type Extraction, type FoundReply } from "./extract.js";
import type { LogicalLine } from "./lines.js";
import { MAX_INPUT, normalizeText } from "./normalize.js";
import { AUTH_ANY, classifyCodeless, classifyReply, codelessPossible, phrasesIn, type ReplyPattern } from "./patterns.js";
import { analysisOutside, isConsumerMicrosoftAddress, providerFromText, providerFromWords } from "./providers.js";
import { redactTranscriptCredentials } from "./redact-extra.js";
import type { Finds } from "./phrases.js";
import { detectClient, MAILKIT_SSL_ON_STARTTLS_PORT, sslOnStarttlsPort, ENTRA_HOST, ENTRA_UNREACHABLE_SIGNAL, GENERIC_FAILURE, isKyocera1102, KYOCERA_SIGNAL, MX_HOST_GREETING, MX_HOST_SETTING, networkSignal, sharedHostGreeting, SMTP_INTERCEPTED, SMTP_INTERCEPTED_GREETING, NO_AUTH_AT_MX_HOST, NO_USABLE_MECHANISM, QUIT_AFTER_SIGN_IN, READ_TIMEOUT_AT_SIGN_IN, READ_TIMEOUT_SIGNAL, READ_WORDS, SIGN_IN_UNDER_WAY, signalInLine, SIGN_IN_FAILED_WORDS, TLS_AFTER_STARTTLS, TLS_AFTER_STARTTLS_QUOTED, STARTTLS_ANSWERED_PLAIN, IMPLICIT_TLS_ON_587, implicitTlsOn587, PHP_STARTTLS_CRYPTO, NOT_A_TLS_RECORD, TNC_TCP_FAILED, type Signal } from "./signals.js";
import type { ReplyAnalysis, ReplyMatch, ReplyStage, SmtpReply } from "./types.js";
import { sortInPlace } from "../engine/sort.js";
import { count, includesSplit, isDigit, isLetter, isSpaceCode } from "./chars.js";
import { ENTRA_READING, entraErrorsIn, mayHoldEntraError, type EntraError } from "./aadsts.js";
import { DELIVERY_CAUSES } from "../engine/causes.js";

export type { ReplyAnalysis, ReplyMatch, ReplyStage, SmtpReply } from "./types.js";
export { analysisOutside, causesOutside, isConsumerMicrosoftAddress, providerFromHost, providerFromText } from "./providers.js";
export { GENERIC_FAILURE, TEXT_HIDING_SIGNALS, TLS_AFTER_STARTTLS_QUOTED } from "./signals.js";

const GUARD = "\uE000";
/** The signals of a text without any (analyze: no map made for none). */
const NO_SIGNALS: ReadonlyMap<string, Ranked> = new Map<string, Ranked>();
/** Causes at delivery (any service's). */
const DELIVERY: ReadonlySet<string> = new Set(DELIVERY_CAUSES);
const SURROGATE = /[\uD800-\uDFFF]/;

interface Ranked {
  match: ReplyMatch;
  pos: number;
  /** A consequence of another failure (an echo, "too many errors"), never the explanation when something else is there. */
  demoted: boolean;
  /** The reply is a relay's own refusal, logged by it (FoundReply.relayLog): the words of its log. */
  relayLog?: string;
  /** A refusal at sign-in: the sign-in the words before it name (FoundReply.said). */
  said?: "XOAUTH2" | "LOGIN";
}

/** The pattern id of a refusal a relay logged as its own (Postfix's smtpd "NOQUEUE: reject: …"). */
export const RELAY_OWN_REFUSAL = "relay-own-refusal";

/** A relay host written as Postfix writes relayhost ("[smtp.office365.com]:587"), quoted in a refusal as its reason. */
const RELAY_HOST = /\[[A-Za-z0-9.-]{1,253}\]:\d{1,5}\b/;

export interface AnalyzeOptions {
  /** Name the client wrapper (`client`): for reports and explain; the engine never reads it (default true). */
  client?: boolean;
}

export function analyzeReply(input: string, opts: AnalyzeOptions = {}): ReplyAnalysis {
  let safeInput = "";
  try {
    let raw = typeof input === "string" ? input : String(input ?? "");
    const truncated = raw.length > MAX_INPUT;
    if (truncated) raw = raw.slice(0, MAX_INPUT);
    if (SURROGATE.test(raw)) raw = raw.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
    // Most pastes hold no secret: nothing to guard or redact (the guard below only ever hides words,
    // and the transcript redactor needs a 334 too). safeInput is set only once redacted.
    let safe = raw;
    // (Read before the redaction below takes the XOAUTH2 string away: only the address, and only a personal account's.)
    const oauthUser = raw.includes("dXNlcj") ? consumerOAuthUser(raw) : undefined;
    if (mayHoldSecret(raw)) {
      // The case redactor would take "250-AUTH LOGIN XOAUTH2" (the server's capability list) for a payload.
      const guarded = raw.includes("250") && raw.includes("AUTH") ? raw.replace(/(\b250[ -]\s*AUTH)(?=[ \t])/g, `$1${GUARD}`) : raw;
      const redacted = redactTranscriptCredentials(redactSecrets(guarded));
      safe = redacted.includes(GUARD) ? redacted.split(GUARD).join("") : redacted;
    }
    safeInput = safe;
    const analysis = analyze(safeInput, opts.client !== false);
    if (oauthUser !== undefined && analysis.recognized) analysis.oauthUser = oauthUser;
    return truncated ? { ...analysis, truncated } : analysis;
  } catch {
    return { input: safeInput, replies: [], matches: [], authSucceeded: false, recognized: false };
  }
}

function analyze(input: string, withClient: boolean): ReplyAnalysis {
  const text = normalizeText(input);
  const ex = extractReplies(text);
  const ranked: Ranked[] = [];
  const replies: SmtpReply[] = [];

  // A message trace's error detail ("LED=450 4.4.317 Cannot connect to remote server [Message=451 5.7.3 …]"): the reply
  // inside "[Message=" is the next server's answer to Exchange Online, not the device's (fifth hunt #3: "use port 587 with
  // STARTTLS on the device" for Exchange Online's own connector to an on-premises server).
  // The same in Exchange Online's report to the sender ("… returned '450 4.4.317 Cannot connect to remote server [Message=451 5.7.3 …]'",
  // "'550 5.4.317 Message expired, cannot connect to remote server(451 5.7.3 …)'"): there the recipient's server answered it
  // (fifteenth hunt #4, an exim4 without STARTTLS: "use port 587 with STARTTLS on the device" again).
  const trace = (text.includes("[Message=") || includesSplit(text, "remote server", "(")) && (text.includes("LED=") || CANNOT_CONNECT.test(text));
  for (const f of ex.replies) {
    if (trace && f.nested) {
      // (Without the "]" that closes "[Message=", nor the report's fields after it: "…mail] [LastAttemptedServerName=…] […](".)
      const close = f.reply.text.search(MESSAGE_FIELD_END);
      const reply = close >= 0 ? makeReply(f.reply.code, f.reply.enhanced, f.reply.text.slice(0, close).trimEnd()) : f.reply;
      replies.push(reply);
      ranked.push({ match: { patternId: NEXT_SERVER_ANSWER, reply, stage: "ndr", candidates: [], decisive: false, success: false }, pos: f.pos, demoted: true });
      continue;
    }
    if (trace && f.hasNested) {
      const opener = f.reply.text.endsWith("[Message=") ? "[Message=" : f.reply.text.endsWith("(") ? "(" : "";
      if (opener) f.reply = makeReply(f.reply.code, f.reply.enhanced, f.reply.text.slice(0, -opener.length).trimEnd());
    }
    replies.push(f.reply);
    const pattern = classifyReply(f.reply);
    if (!pattern) continue;
    ranked.push(rank(f, pattern));
  }
  // Some replies read otherwise once the rest of the text is known (rereadInText): what the text around them shows.
  // (What only a protocol error needs is looked for when one is there: see rereadInText.)
  const around: TextClues = { text };
  for (const r of ranked) r.match = rereadInText(r.match, around);

  // Each other line once: the failures that are not SMTP replies (signals, kept for below) and the
  // text-only replies (a panel that shows "Authentication unsuccessful, account locked." without codes).
  // Both read the line's phrases: found once, when the line has no lead-in to cut for the second.
  // MailKit's SslHandshakeException lists every possible reason as numbered lines ("1. The server is
  // using a self-signed certificate …"): those are its guesses, not what happened.
  // Whether the text is MailKit's list: looked for once, at the first numbered line (most texts have none).
  let mailkitList: boolean | undefined;
  const lineSignals: Array<{ line: LogicalLine; sig: Signal }> = [];
  for (const line of ex.otherLines) {
    let finds: Finds | undefined;
    if (!(numbered(line.text) && (mailkitList ??= MAILKIT_LIST.test(text)))) {
      finds = phrasesIn(line.text);
      const s = signalInLine(line.text, finds);
      const sig = s && networkSignal(s, line.text);
      if (sig) lineSignals.push({ line, sig });
      if (isKyocera1102(line.text, text)) lineSignals.push({ line, sig: KYOCERA_SIGNAL });
    }
    if (line.direction === "client") continue;
    // No phrase a text-only reply needs in the line: none in the part after its lead-in either
    // (a line walked without converting it has no apostrophe).
    if (finds && !(finds.converted && line.text.includes("'")) && !codelessPossible(finds)) continue;
    // A mailbox being read (IMAP, POP, a bounce mailbox) refused its password: not sending, not SMTP AUTH (fourth hunt #8).
    if (MAILBOX_READ.test(line.text)) continue;
    // (Markdown's marks after the sentence are the issue's quoting: "…incorrect.`**".)
    const body = withoutMarkdownEnd(stripLeadIn(line.text));
    if (!isLetter(body.charCodeAt(0))) continue;
    const reply: SmtpReply = { text: body, line: body };
    const pattern = classifyCodeless(reply, body === line.text ? finds : undefined);
    if (!pattern) continue;
    replies.push(reply);
    ranked.push(rank({ reply, pos: line.index * 1000, hasNested: false, nested: false }, pattern));
  }

  // Microsoft Entra ID's own errors (AADSTS…): a token request that failed before any SMTP, read before the wrappers'
  // words ("SASL authentication failed", "AuthenticationFailedException"), which only report it (hunt 5, B and #23).
  // The other words of an AADSTS error's line are its wrapper's (email-oauth2-proxy's "… credentials for …").
  // (Made only where an error can be: most texts have none, and need neither the set nor the map below.)
  let entraLines: Set<number> | undefined;
  if (mayHoldEntraError(text)) {
    for (const e of entraMatches(ex.otherLines, text)) {
      replies.push(e.match.reply);
      ranked.push(e);
      if (e.line !== undefined) (entraLines ??= new Set()).add(e.line);
    }
  }

  // The signals, in the order of their lines (a wrapper's own words count only when no reply failed).
  const failureReplies = ranked.some((r) => !r.match.success);
  // Where the server said "220 2.0.0" to STARTTLS: a failure to reach it told after that is the TLS handshake's.
  const tlsReady = ranked.find((r) => r.match.patternId === "starttls-ready")?.pos;
  const signals: Map<string, Ranked> | ReadonlyMap<string, Ranked> = lineSignals.length > 0 ? new Map<string, Ranked>() : NO_SIGNALS;
  for (const { line, sig: found } of lineSignals) {
    let sig = tlsReady !== undefined && found.stage === "network" && line.index * 1000 > tlsReady ? TLS_AFTER_STARTTLS : found;
    if ((sig === READ_TIMEOUT_SIGNAL || sig.id === "network-timeout") && SIGN_IN_UNDER_WAY.test(text) && READ_WORDS.test(line.text)) sig = READ_TIMEOUT_AT_SIGN_IN;
    else if ((NO_USABLE_MECHANISM.has(sig.id) || (SIGN_IN_FAILED_WORDS.has(sig.id) && !failureReplies)) && atMxHost(text)) sig = NO_AUTH_AT_MX_HOST;
    else if (sig.stage === "tls" && sslOnStarttlsPort(sig, line.text, text)) sig = MAILKIT_SSL_ON_STARTTLS_PORT;
    else if (sig.id === "tls-implicit-on-starttls-port" && NOT_A_TLS_RECORD.test(line.text) && PHP_STARTTLS_CRYPTO.test(text)) sig = STARTTLS_ANSWERED_PLAIN;
    else if (sig.id === "tls-implicit-on-starttls-port" && implicitTlsOn587(text)) sig = IMPLICIT_TLS_ON_587;
    // Postfix's "no mechanism available": its SASL library lacks the modules for the server's methods; STARTTLS is less likely then
    // (without it Exchange Online offers no AUTH, and Postfix would not have looked for a mechanism).
    else if (sig.id === "postfix-no-common-mechanism" && line.text.includes("no mechanism available")) sig = { ...sig, lessLikely: ["starttls-missing"] };
    if ((sig.fallbackOnly && failureReplies) || entraLines?.has(line.index)) continue;
    // Test-NetConnection's warning names the address and the port; its result block after it says only "False".
    if (sig.id === TNC_TCP_FAILED && signals.has(sig.id)) continue;
    const excerpt = line.text.length > EXCERPT_MAX && sig === ENTRA_UNREACHABLE_SIGNAL ? aroundEntraHost(line.text) : excerptOf(line.text);
    const match: ReplyMatch = { patternId: sig.id, reply: { text: excerpt, line: excerpt }, stage: sig.stage, candidates: [...sig.candidates], decisive: sig.decisive, success: false };
    if (sig.notes) match.notes = [...sig.notes];
    if (sig.lessLikely) match.lessLikely = [...sig.lessLikely];
    // (Here lineSignals has one at least: the map is a new one.)
    (signals as Map<string, Ranked>).set(sig.id, { match, pos: line.index * 1000 + 999, demoted: Boolean(sig.fallbackOnly) || sig === KYOCERA_SIGNAL });
  }
  for (const r of signals.values()) ranked.push(r);
  // A shared host's own Exim greeting in place of Microsoft's: the hosting network redirects SMTP, and every other refusal in the
  // text is that server's, not Exchange Online's (sixteenth hunt #12: "At connection: success" and no cause).
  const intercepted = signals.has(SMTP_INTERCEPTED.id) ? undefined : sharedHostGreeting(text);
  if (intercepted) {
    const sig = intercepted.named ? SMTP_INTERCEPTED : SMTP_INTERCEPTED_GREETING;
    const excerpt = excerptOf(intercepted.line);
    const match: ReplyMatch = { patternId: sig.id, reply: { text: excerpt, line: excerpt }, stage: sig.stage, candidates: [...sig.candidates], decisive: sig.decisive, success: false };
    if (sig.notes) match.notes = [...sig.notes];
    if (sig.lessLikely) match.lessLikely = [...sig.lessLikely];
    for (const r of ranked) if (!r.match.success) r.demoted = true;
    ranked.push({ match, pos: 0, demoted: false });
  }
  // Words that say only that something failed say nothing more beside a failure that says more: .NET's bare "Failure sending
  // mail." beside any other, and a device's or a program's words that sending, the connection or the sign-in failed
  // (GENERIC_FAILURE) beside any other, .NET's words too (sayingOnlyFailed ranks them).
  const said = ranked.reduce((most, r) => (r.match.success ? most : Math.max(most, sayingOnlyFailed(r.match.patternId))), -1);
  for (let i = ranked.length - 1; i >= 0; i--) {
    const r = ranked[i] as Ranked;
    if (!r.match.success && sayingOnlyFailed(r.match.patternId) < said) ranked.splice(i, 1);
  }

  // The device signed in and then said QUIT without starting a message: the server refused nothing, but nothing was sent
  // either, which is not "clear" (eighth hunt #10: a Ricoh MFP after a Postal server's "235 Granted for …" read "nothing to change").
  if (!ranked.some((r) => !r.match.success)) {
    const quit = quitAfterSignIn(ranked, ex, text);
    if (quit) ranked.push(quit);
  }

  // A wrapper's words name the command a refusal answered (SwiftMailer's trace, Python's SMTPDataError, Outlook's dialog …).
  // (Looked for only when a refusal of the sender or the message is there to place: most texts are refusals at sign-in.)
  const shown = ranked.some((r) => ENVELOPE.has(r.match.stage)) ? textStage(text) : undefined;
  if (shown) for (const r of ranked) r.match.stage = envelopeStage(r.match.stage, shown);

  // A mail server's own lookup of the recipient's server that failed (Postfix's "Name service error … try again", twentieth hunt #5,
  // #10) is the reading of those words: read again as a program's DNS error, the same line was shown twice, the second time with
  // "Wrong server or port" (a program's setting, where a relay's resolver failed).
  if (ranked.some((o) => o.match.patternId === "relay-dns-lookup")) {
    for (let i = ranked.length - 1; i >= 0; i--) if ((ranked[i] as Ranked).match.patternId === "network-dns") ranked.splice(i, 1);
  }

  // A 5.7.57 after a failed AUTH is a consequence of that failure (§4 C10).
  const authFailed = ranked.some((r) => !r.match.success && r.match.stage === "auth" && r.match.candidates.length > 0 && !r.demoted);
  for (const r of ranked) {
    if (r.match.patternId === "not-authenticated" && authFailed) r.demoted = true;
    if (r.match.patternId === "too-many-errors" && ranked.some((o) => o !== r && !o.match.success && o.match.candidates.length > 0)) r.demoted = true;
    // A wrapper's summary that a connection failed ("SMTP connect() failed.", PHPMailer's last line) says less than the line that
    // says how (the name did not resolve, refused, timed out): that one leads (tenth hunt #17).
    if (r.match.patternId === "network-connect-failed" && ranked.some((o) => o !== r && o.match.stage === "network" && o.match.patternId !== "network-connect-failed" && !o.demoted)) r.demoted = true;
    // So does a connection failure told after the server's 220 to STARTTLS (TLS_AFTER_STARTTLS, from PHPMailer's closing "SMTP Error:
    // Could not connect to SMTP host.") beside the line that says how the handshake failed (nineteenth hunt: PHP's handshake
    // answered in plain text).
    if (r.match.patternId === TLS_AFTER_STARTTLS.id && ranked.some((o) => o !== r && o.match.stage === "tls" && o.match.patternId !== TLS_AFTER_STARTTLS.id && !o.match.success && o.match.candidates.length > 0 && !o.demoted)) r.demoted = true;
  }

  let recognized = replies.length > 0 || ranked.length > 0;
  // A bare code ("5.7.139", "535", "Error 535 5.7.3"), as many panels and logs show it.
  let codeOnly = false;
  const bare = bareCode(text) ?? (replies.length === 0 && ranked.length === 0 ? gotCode(text) : undefined);
  if (bare) {
    // The whole paste is codes ("535 5.7.3" parses as a reply, but without the text that names the cause).
    replies.splice(0, replies.length, bare.match.reply);
    ranked.splice(0, ranked.length, { match: bare.match, pos: 0, demoted: false });
    recognized = true;
    codeOnly = true;
  }
  sortInPlace(ranked, compare);
  if (ranked.length > 1) dropRepeats(ranked);
  const matches = ranked.map((r) => r.match);
  const first = ranked[0];
  const primary = first && !first.match.success ? first.match : undefined;
  const client = !withClient ? undefined : detectClient(text) ?? (ex.transcript && replies.length > 0 ? "transcript" : signals.has(KYOCERA_SIGNAL.id) ? "kyocera" : recognized ? "plain" : undefined);
  // The failure a relay logged as its own refusal: that relay answered, whatever service the text names (its settings name it).
  const relayClue = primary && first ? first.relayLog : undefined;
  const analysis: ReplyAnalysis = {
    input,
    replies,
    matches,
    authSucceeded: matches.some((m) => m.patternId === "auth-success"),
    recognized,
  };
  if (primary) analysis.primary = primary;
  const other = first && primary ? otherAttempt(first, ranked) : undefined;
  if (other) analysis.otherAttempt = other;
  if (ex.mechanismTried) analysis.mechanismTried = ex.mechanismTried;
  if (client) analysis.client = client;
  if (codeOnly) analysis.codeOnly = true;
  if (recognized && text.includes("***") && maskedIn(text)) analysis.masked = true;
  // (Read only beside a refused sign-in: where the user name's shape can be the cause.)
  const userName = primary?.stage === "auth" ? configUserName(text) : undefined;
  if (userName) analysis.userName = userName;
  // (Not where the text tells of two sign-ins, one of them with a password: MailKit #1733's "client_credentials flow" and
  // "email and password", each refused, are read each for its own method.)
  const flow = primary && !analysis.otherAttempt ? oauthFlowIn(text) : undefined;
  if (flow) analysis.oauthFlow = flow;
  // Which service answered: its host names or words in the text, else the form of the failing reply.
  // (A reply this tool cannot read, or one it reads as another service's by its form, may name that service in its words.)
  // (So may a refusal at delivery, which any service gives: Gmail's 5.7.26 names Google in its words.)
  // (No provider for a text without anything recognized: the analysis is returned as it is below.)
  if (!recognized) return analysis;
  const byText = providerFromText(text) ?? (primary && (primary.candidates.length === 0 || primary.provider !== undefined || primary.candidates.every((id) => DELIVERY.has(id))) ? providerFromWords(text) : undefined);
  // (Beside Microsoft Entra ID's own refusal of a token request, another service's words on its line are the wrapper's: an
  // AADSTS50126 "… invalid username or password" named no other service than Microsoft's.)
  const tagged = primary?.stage === "token" ? undefined : matches.find((m) => !m.success && m.provider !== undefined);
  const provider = relayClue !== undefined ? { id: "other" as const, clue: relayClue } : (byText ?? (tagged?.provider ? { id: tagged.provider, clue: tagged.reply.line } : undefined));
  if (!provider) return analysis;
  // The analysis is this function's own object: the provider goes on it (last, as a spread would put it).
  analysis.provider = provider;
  return analysisOutside(analysis, provider.id);
}

/**
 * The AADSTS errors of the text, each code once, at its line: one the table reads names its cause (decisive); another
 * is still an Entra sign-in error before SMTP, without a cause, ranked after every failure that has one.
 */
function entraMatches(lines: readonly LogicalLine[], text: string): Array<Ranked & { line?: number }> {
  const out: Array<Ranked & { line?: number }> = [];
  const seen = new Set<number>();
  const found: Array<{ e: EntraError; line?: number }> = lines.flatMap((l) => entraErrorsIn(l.text).map((e) => ({ e, line: l.index })));
  if (found.length === 0) found.push(...entraErrorsIn(text).map((e) => ({ e })));
  for (const { e, line } of found) {
    if (seen.has(e.code)) continue;
    seen.add(e.code);
    const reading = e.kind !== undefined ? ENTRA_READING[e.kind] : undefined;
    const reply: SmtpReply = { text: e.line, line: e.line };
    const match: ReplyMatch = { patternId: `entra-${e.kind ?? "unknown"}`, reply, stage: "token", candidates: [...(reading?.candidates ?? [])], decisive: reading !== undefined && reading.candidates.length > 0 && e.kind !== "busy", success: false };
    if (reading?.notes.length) match.notes = [...reading.notes];
    out.push(line !== undefined ? { match, pos: line * 1000 + 500, demoted: false, line } : { match, pos: 0, demoted: false });
  }
  return out;
}

/** The longest line a match shows as the text's own words (a signal's, a program's); longer ones are cut. */
const EXCERPT_MAX = 300;

/** A line of the text as a match shows it: whole up to EXCERPT_MAX characters, else cut with "..." to that length. */
function excerptOf(line: string): string {
  return line.length <= EXCERPT_MAX ? line : `${line.slice(0, EXCERPT_MAX - 3)}...`;
}

/** A long line's part that names Entra ID's host and the failure before it ("… (Resource temporarily unavailable (login.microsoftonline.com:443))"). */
function aroundEntraHost(text: string): string {
  const at = ENTRA_HOST.exec(text)?.index ?? 0;
  const start = Math.max(0, at - 200);
  const end = Math.min(text.length, at + 60);
  return `${start > 0 ? "..." : ""}${text.slice(start, end)}${end < text.length ? "..." : ""}`;
}

/**
 * A refused sign-in with the other method than the primary's, each named by the words before it (MailKit #1733: "through
 * the client_credentials flow … 535: 5.7.3", then "via … email and password … 535: 5.7.139 … criteria"): the text tells of
 * two sign-ins, and the reading of the primary alone told the poster to move to the OAuth just refused (fifth hunt #22).
 */
function otherAttempt(primary: Ranked, ranked: readonly Ranked[]): ReplyMatch | undefined {
  if (primary.said === undefined) return undefined;
  const other = ranked.find((r) => r !== primary && !r.demoted && r.said !== undefined && r.said !== primary.said && r.match.candidates.length > 0);
  if (!other?.said) return undefined;
  // Each names its sign-in only here: a text of one sign-in keeps its matches as they were.
  primary.match.mechanism = primary.said;
  other.match.mechanism = other.said;
  return other.match;
}

/** A "***" that hides something (a CI log's mask), not a banner's line of asterisks (sendmail's "THIS IS A WARNING MESSAGE ONLY" box, eleventh hunt #13). */
function maskedIn(text: string): boolean {
  for (let at = text.indexOf("***"); at !== -1; at = text.indexOf("***", at + 3)) {
    const start = text.lastIndexOf("\n", at) + 1;
    const end = text.indexOf("\n", at);
    if (!/^\s*\*+\s*$/.test(text.slice(start, end === -1 ? text.length : end))) return true;
  }
  return false;
}

/** An XOAUTH2 initial response's start: base64 of "user=" and what follows (at most the first 330 bytes of it: an address fits). */
const XOAUTH2_STRING = /\bdXNlcj[A-Za-z0-9+/]{2,434}/;

/**
 * The personal Microsoft account an AUTH XOAUTH2 string names: its base64 decodes to "user={address}\x01auth=Bearer {token}\x01\x01"
 * (Microsoft's and Google's XOAUTH2 format). Only the part up to the first \x01 is read; the token after it is never decoded
 * into anything kept. A work address (or anything else) gives undefined.
 */
function consumerOAuthUser(raw: string): string | undefined {
  const m = XOAUTH2_STRING.exec(raw);
  if (!m) return undefined;
  const b64 = m[0].slice(0, m[0].length - (m[0].length % 4));
  const decoded = Buffer.from(b64, "base64").toString("latin1");
  // (\x01 is the format's own separator; no control character, C0 or C1, is part of an address.)
  // eslint-disable-next-line no-control-regex
  const user = /^user=([^\x00-\x20\x7f-\x9f<>"',;]{3,254})\x01/.exec(decoded)?.[1];
  return user !== undefined && /^[^@]+@[^@]+$/.test(user) && isConsumerMicrosoftAddress(user) ? user : undefined;
}

/** An app's own OAuth identity (the client credentials grant) and a user's sign-in, as libraries and token requests name them. */
const APP_FLOW = /\bclient[_ ]credentials\b|\bAcquireTokenForClient\b|\bClientSecretCredential\b|\bClientCertificateCredential\b/i;
const USER_FLOW = /\bgrant_type=password\b|\bAcquireTokenByUsernamePassword\b|\bUsernamePasswordCredential\b|\bdevice_code\b|\bDeviceCodeCredential\b|\bAcquireTokenWithDeviceCode\b|\bauthorization_code\b|\bAcquireTokenInteractive\b/i;

/** What a text must hold for oauthFlowIn to read it, in one search (not four): its words as libraries spell them. */
const OAUTH_FLOW_WORD = /redential|AcquireToken|grant_type|_code/;

/** The OAuth flow the text names, when it names one only (a refusal beside it decides nothing here: the plan's steps follow). */
function oauthFlowIn(text: string): ReplyAnalysis["oauthFlow"] {
  // (Every match holds one of these, as libraries spell them: most texts hold none.)
  if (!OAUTH_FLOW_WORD.test(text)) return undefined;
  const app = APP_FLOW.test(text);
  const user = USER_FLOW.test(text);
  return app === user ? undefined : app ? "app" : "delegated";
}

/** A reply the next server gave Exchange Online, quoted in a message trace: shown, never a cause of the device's. */
export const NEXT_SERVER_ANSWER = "next-server-answer";

/** What the text around the replies shows that changes how one reads (analyze). */
interface TextClues {
  /** The whole text, for the clues only a rare reply needs (looked for when that reply is there). */
  text: string;
}

/** Several replacement characters (U+FFFD): a client's binary first bytes in a server's log, not one stray from its encoding. */
function binaryFirstBytes(text: string): boolean {
  return text.includes("\uFFFD") && count(text, "\uFFFD") >= 5;
}

/** The text says the refused command was MAIL FROM (a 502 is placed at MAIL FROM by its code alone otherwise). */
function mailFromNamed(text: string): boolean {
  return text.includes("MAIL FROM") && MAIL_FROM_NAMED.test(text);
}

/** A PROXY protocol header before the client's first command (PROXY_HEADER). */
function proxyHeader(text: string): boolean {
  return (text.includes("QUIT") || text.includes("PROXY")) && PROXY_HEADER.test(text);
}

/** A program's own words that its session used STARTTLS ("at server smtp.office365.com:587 with StartTLS", remark42's Go log). */
const WITH_STARTTLS = /\bwith StartTLS\b/i;
/**
 * Mattermost's words for a sign-in its Go mail code tried ("Failed to authenticate on SMTP server [details: 504 …]", "SendMail:
 * Failed to authenticate on SMTP server, …"; not SwiftMailer's "… with username"): Go's net/smtp sends AUTH only on an encrypted
 * connection (or to localhost; otherwise it stops with "unencrypted connection"), so a server's answer to it came after TLS.
 */
const GO_AUTH_SENT = /\bFailed to authenticate on SMTP server(?:\s*\[details:|,)/;

/** "sending SMTP MAIL FROM command", or a MAIL FROM line with the parameters a server may refuse. */
const MAIL_FROM_NAMED = /\bMAIL FROM command\b|\bMAIL FROM:?\s*<[^>\n]*>[^\n]*\b(?:SMTPUTF8|BODY=)/;

/** A reply's match as the text around it shows it (TextClues), or the match unchanged. */
function rereadInText(m: ReplyMatch, around: TextClues): ReplyMatch {
  if (m.patternId === "protocol-error") {
    // "Command not recognized" to a client's binary first bytes: the client started TLS at once on a port that expects EHLO and
    // STARTTLS (eighth hunt #11, an HP MFP on 587: read as commands in the wrong order, and a firmware update).
    if (binaryFirstBytes(around.text)) return { ...m, patternId: TLS_HELLO_AS_COMMAND, stage: "tls", candidates: ["starttls-missing", "wrong-endpoint"], notes: ["note.tlsBeforeEhlo"] };
    // "502 Command not implemented" to MAIL FROM itself (go-mail's "sending SMTP MAIL FROM command: 502 5.3.3 Command not
    // implemented", twelfth hunt #12: read as commands out of order and a firmware update): a parameter the program puts on
    // MAIL FROM (SMTPUTF8, BODY=8BITMIME) that the server does not take; the program or its mail library leaves it off.
    if (m.stage === "mail-from" && m.reply.code === 502 && mailFromNamed(around.text)) return { ...m, patternId: MAIL_FROM_PARAMETER, notes: ["note.mailFromParameterRefused"] };
    // A PROXY protocol header sent before the client's first command (a load balancer in front of a relay: Traefik's
    // proxyProtocol toward email-oauth2-proxy, eleventh hunt #20): the server refused the header, not the device.
    if (proxyHeader(around.text)) return { ...m, patternId: PROXY_PROTOCOL_HEADER, stage: "connect", candidates: ["client-protocol-error"], decisive: true, notes: ["note.proxyProtocolHeader"] };
  }
  // "504 5.7.4 Unrecognized authentication type" from a program that says it used STARTTLS (fifteenth hunt #14, remark42: "STARTTLS
  // not used" first): the sign-in method it asked for (Go's PlainAuth sends PLAIN, which Exchange Online never offers).
  // So does Mattermost's Go mail code, which asks for a sign-in only over TLS (seventeenth hunt #2, an on-premises Exchange that
  // refused PLAIN and takes LOGIN: "use port 587 with STARTTLS" led).
  if (m.patternId === "auth-mechanism-unrecognized" && m.candidates.length > 1 && (WITH_STARTTLS.test(around.text) || GO_AUTH_SENT.test(around.text))) return { ...m, candidates: ["auth-mechanism-unsupported"] };
  // Exchange Online's store refusing a submission, with the exception's name cut off ("Error: Message failed: 554 5.2.0",
  // nodemailer, eleventh hunt #15: "no cause found"): its STOREDRV.Submission family, most often Send As, else a limit or a
  // restricted sender; the full reply names which.
  if (m.patternId === "unknown-permanent" && m.reply.enhanced === "5.2.0" && m.reply.text.trim() === "") return { ...m, patternId: SUBMISSION_UNNAMED, stage: "data", candidates: ["send-as-denied", "sending-limit", "sender-restricted"], notes: ["note.submissionUnnamed"] };
  // PEAR Net_SMTP's "STARTTLS failed (code: 220, response: 2.0.0 SMTP server ready)" (osTicket, eighteenth hunt #2: undetermined,
  // no cause): the server's 220 to STARTTLS it quotes was not the failure, PHP's TLS handshake after it was (an old PHP or
  // OpenSSL without TLS 1.2, its CA store, something that inspects TLS). The connection worked.
  // Its evidence is the program's own line, which says what failed, not the server's "2.0.0 SMTP server ready", which read as the
  // server's reply fitting several causes.
  if (m.patternId === "starttls-ready") {
    const said = NET_SMTP_STARTTLS_FAILED.exec(around.text)?.[0].trim();
    if (said !== undefined) {
      const excerpt = excerptOf(said);
      return { ...m, patternId: TLS_AFTER_STARTTLS_QUOTED, reply: { text: excerpt, line: excerpt }, success: false, stage: "tls", candidates: ["tls-version-unsupported", "tls-handshake-failed"], decisive: false, notes: ["note.tlsAfterStarttls"] };
    }
  }
  return m;
}
/** Net_SMTP's line around the server's 220 to STARTTLS when the TLS handshake after it failed. */
const NET_SMTP_STARTTLS_FAILED = /^.*\bSTARTTLS failed \(code: 220\b.*$/m;

/** .NET's SmtpException without its inner exception (signals.ts). */
const DOTNET_FAILURE = "dotnet-failure-sending-mail";
/** How much a failure says: 0 for words that say only that something failed (GENERIC_FAILURE), 1 for .NET's bare wrapper, 2 for any other. */
function sayingOnlyFailed(patternId: string): number {
  return GENERIC_FAILURE.has(patternId) ? 0 : patternId === DOTNET_FAILURE ? 1 : 2;
}
/** The pattern id of a 502 to MAIL FROM: a parameter of the command refused (analyze). */
export const MAIL_FROM_PARAMETER = "mail-from-parameter-refused";
/** The pattern id of Exchange Online's 5.2.0 without its words (analyze). */
export const SUBMISSION_UNNAMED = "submission-refused-unnamed";
/** The pattern id of a refusal of a PROXY protocol header that a load balancer sent before the client's first command (analyze). */
export const PROXY_PROTOCOL_HEADER = "proxy-protocol-header";
/**
 * A PROXY protocol header in a log of the bytes sent: version 2's signature (ending "QUIT\n") then "!" and the family byte, as a
 * byte string prints it ("QUIT\n!\x11", the "\n" a blank once normalized), or version 1's text line ("PROXY TCP4 192.0.2.1 192.0.2.2 36607 25").
 */
const PROXY_HEADER = /QUIT(?:\\n|\s)!\\x[12][0-9a-f]|\bPROXY (?:TCP[46] [0-9A-Fa-f.:]+ [0-9A-Fa-f.:]+ \d{1,5} \d{1,5}|UNKNOWN\b)/;

/** The pattern id of a refusal of a client's TLS hello sent as its first command (analyze). */
export const TLS_HELLO_AS_COMMAND = "tls-hello-as-command";
/** The probe's own transcript ("   12 ms  C: QUIT"): it signs in and quits by design unless asked to send. */
const PROBE_TRANSCRIPT = /^ *\d+ ms {2}[CS*]: /m;
/** The client's commands that start or carry a message. */
const MESSAGE_VERBS: ReadonlySet<string> = new Set(["MAIL FROM", "RCPT TO", "DATA", "BDAT"]);

/**
 * The client's QUIT after a successful sign-in, when nothing after the sign-in started a message: no MAIL FROM, RCPT TO or
 * DATA of the client's, and no reply of the server's but its goodbye (221).
 */
function quitAfterSignIn(ranked: readonly Ranked[], ex: Extraction, text: string): Ranked | undefined {
  const signedIn = ranked.find((r) => r.match.patternId === "auth-success");
  if (!signedIn || !ex.commands || PROBE_TRANSCRIPT.test(text)) return undefined;
  if (ex.replies.some((f) => f.pos > signedIn.pos && f.reply.code !== 221)) return undefined;
  const after = ex.commands.filter((c) => c.index * 1000 > signedIn.pos);
  const quit = after.find((c) => c.verb === "QUIT");
  if (!quit || after.some((c) => MESSAGE_VERBS.has(c.verb))) return undefined;
  const reply: SmtpReply = { text: "QUIT", line: "QUIT" };
  return { match: { patternId: QUIT_AFTER_SIGN_IN, reply, stage: "mail-from", candidates: ["session-ended-after-sign-in"], decisive: false, success: false }, pos: quit.index * 1000, demoted: false };
}

/** Words of a mailbox being read, not mail being sent (listmonk's "error scanning bounce mailbox: …", an IMAP client's log). */
export const MAILBOX_READ = /\b(?:IMAP4?|POP3|bounce mailbox|fetchmail)\b|\bPOP(?=[ :/])/i;
/** A web API's JSON answer to a refused request ("code": 423, "message": "Forbidden"), as mail plugins that send through Microsoft Graph show it (sixteenth hunt #4, FluentSMTP). */
const WEB_API_REFUSAL = /"message"\s*:\s*"(?:Forbidden|Unauthorized)"/i;
const WEB_API_CODE = /"code"\s*:\s*4\d\d\b/;
/** A mail program's own error number (Mailspring's libetpan: "mailsmtp Last Error Code: 296"; sixteenth hunt #10). */
const PROGRAM_ERROR_NUMBER = /\bLast Error Code:\s*\d+/i;

/**
 * What an error text the parser found nothing in is, when it is an error this tool can name but not read a cause from: a
 * mailbox being read that refused a password (not a sending error), a web API's refusal, a mail program's own error number.
 * explain refuses such a text with words of its own, and the wizard's paste screen says the same.
 */
export type UnreadKind = "mailbox-read" | "web-api-refusal" | "program-error-number";
export function unreadKind(text: string): UnreadKind | undefined {
  if (MAILBOX_READ.test(text) && /basic auth|authenticat|login|password/i.test(text)) return "mailbox-read";
  if (WEB_API_REFUSAL.test(text) && WEB_API_CODE.test(text)) return "web-api-refusal";
  if (PROGRAM_ERROR_NUMBER.test(text)) return "program-error-number";
  return undefined;
}

/** Markdown's code and bold marks right after a sentence's end, at the end of a line. */
const MARKDOWN_AFTER_SENTENCE = /(?<=[.!?])[`*]+$/;
/** Markdown's emphasis closed before the sentence's last stop ("…is disabled_.", fourth hunt #30). */
const MARKDOWN_BEFORE_END = /(?<=\w)[_*`]+(?=[.!?]$)/;

/**
 * `s` without Markdown's marks at its end: MARKDOWN_AFTER_SENTENCE's, then MARKDOWN_BEFORE_END's. Each is looked for only on a
 * line that ends as its matches end (its last character "`" or "*"; a sentence's stop after "_", "*" or "`"): most lines end
 * otherwise, and the patterns, unanchored at the start, were tried at every position of the line.
 */
function withoutMarkdownEnd(s: string): string {
  let out = s;
  const last = out.charCodeAt(out.length - 1);
  if (last === 0x60 /* ` */ || last === 0x2a /* * */) out = out.replace(MARKDOWN_AFTER_SENTENCE, "");
  const stop = out.charCodeAt(out.length - 1);
  const mark = out.charCodeAt(out.length - 2);
  if ((stop === 0x2e || stop === 0x21 || stop === 0x3f) && (mark === 0x5f || mark === 0x2a || mark === 0x60)) out = out.replace(MARKDOWN_BEFORE_END, "");
  return out;
}

/** Exchange Online's 4.4.317 / 5.4.317: it could not hand the message to the next server. */
const CANNOT_CONNECT = /cannot connect to remote server/i;
/** Where the "[Message=…]" field of such a report ends: its "]" before the next field, the report's "(" or the end (not "[CS01] …" inside it). */
const MESSAGE_FIELD_END = /\](?=\s*\[|\s*\(|\s*$)/;
const MAILKIT_LIST = /SslHandshakeException|An error occurred while attempting to establish an SSL or TLS connection/i;

/** A numbered line ("1. The server is using …"): /^\d\.\s/. */
function numbered(text: string): boolean {
  return isDigit(text.charCodeAt(0)) && text.charCodeAt(1) === 0x2e && isSpaceCode(text.charCodeAt(2));
}

const BARE = /^(?:(?:smtp\s*)?(?:error|err|code|status|reply|response|エラー(?:\s*コード)?|コード)\s*[:：#]?\s*)?\(?\s*([2-5][0-5]\d)?\s*[-:]?\s*([245]\.\d{1,3}\.\d{1,3})?\s*\)?[.。]?$/i;

/**
 * A mail client's configuration line that sets the sign-in's user name: ssmtp's "AuthUser=" and the environment variables
 * of containers and frameworks (SMTP_USER, SMTP_USERNAME, MAIL_USERNAME, EMAIL_HOST_USER). One value alone on its line (no
 * blank in it), as a file or a compose list writes it; a placeholder in angle brackets or braces is none.
 */
const CONFIG_USER = /^[ \t]*(?:-[ \t]*)?(?:AuthUser|SMTP_USER(?:NAME)?|MAIL_USERNAME|EMAIL_HOST_USER)[ \t]*[=:][ \t]*["']?([^\s"'<>{}$]{1,320})["']?[ \t]*$/m;

/** The user name a pasted configuration sets (CONFIG_USER), with its line. */
function configUserName(text: string): { value: string; clue: string } | undefined {
  // Every match holds one of its words, AuthUser or one with "_USER" (SMTP_USER, MAIL_USERNAME, EMAIL_HOST_USER): most pastes hold
  // neither, and need no search of every line.
  if (!(text.includes("AuthUser") || text.includes("_USER"))) return undefined;
  const m = CONFIG_USER.exec(text);
  return m?.[1] ? { value: m[1], clue: m[0].trim() } : undefined;
}

/** A paste that is only a code: read for what the code can mean; the text, missing here, usually decides. */
function bareCode(text: string): { match: ReplyMatch } | undefined {
  const t = text.trim();
  if (t.length === 0 || t.length > 48) return undefined;
  const m = BARE.exec(t);
  if (!m || (m[1] === undefined && m[2] === undefined)) return undefined;
  const code = m[1] !== undefined ? Number(m[1]) : undefined;
  if (code !== undefined && !BARE_CODES.has(code)) return undefined;
  const enhanced = m[2];
  const line = [code !== undefined ? String(code) : "", enhanced ?? ""].filter(Boolean).join(" ");
  const reply: SmtpReply = { text: "", line };
  if (code !== undefined) reply.code = code;
  if (enhanced !== undefined) reply.enhanced = enhanced;
  const pattern = classifyReply(reply);
  if (!pattern) return undefined;
  let candidates = [...pattern.candidates];
  // "5.7.57" alone: no sign-in at all, or the echo of a sign-in that failed (the full text says which).
  if (pattern.id === "not-authenticated") candidates = [...new Set([...candidates, ...AUTH_ANY])];
  const stage: ReplyStage = pattern.stage === "context" ? stageByCode(reply) : pattern.stage;
  // A code whose meaning is its own (5.7.30, 5.5.121, 5.7.133 …) still decides; the rest stay readings.
  const decisive = pattern.decisive && pattern.id !== "not-authenticated";
  return { match: { patternId: pattern.id, reply, stage, candidates, decisive, success: pattern.success === true } };
}

/**
 * SwiftMailer's and Symfony's 'Expected response code 235 but got code "535"' without its message: the code the server
 * gave, read as a bare code (it was "no SMTP reply found" once the expected 235 stopped counting as a reply).
 */
function gotCode(text: string): { match: ReplyMatch } | undefined {
  const m = GOT_CODE.exec(text);
  return m ? bareCode((m[1] ?? m[2]) as string) : undefined;
}

/**
 * The code a wrapper quotes without its words: SwiftMailer's 'got code "535"', libcurl's "MAIL failed: 530" (the command and the
 * code only; R's blastula, fourteenth hunt #11: refused as no reply).
 */
const GOT_CODE = /\bgot code\s*["']?([2-5][0-5]\d)\b|\b(?:MAIL|RCPT|DATA|AUTH) failed: ([2-5][0-5]\d)\b/i;

const BARE_CODES = new Set([421, 432, 450, 451, 452, 454, 500, 501, 502, 503, 504, 530, 534, 535, 538, 550, 551, 552, 553, 554]);

/**
 * Exchange Online's newer 5.7.57 wording, "Client not authenticated to send mail": a session without STARTTLS is answered
 * "451 5.7.3 STARTTLS is required to send mail" (held pastes: VeeamHub #190, SendEmail-BuildTask #66), so this one came after
 * STARTTLS and no AUTH was sent; STARTTLS stays a reading, after the sender not signing in. The older wording ("SMTP; Client
 * was not authenticated to send anonymous mail during MAIL FROM") was the answer without STARTTLS too (a Postfix without TLS,
 * fifteenth hunt), and a cut reply ("530 5.7.57 SMTP", "Client was not …") or the bare code says neither: both stay equal.
 */
const NEWER_5_7_57 = /\bclient not authenticated\b/i;
const OLDER_5_7_57 = /\bSMTP;|\banonymous\b|\bduring MAIL FROM\b/i;

function rank(f: FoundReply, pattern: ReplyPattern): Ranked {
  // "5.7.57 Client not authenticated to send mail. Error: 535 …": the 5.7.57 only echoes the AUTH failure.
  if (pattern.id === "not-authenticated" && (f.hasNested || /\berror\s*:\s*\S/i.test(f.reply.text))) {
    return {
      match: { patternId: "not-authenticated-after-auth-failure", reply: f.reply, stage: "mail-from", candidates: [], decisive: false, success: false },
      pos: f.pos,
      demoted: true,
    };
  }
  if (f.relayLog !== undefined && !pattern.success) return relayRefusal(f, pattern, f.relayLog);
  const stage: ReplyStage = pattern.stage === "context" ? (f.contextStage ?? stageByCode(f.reply)) : envelopeStage(pattern.stage, f.contextStage);
  // "502 Command not implemented" / "504 …" to AUTH: the server does not take that sign-in method (not commands out of order).
  const mechanismRefused = pattern.id === "protocol-error" && stage === "auth" && (f.reply.code === 502 || f.reply.code === 504);
  const match: ReplyMatch = { patternId: pattern.id, reply: f.reply, stage, candidates: mechanismRefused ? ["auth-mechanism-unsupported"] : [...pattern.candidates], decisive: pattern.decisive || mechanismRefused, success: pattern.success === true };
  if (pattern.provider) match.provider = pattern.provider;
  if (pattern.notes?.length) match.notes = [...pattern.notes];
  if (pattern.lessLikely?.length) match.lessLikely = [...pattern.lessLikely];
  if (pattern.id === "not-authenticated" && NEWER_5_7_57.test(f.reply.text) && !OLDER_5_7_57.test(f.reply.text)) match.lessLikely = ["starttls-missing"];
  return f.said !== undefined && stage === "auth" && !match.success ? { match, pos: f.pos, demoted: false, said: f.said } : { match, pos: f.pos, demoted: false };
}

/**
 * A refusal the relay the device sends to logged as its own (Postfix's smtpd, fourth hunt #26: "NOQUEUE: reject: RCPT from
 * localhost[127.0.0.1]: 550 5.1.1 <…>: Recipient address rejected: [smtp.office365.com]:587"): the relay's own settings
 * refused it before any service behind it was contacted, at the command smtpd names. Another server's own words that name
 * their cause (a pattern of its own, e.g. "Sender address rejected: not owned by user") keep that reading, as the relay's.
 */
function relayRefusal(f: FoundReply, pattern: ReplyPattern, relayLog: string): Ranked {
  const stage: ReplyStage = f.contextStage ?? stageByCode(f.reply);
  if (pattern.provider !== undefined) {
    const own: ReplyMatch = { patternId: pattern.id, reply: f.reply, stage, candidates: [...pattern.candidates], decisive: pattern.decisive, success: false, provider: pattern.provider };
    if (pattern.notes?.length) own.notes = [...pattern.notes];
    if (pattern.lessLikely?.length) own.lessLikely = [...pattern.lessLikely];
    return { match: own, pos: f.pos, demoted: false, relayLog };
  }
  const match: ReplyMatch = { patternId: RELAY_OWN_REFUSAL, reply: f.reply, stage, candidates: ["local-relay-refused"], decisive: true, success: false, provider: "other" };
  if (RELAY_HOST.test(f.reply.text)) match.notes = ["note.relayHostInRefusal"];
  return { match, pos: f.pos, demoted: false, relayLog };
}

const ENVELOPE: ReadonlySet<ReplyStage> = new Set(["mail-from", "rcpt", "data"]);

/**
 * A refusal of the sender or the message comes at MAIL FROM, RCPT TO or the end of DATA, by the server's choice
 * (Exchange Online answers 5.7.60 at either end): the command the text shows it answered says which.
 */
function envelopeStage(stage: ReplyStage, shown: ReplyStage | undefined): ReplyStage {
  return shown !== undefined && ENVELOPE.has(stage) && ENVELOPE.has(shown) ? shown : stage;
}

/** Postfix's restriction refusals ("<addr>: Recipient address rejected: …"), by the restriction's name. */
const POSTFIX_RESTRICTION = /\b(Sender address|Recipient address|Client host|Helo command) rejected\b/;

function stageByCode(reply: SmtpReply): ReplyStage {
  // Postfix names the restriction that refused, and so the command (its client, HELO and recipient restrictions are checked
  // at RCPT TO by default): "554 5.7.1 <…>: Client host rejected: Access denied" was shown at DATA (eighth hunt #2, #7).
  const postfix = includesSplit(reply.text, " ", "rejected") ? POSTFIX_RESTRICTION.exec(reply.text)?.[1] : undefined;
  if (postfix) return postfix.startsWith("Sender") ? "mail-from" : "rcpt";
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

/**
 * The same failure read twice, once as it is and once with words glued on after it or cut short: a stack frame in capitals
 * ("535 ERROR: AUTHENTICATION FAILED AT SMTPCONNECTION._FORMATERROR (…", an upper-cased nodemailer error, whose frame the cut of
 * frames does not know), the next entry of a log, a quote cut off. Same pattern, codes and reading, one text a start of the
 * other's: explain listed it twice. The copy ranked lower goes (`ranked` is sorted): the primary and every reading stay.
 */
function dropRepeats(ranked: Ranked[]): void {
  for (let j = ranked.length - 1; j > 0; j--) {
    const r = ranked[j] as Ranked;
    if (r.match.success) continue;
    for (let i = 0; i < j; i++) {
      if (repeats(ranked[i] as Ranked, r)) {
        ranked.splice(j, 1);
        break;
      }
    }
  }
}

/** Is `b` a failure read as `a` is, its reply the same as a's with words added or cut at the end (see dropRepeats)? */
function repeats(a: Ranked, b: Ranked): boolean {
  const x = a.match;
  const y = b.match;
  if (x.patternId !== y.patternId || x.success || x.reply.code !== y.reply.code || x.reply.enhanced !== y.reply.enhanced) return false;
  if (x.stage !== y.stage || x.decisive !== y.decisive || x.provider !== y.provider || x.mechanism !== y.mechanism) return false;
  if (a.demoted !== b.demoted || a.said !== b.said || a.relayLog !== b.relayLog) return false;
  if (!sameIds(x.candidates, y.candidates) || !sameIds(x.notes, y.notes) || !sameIds(x.lessLikely, y.lessLikely)) return false;
  const s = x.reply.text;
  const t = y.reply.text;
  return s.length <= t.length ? t.startsWith(s) : s.startsWith(t);
}

/** The same ids in the same order (none and an empty list alike). */
function sameIds(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  const x = a ?? [];
  const y = b ?? [];
  return x.length === y.length && x.every((id, k) => id === y[k]);
}

/** Failures first; among them: not demoted, decisive, with candidates, the latest. */
function compare(a: Ranked, b: Ranked): number {
  const ka = sortKey(a);
  const kb = sortKey(b);
  if (ka !== kb) return ka - kb;
  return a.match.success ? a.pos - b.pos : b.pos - a.pos;
}

/** Success, demoted, not decisive, without candidates: one bit each, the first the weightiest. */
function sortKey(r: Ranked): number {
  return (r.match.success ? 8 : 0) + (r.demoted ? 4 : 0) + (r.match.decisive ? 0 : 2) + (r.match.candidates.length > 0 ? 0 : 1);
}

/** "送信エラー: Authentication unsuccessful, …" → the English part after a non-English lead-in. */
function stripLeadIn(text: string): string {
  const anchor = LEAD_IN_ANCHOR.exec(text);
  if (anchor) return text.slice(anchor.index);
  // A line that starts with a letter has no lead-in: the patterns below take none of it (LEAD_IN_COLON needs its ":" before the
  // first letter; LEAD_IN matches nothing there).
  if (isLetter(text.charCodeAt(0))) return text;
  const m = LEAD_IN_COLON.exec(text);
  if (m) return text.slice(m[0].length);
  // A label of digits and letters before a colon ("4F3A21C0D2: to=…", Postfix's queue id) goes whole, not its first digits
  // (the excerpt showed "F3A21C0D2: to=…").
  const label = LABEL_LEAD_IN.exec(text);
  if (label) return text.slice(label[0].length);
  return text.replace(LEAD_IN, "");
}
const LEAD_IN_ANCHOR = /Authentication unsuccessful|SmtpClientAuthentication|Client not authenticated|Client was not authenticated/i;
const LEAD_IN_COLON = /^[^A-Za-z]*?[:：]\s*(?=[A-Za-z])/;
const LEAD_IN = /^[^A-Za-z]{0,80}(?=[A-Za-z])/;
/** A lead-in of a digit glued to letters before a colon, with the blanks after it: "4F3A21C0D2: ". */
const LABEL_LEAD_IN = /^[^A-Za-z]{0,80}?\d[A-Za-z0-9]*:\s*(?=[A-Za-z])/;

/** The text shows Exchange Online's MX host as the server: its greeting, or a setting that names it. */
function atMxHost(text: string): boolean {
  return text.includes(".mail.protection.outlook.com") && (MX_HOST_GREETING.test(text) || MX_HOST_SETTING.test(text));
}
