// Gate 10 — the server's own answer (a pasted reply, parsed by src/replies). It is the freshest
// evidence and outranks recorded settings: a decisive reply blocks even when a setting says
// otherwise (that setting may have changed recently or not yet applied: minutes to hours).
// An ambiguous reply is narrowed with the facts.
import type { ReplyAnalysis, ReplyMatch, ReplyStage } from "../../replies/types.js";
import { GENERIC_FAILURE, isDeviceMessage, QUIT_AFTER_SIGN_IN, TEXT_HIDING_SIGNALS, wordsOf } from "../../replies/signals.js";
import { BASIC_POLICY_CAUSES, causesWhere, DELIVERY_CAUSES, isBasicOnly, OUTSIDE_CAUSES, TRANSPORT_GATE_CAUSES } from "../causes.js";
import { inference, unique, type Ctx } from "../context.js";
import type { ProviderId } from "../../case/schema.js";
import type { NoteKey } from "../keys.js";
import { knownToPass } from "../passes.js";
import type { CauseId, CauseStatus, Evidence } from "../types.js";

/**
 * Basic identity gates a generic `535 5.7.3` after AUTH LOGIN may hide: the policies that refuse
 * Basic auth (a retired Basic answers with its own 5.7.30), a disabled account, an expired password.
 */
const BASIC_IDENTITY: readonly CauseId[] = [...BASIC_POLICY_CAUSES.filter((id) => id !== "basic-auth-retired"), "account-disabled", "password-expired"];

/** What a refusal without its reason may hide, never the likeliest reading of it (each has its own 5.7.139 text): see replyGate. */
const BEHIND_GENERIC: ReadonlySet<CauseId> = new Set([...BASIC_IDENTITY, "basic-auth-retired"]);

/** Causes that only a password (Basic) sign-in meets. */
/** Refused at delivery, after the message was accepted (Microsoft's NDR table [S12], domain.md §13). */
const DELIVERY: ReadonlySet<CauseId> = new Set(DELIVERY_CAUSES);

/** Failures that only happen after a successful AUTH (the server checks the sender or the message, or the recipient's side refuses it). */
const POST_AUTH: ReadonlySet<CauseId> = new Set(["send-as-denied", "session-ended-after-sign-in", "sending-limit", "mailbox-full", "sender-restricted", "consumer-sending-blocked", "auto-forwarding-blocked", ...DELIVERY]);

/** Causes whose texts are written for any mail service (refusals at delivery, other services' own, those marked so); the others describe Exchange Online. */
const ANY_SERVICE: ReadonlySet<CauseId> = new Set([...DELIVERY, ...OUTSIDE_CAUSES, ...causesWhere((s) => s.anyServiceText === true || s.outsideText === true)]);

/**
 * A reply's causes that hold only for a sender that signs in with OAuth: 550 5.7.708's cross-tenant OAuth app with the wrong tenant
 * id (§4 C16, one low-confidence source). With a password, or the method unknown, neither the engine nor the summary of the pasted
 * text lists them (the summary listed "OAuth set-up incomplete" beside the sending reputation the engine read alone).
 */
const OAUTH_ONLY: Readonly<Partial<Record<string, readonly CauseId[]>>> = { "tenant-ip-blocked": ["oauth-misconfigured"] };

/** The causes a reply points at for a sender whose sign-in method is `mode`: its candidates, less those that hold only for OAuth. */
export function readingFor(m: Pick<ReplyMatch, "patternId" | "candidates">, mode: Ctx["mode"]): CauseId[] {
  const only = mode === "oauth" ? undefined : OAUTH_ONLY[m.patternId];
  return only ? m.candidates.filter((id) => !only.includes(id)) : [...m.candidates];
}

/** Stages a refusal that only comes after a successful AUTH is given at. */
export const AFTER_AUTH_STAGES: ReadonlySet<ReplyStage> = new Set(["mail-from", "rcpt", "data", "ndr"]);
/** Stages of a refusal at sign-in or later. */
const AUTH_OR_LATER_STAGES: ReadonlySet<ReplyStage> = new Set(["auth", "mail-from", "rcpt", "data"]);

/**
 * Did AUTH succeed, by the reply? A 235, or a failure that the server only reaches once the client
 * is authenticated (Send As, quotas, a full mailbox, a restricted sender).
 */
export function authPassedByReply(a: ReplyAnalysis | undefined): "235" | "post-auth" | undefined {
  const passed = passedByReply(a);
  // Exchange Online answers MAIL FROM without a sign-in with 5.7.57 on port 587, so its later refusals prove one; another
  // server (a Postfix relay, a host's own) may take mail without any (tenth hunt #8: "552 5.3.4 Error: message file too big"
  // from the web server's Postfix read as "authentication succeeded").
  return passed === "post-auth" && a?.provider !== undefined && !MICROSOFT_CLOUD.has(a.provider.id) ? undefined : passed;
}

/** The services whose front ends refuse the envelope of a client that has not signed in on port 587. */
const MICROSOFT_CLOUD: ReadonlySet<string> = new Set(["exchange-online", "outlook-consumer"]);

/** authPassedByReply, whatever service answered. */
function passedByReply(a: ReplyAnalysis | undefined): "235" | "post-auth" | undefined {
  if (!a?.recognized) return undefined;
  if (a.authSucceeded) return "235";
  const m = a.primary;
  if (m && !m.success && m.candidates.length > 0 && m.candidates.every((id) => POST_AUTH.has(id)) && AFTER_AUTH_STAGES.has(m.stage)) {
    return "post-auth";
  }
  return undefined;
}

/**
 * Did the device get through the connection, STARTTLS and TLS to sign-in or later? Then the
 * transport settings worked, whatever was recorded.
 */
export function reachedAuthByReply(a: ReplyAnalysis | undefined): boolean {
  if (!a?.recognized) return false;
  if (passedByReply(a)) return true;
  const m = a.primary;
  if (!m || m.success || !AUTH_OR_LATER_STAGES.has(m.stage)) return false;
  // A device's or a program's own words ("認証エラー", "Authentication failed", a panel's code) say that sending failed
  // around sign-in, not which step the server reached: a device without STARTTLS, on port 465 or pointed at the MX host
  // meets "504 5.7.4" (no AUTH offered) and shows the same words. The recorded connection settings still count (persona round 6, P6-1).
  // (curl's "(67) Login denied" and Postfix's "SASL authentication failed" come after the server offered AUTH: they keep the stage.)
  if (SAYS_NO_STAGE.has(m.patternId) || isDeviceMessage(m.patternId)) return false;
  // A device's OAuth token it could not renew: refused by the identity provider, not by the mail server, which it may
  // never have reached (its server, port and TLS were marked "no longer needed", persona round 5 C8).
  if (m.candidates.includes("device-oauth-token")) return false;
  return !m.candidates.some((id) => TRANSPORT_CAUSES.has(id));
}

/** A device's or a mail program's words that stand for the server's answer (a Xerox panel's, Outlook's dialog quoting it): not an error of the program's own. */
const WORDS_FOR_A_REPLY: ReadonlySet<string> = new Set(["xerox-addresses-invalid", "auth-required-words"]);

/**
 * "Fits several causes", said of what was pasted: the server's reply, a device's or a wrapper's words in its place (persona
 * round 6, P6-7), or an error the program made itself with no reply of the server's in it (a MailKit SslHandshakeException,
 * Python's WRONG_VERSION_NUMBER), which read "the server's reply fits several causes" (persona round 7, #11).
 */
function ambiguousNote(m: ReplyMatch): NoteKey {
  if (TEXT_HIDING_SIGNALS.has(m.patternId) || isDeviceMessage(m.patternId) || WORDS_FOR_A_REPLY.has(m.patternId)) return "note.wordsAmbiguous";
  // (A mail server's own log line or report is a program's message too: Postfix's, not a reply.)
  const words = wordsOf(m.patternId);
  return words === "program" || words === "mail-server" ? "note.programAmbiguous" : "note.replyAmbiguous";
}

/** A device's or a program's words for a failed sign-in, which a refusal before AUTH (no STARTTLS, the MX host) also gets. */
const SAYS_NO_STAGE: ReadonlySet<string> = new Set(["auth-failed-wrapper", "login-failed-wrapper", "kyocera-1102", ...GENERIC_FAILURE]);

/** Causes that mean the device never got as far as AUTH: the connection, TLS, or a temporary server error. */
const TRANSPORT_CAUSES: ReadonlySet<CauseId> = new Set([...TRANSPORT_GATE_CAUSES, "transient-service-error"]);

export function replyEvidence(m: ReplyMatch): Evidence {
  return { kind: "reply", reply: m.reply.line, patternId: m.patternId };
}

/** Whether a refusal without its reason (`unexplained`) lists what it may hide after what it usually means: at Exchange Online, after a password. */
function hidesBehindGeneric(ctx: Ctx, a: ReplyAnalysis, unexplained: boolean): boolean {
  return unexplained && !ctx.provider && a.mechanismTried !== "XOAUTH2";
}

/**
 * The finding's option that puts it after the likelier ones: what a generic refusal may hide (BEHIND_GENERIC), or a candidate
 * the reply's reading itself ranks after the others (ReplyMatch.lessLikely).
 */
function lessLikelyIf(hide: boolean, id: CauseId, m?: ReplyMatch): boolean {
  return (hide && BEHIND_GENERIC.has(id)) || m?.lessLikely?.includes(id) === true;
}

/** A reading that lists the wrong password and every Basic identity gate: a refusal that does not say why. */
function listsEverySignInCause(m: ReplyMatch): boolean {
  return m.candidates.includes("wrong-credentials") && BASIC_IDENTITY.every((id) => m.candidates.includes(id));
}

function isGenericAuthFailure(m: ReplyMatch): boolean {
  return m.reply.enhanced === "5.7.3" && (m.reply.code === undefined || m.reply.code === 535);
}

function isBasicDisabled(m: ReplyMatch): boolean {
  return /basic authentication is disabled/i.test(m.reply.text);
}

function isRetired(m: ReplyMatch): boolean {
  return m.reply.enhanced === "5.7.30" || /basic authentication is not supported for client submission/i.test(m.reply.text);
}

/**
 * During December 2026 the change may land any day (the phase "change-imminent"), but it is announced for the end of
 * the month: a refusal that does not name Basic being disabled is far likelier a password, a lock or a switch. The
 * retirement stays the retirement gate's warning; a reply that names it (5.7.30, "basic authentication is disabled")
 * still makes it possible or blocking. It led "first to check" from 1 December for a bare 「認証エラー」 (persona round 6, P6-2).
 */
function retirementNotNamed(ctx: Ctx, m: ReplyMatch): boolean {
  return ctx.phase === "change-imminent" && m.patternId !== "auth-basic-disabled" && !isBasicDisabled(m) && !isRetired(m);
}

/** The reply's candidates, without the retirement where the reply does not name it (retirementNotNamed). */
function candidatesOf(ctx: Ctx, m: ReplyMatch): CauseId[] {
  return retirementNotNamed(ctx, m) ? m.candidates.filter((id) => id !== "basic-auth-retired") : [...m.candidates];
}

/** A temporary error: never more than possible (retry first), whatever else the reply may mean. */
function isTransient(m: ReplyMatch): boolean {
  return m.candidates.includes("transient-service-error");
}

/**
 * The collector for causes read from this reply: the pattern's own remarks go with them, and outside
 * Exchange Online a cause whose text describes Exchange Online says so. (A class: one object a reply, no function made each time.)
 */
class ReplyOut {
  constructor(
    private readonly ctx: Ctx,
    private readonly m: ReplyMatch,
  ) {}

  /** Collector.add() with the pattern's notes and the service's; `lessLikely` as its option (arguments, not an options object). */
  add(id: CauseId, status: CauseStatus, evidence: Evidence[], own: readonly NoteKey[] = NO_NOTES, lessLikely = false): void {
    const { ctx, m } = this;
    const provider = ctx.provider;
    // The notes given, then the pattern's: a list of its own only where both have some or one is added below.
    let notes: readonly NoteKey[] = m.notes?.length ? (own.length ? [...own, ...m.notes] : m.notes) : own;
    if (provider !== undefined) {
      // An Exchange Server of the organization's own (its banner in the text, or the recorded service) refused the relay: its
      // receive connector or a sign-in on it, never Direct Send or smtp.office365.com (the plan's onprem-relay-connector).
      if (provider.id === "exchange-onprem") {
        const i = notes.indexOf("note.relayNonAcceptedDomain");
        if (i >= 0) notes = notes.map((n, j) => (j === i ? "note.relayNonAcceptedDomainOnprem" : n));
      }
      if (!ANY_SERVICE.has(id)) notes = [...notes, "note.provider.notExchangeOnline"];
    }
    if (id === "provider-app-password" || id === "provider-sign-in-refused") {
      const serviceNote = SERVICE_NOTE[provider?.id ?? "exchange-online"];
      if (serviceNote) notes = [...notes, serviceNote];
    }
    if (id === "onprem-basic-auth-off" && ctx.analysis?.provider?.clue.startsWith("AUTH ")) notes = [...notes, "note.onpremNtlmOnly"];
    // Exchange Online's newer 5.7.57 wording came after STARTTLS (the reply parser ranks STARTTLS after the missing sign-in).
    if (id === "starttls-missing" && m.patternId === "not-authenticated" && m.lessLikely?.includes(id) === true && lessLikely) notes = [...notes, "note.starttlsAnsweredOtherwise"];
    ctx.out.addFinding(id, status, evidence, notes, undefined, lessLikely);
  }
}

/** No notes, no further evidence (defaults made once). */
const NO_NOTES: readonly NoteKey[] = [];
const NO_EVIDENCE: readonly Evidence[] = [];
const REPLY_AMBIGUOUS: readonly NoteKey[] = ["note.replyAmbiguous"];

/** Where each service's own device password is made (Google's app password, Brevo's SMTP key, the 163/QQ authorization code). */
const SERVICE_NOTE: Partial<Record<ProviderId, NoteKey>> = {
  google: "note.provider.googleAppPassword",
  brevo: "note.provider.brevoSmtpKey",
  netease: "note.provider.authorizationCode",
  qq: "note.provider.authorizationCode",
};

export function replyGate(ctx: Ctx): void {
  primaryReading(ctx);
  otherAttemptReading(ctx);
}

/**
 * Was this refusal the answer to an OAuth (XOAUTH2) sign-in? The device's recorded mode or a transcript's AUTH XOAUTH2
 * say so for the text; the words before a reply say so for it where the text tells of two sign-ins (ReplyAnalysis.otherAttempt).
 */
function afterOauth(ctx: Ctx, a: ReplyAnalysis, m: ReplyMatch): boolean {
  if (ctx.mode === "oauth" || a.mechanismTried === "XOAUTH2") return true;
  return a.otherAttempt !== undefined && m.mechanism === "XOAUTH2";
}

/**
 * A second sign-in the text tells of, with the other method, refused too (ReplyAnalysis.otherAttempt): read for that
 * method. MailKit #1733 tried OAuth with client credentials (535 5.7.3), then the password (5.7.139 … criteria): only
 * the password's refusal was read, and the plan told the poster to move to the OAuth that had just been refused (fifth
 * hunt #22). A generic 5.7.3 after XOAUTH2 is the OAuth set-up (§4 C16), as it is for the primary.
 */
function otherAttemptReading(ctx: Ctx): void {
  const a = ctx.analysis;
  const o = a?.otherAttempt;
  if (!a || !o || ctx.provider || ctx.authPassed) return;
  const out = new ReplyOut(ctx, o);
  const ev = replyEvidence(o);
  const told = inference(o.mechanism === "XOAUTH2" ? "inference.otherAttemptOauth" : "inference.otherAttemptPassword");
  if (isGenericAuthFailure(o) && afterOauth(ctx, a, o)) {
    decide(ctx, out, "oauth-misconfigured", ev, [told, inference("inference.genericFailureAfterOauth")]);
    return;
  }
  if (o.decisive && o.candidates.length > 0) {
    for (const id of o.candidates) decide(ctx, out, id, ev, [told]);
    return;
  }
  for (const id of narrow(ctx, candidatesOf(ctx, o))) out.add(id, "possible", [ev, told], [ambiguousNote(o)]);
}

/** The primary reply's reading (ReplyAnalysis.primary): the failure that best explains the text. */
function primaryReading(ctx: Ctx): void {
  const a = ctx.analysis;
  if (!a || !a.recognized) return;
  const passed = authPassedByReply(a);
  const m = a.primary;
  const delivery = m !== undefined && !m.success && m.candidates.length > 0 && m.candidates.every((id) => DELIVERY.has(id));
  // A device recorded as not signing in (Direct Send) got its connection through, never a sign-in: none is claimed for it.
  const signsIn = ctx.mode !== "none";
  if (delivery && m) ctx.out.info("delivery-refused", [replyEvidence(m), inference(signsIn ? "inference.deliveryAfterAcceptance" : "inference.deliveryAfterAcceptanceNoSignIn")]);
  else if (passed === "235") ctx.out.info("auth-succeeded", [inference("inference.authSucceeded")]);
  else if (passed === "post-auth" && a.primary && signsIn) ctx.out.info("auth-succeeded", [replyEvidence(a.primary), inference("inference.authPassedImplied")]);
  // The message itself accepted (no failure after it): said, though it proves no sign-in (Direct Send queues too).
  const queued = !m || m.success ? a.matches.find((x) => x.patternId === "message-queued") : undefined;
  if (queued) ctx.out.info("message-accepted", [replyEvidence(queued)]);
  if (!m || m.success) return;
  const out = new ReplyOut(ctx, m);
  const ev = replyEvidence(m);
  // Microsoft Entra ID refused the token request (AADSTS…): before any SMTP, whatever the code (one this tool does not know too).
  const entra = m.stage === "token" ? /^AADSTS(\d+)/.exec(m.reply.line)?.[1] : undefined;
  if (entra !== undefined) ctx.out.info("entra-before-smtp", [ev, inference("inference.entraBeforeSmtp", { code: `AADSTS${entra}`, number: entra })]);

  // Only a code was pasted: every reading stays possible until the full reply is seen (a bare 535: the password first).
  if (a.codeOnly && !m.decisive) {
    const all = candidatesOf(ctx, m);
    const left = narrow(ctx, all);
    const hide = hidesBehindGeneric(ctx, a, listsEverySignInCause(m));
    for (const id of left.length ? left : all) out.add(id, "possible", [ev, inference("inference.codeOnly", { code: m.reply.line })], REPLY_AMBIGUOUS, lessLikelyIf(hide, id, m));
    return;
  }

  // A device's message that points at one cause without naming it (Ricoh's "Transmission has failed": Exchange refused the From
  // address, per its service manual, but the message is general): that cause is possible, never decided by the message alone.
  if (m.patternId.startsWith("panel:") && !m.decisive && m.candidates.length === 1) {
    out.add(m.candidates[0] as CauseId, "possible", [ev]);
    return;
  }

  // The client said QUIT after its sign-in succeeded, before any message: a device that gave up, or a connection test, which
  // does exactly this (a printer's "test connection", PHPMailer's smtpConnect(), swaks --quit-after AUTH): possible only.
  if (m.patternId === QUIT_AFTER_SIGN_IN) {
    out.add("session-ended-after-sign-in", "possible", [ev], ["note.connectionTestQuits"]);
    return;
  }

  // 550 5.7.708 (§4 C14, C16): mostly a new or restricted organization's sending reputation; a wrong
  // tenant id of a cross-tenant OAuth app only when the device is known to use OAuth (Business Central [S34], one
  // low-confidence source). With the sign-in method unknown it is not listed: its consent and service-principal steps led
  // the plan's second and third places for n8n's Graph send refused at delivery (sixteenth hunt #15).
  if (!ctx.provider && m.patternId === "tenant-ip-blocked") {
    out.add("sender-restricted", "possible", [ev], ["note.newTenantReputation"]);
    if (readingFor(m, ctx.mode).includes("oauth-misconfigured")) out.add("oauth-misconfigured", "possible", [ev], ["note.crossTenantOauthOnly"]);
    return;
  }

  // 550 5.7.30: Basic is refused for client submission, at any date.
  if (!ctx.provider && isRetired(m)) {
    out.add("basic-auth-retired", "blocking", [ev, { kind: "timeline", phase: ctx.phase, asOf: ctx.asOf }], ["note.retirement.replyDecides"]);
    return;
  }

  if (isTransient(m)) {
    out.add("transient-service-error", "possible", [ev], ["note.transientRetry"]);
    for (const id of narrow(ctx, candidatesOf(ctx, m).filter((c) => c !== "transient-service-error"))) out.add(id, "possible", [ev]);
    return;
  }

  if (m.decisive && m.candidates.length > 0) {
    for (const id of m.candidates) decide(ctx, out, id, ev, NO_EVIDENCE, id === "sender-restricted" && consumerMayBeBlocked(ctx, m) ? CONSUMER_SENDING : NO_NOTES);
    return;
  }

  let candidates: CauseId[] = candidatesOf(ctx, m);
  const extra: Evidence[] = [];
  const notes: NoteKey[] = [];
  if (!ctx.provider && isGenericAuthFailure(m)) {
    // After XOAUTH2 it is Microsoft's sample for a refused token (§4 C16): a switched-off SMTP AUTH
    // answers an OAuth client with its own 5.7.139 text (§4 C1). After a password, Microsoft's printer
    // troubleshooting lists SMTP AUTH switched off first (domain.md §13): the switches stay candidates.
    if (afterOauth(ctx, a, m)) {
      candidates = ["oauth-misconfigured"];
      extra.push(inference("inference.genericFailureAfterOauth"));
    } else if (ctx.mode === "basic") {
      candidates = ["wrong-credentials", ...BASIC_IDENTITY, ...candidatesOf(ctx, m).filter((c) => c !== "oauth-misconfigured")];
      extra.push(inference("inference.genericFailureAfterBasic"));
    }
  } else if (!ctx.provider && isBasicDisabled(m)) {
    // The authentication policy; or, once the change may have landed (December 2026 on), the
    // retirement itself: narrowing drops it before December. A personal Outlook.com account answers
    // the same words (Basic ended there on 16 September 2024): said when nothing shows the account.
    candidates = ["auth-policy-blocks-basic", "basic-auth-retired"];
    if (ctx.device.username === undefined && ctx.device.host === undefined) notes.push("note.consumerPossible");
  }
  if (candidates.length === 0) return;
  // A refusal without its reason ("535 Authentication failed", a generic 5.7.3 after a password): the Basic identity gates
  // are possible but, each having its own 5.7.139 text, not the likeliest (a real paste read "most likely: authentication policy").
  // (Any reading that lists them all with the wrong password is such a refusal: a panel's "1102", a wrapper's "Login failed".)
  const hide = hidesBehindGeneric(ctx, a, (isGenericAuthFailure(m) && ctx.mode === "basic") || listsEverySignInCause(m));

  const left = narrow(ctx, candidates);
  // Narrowed by the calendar alone (e.g. "basic authentication is disabled" before December 2026),
  // the one candidate left is what the reply means. Narrowed by recorded facts, it is only the
  // likeliest: the mapping of an ambiguous reply is not confirmed by Microsoft (domain.md §12.4), so
  // it stays possible and its facts stay unknown until someone checks them.
  const ruledOutByFacts = candidates.some((id) => !left.includes(id) && (knownToPass(ctx, id) ?? []).some((e) => e.kind !== "timeline"));
  const switchFirst = (id: CauseId): NoteKey[] => (isGenericAuthFailure(m) && (id === "mailbox-smtp-auth-disabled" || id === "tenant-smtp-auth-disabled") ? ["note.smtpAuthOffFirst"] : []);
  if (left.length === 1 && !ruledOutByFacts) decide(ctx, out, left[0] as CauseId, ev, extra, notes);
  // A recorded setting already blocks on its own (e.g. no encryption for a 5.7.57): the reply agrees with it.
  else if (left.length === 1 && ctx.out.statusOf(left[0] as CauseId) === "blocking") out.add(left[0] as CauseId, "blocking", [ev, ...extra], notes);
  else if (left.length === 1) out.add(left[0] as CauseId, "possible", [ev, ...extra], ["note.replyMappingUnconfirmed", ...notes]);
  // What a refusal without its reason may hide (`hide`): listed after the wrong password and the switches it usually means.
  else if (left.length > 1) for (const id of left) out.add(id, "possible", [ev, ...extra], [ambiguousNote(m), ...switchFirst(id), ...notes], lessLikelyIf(hide, id, m));
  else {
    // Every candidate is ruled out, yet the server refused: a recorded setting is stale (or not yet
    // applied). Only settings can be stale, so candidates ruled out by the timeline stay out.
    const stale = unique(candidates).filter((id) => (knownToPass(ctx, id) ?? []).every((e) => e.kind === "fact"));
    const pool = stale.length ? stale : unique(candidates);
    if (pool.length === 1) decide(ctx, out, pool[0] as CauseId, ev, extra, notes);
    else for (const id of pool) out.add(id, "possible", [ev, ...extra, ...(knownToPass(ctx, id) ?? [])], [contradictionNote(ctx, id), ...notes]);
  }
}

const CONSUMER_SENDING: readonly NoteKey[] = ["note.consumerSendingBlockedPossible"];

/**
 * Exchange Online's store refused the message as outbound spam (OutboundSpamException) and nothing shows whose account it is (no
 * user name, sender or host recorded): a personal Outlook.com account gets the same words from the same front ends, and is
 * released by its owner, not by a security admin (twentieth hunt #14, nodemailer #1486: "re-login to unblock the account").
 */
function consumerMayBeBlocked(ctx: Ctx, m: ReplyMatch): boolean {
  const d = ctx.device;
  return d.username === undefined && d.from === undefined && d.host === undefined && /outboundspamexception/i.test(m.reply.text);
}

/** Drop the candidates the facts already rule out. */
function narrow(ctx: Ctx, candidates: readonly CauseId[]): CauseId[] {
  return unique(candidates).filter((id) => !knownToPass(ctx, id));
}

/** Causes that exclude each other: when the server names one, the other is no longer possible. */
const EXCLUDES: Partial<Record<CauseId, CauseId>> = {
  "mailbox-smtp-auth-disabled": "tenant-smtp-auth-disabled",
  "tenant-smtp-auth-disabled": "mailbox-smtp-auth-disabled",
};

/**
 * What a reply that a recorded fact contradicts means. Mostly a setting changed recently or not yet applied; but a
 * device recorded as using OAuth that gets the answer to a password still sends a password for this sending (a persona
 * read "the setting may have changed" beside a plan that said "move the device to OAuth").
 */
function contradictionNote(ctx: Ctx, id: CauseId): NoteKey {
  if (ctx.mode !== "oauth" || !isBasicOnly(id)) return "note.evidenceContradictsSetting";
  // Nothing recorded, the text itself shows the OAuth sign-in (nodemailer's "command: 'AUTH XOAUTH2'" beside the 5.7.139 that
  // a policy gives a password, persona round 8 #3): not "the recorded setting … may have changed".
  return ctx.device.auth === "oauth" ? "note.passwordAnswerToOauthDevice" : "note.passwordAnswerToOauthInText";
}

/** The reply names the cause: it blocks, and a recorded setting that disagrees is shown with a note. */
function decide(ctx: Ctx, out: ReplyOut, id: CauseId, ev: Evidence, extra: readonly Evidence[] = NO_EVIDENCE, notes: readonly NoteKey[] = NO_NOTES): void {
  const contradicted = knownToPass(ctx, id);
  if (contradicted) out.add(id, "blocking", [ev, ...extra, ...contradicted], [contradictionNote(ctx, id), ...notes]);
  else out.add(id, "blocking", extra.length ? [ev, ...extra] : [ev], notes);
  const other = EXCLUDES[id];
  if (other) ctx.out.dropPossible(other);
}
