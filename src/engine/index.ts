// The diagnosis engine: Case (+ the server's reply) → verdict, causes with evidence, unknowns.
// Pure: no I/O. Every gate adds to one collector; this module merges, sorts and decides.
import type { FactPath } from "../case/facts.js";
import type { Case, Device } from "../case/schema.js";
import { analysisOutside, analyzeReply, TEXT_HIDING_SIGNALS } from "../replies/index.js";
import type { ReplyAnalysis, ReplyMatch } from "../replies/types.js";
import { FAILURE_WORDS_STEP } from "../replies/signals.js";
import { causeSpec, DELIVERY_CAUSES, EXO_SIGN_IN_CAUSES, GATE_ORDER, isBasicOnly, sortFindings } from "./causes.js";
import { Collector, inference, type AuthMode, type Ctx, type Mechanism } from "./context.js";
import { accountGate } from "./gates/account.js";
import { authPolicyGate } from "./gates/auth-policy.js";
import { historyGate } from "./gates/history.js";
import { identityGate } from "./gates/identity.js";
import { infoGate } from "./gates/info.js";
import { mechanismGate } from "./gates/mechanism.js";
import { oauthGate } from "./gates/oauth.js";
import { identifyProvider, providerGate } from "./gates/provider.js";
import { AFTER_AUTH_STAGES, authPassedByReply, reachedAuthByReply, readingFor, replyEvidence, replyGate } from "./gates/reply.js";
import { retirementGate } from "./gates/retirement.js";
import { sendAsGate } from "./gates/send-as.js";
import { signInsGate } from "./gates/signins.js";
import { smtpSwitchGate } from "./gates/smtp-switch.js";
import { classifyHost, transportGate } from "./gates/transport.js";
import { userNameGate } from "./gates/user-name.js";
import { probeSucceeded, probeSuccessInfo, withProbeProblems } from "./probe.js";
import { retirementPhase } from "./timeline.js";
import type { ProviderFinding } from "./gates/provider.js";
import type { CauseId, Diagnosis, Evidence, Info, Verdict } from "./types.js";
import { accountRecord, deviceRecord, tenantRecord } from "./shape.js";
import { orderUnknowns } from "./unknowns.js";

export type { Diagnosis, Finding, Evidence, CauseId, CauseStatus, Verdict, Info, RetirementPhase } from "./types.js";
export { CAUSE_IDS } from "./types.js";
export { CAUSES, GATE_ORDER } from "./causes.js";
export { RETIREMENT_TIMELINE, retirementPhase } from "./timeline.js";
export { outsideExchangeOnline, type ProviderFinding } from "./gates/provider.js";

export interface EvaluateOptions {
  /** Today's date (YYYY-MM-DD, UTC), used when the case has no asOf. Required: the engine never reads the clock. */
  today: string;
}

/** Every gate, in order (called by name rather than from a list: one call site each). */
function exchangeOnlineGates(ctx: Ctx): void {
  transportGate(ctx);
  mechanismGate(ctx);
  smtpSwitchGate(ctx);
  identityGate(ctx);
  userNameGate(ctx);
  authPolicyGate(ctx);
  accountGate(ctx);
  sendAsGate(ctx);
  oauthGate(ctx);
  retirementGate(ctx);
  signInsGate(ctx);
  replyGate(ctx);
  infoGate(ctx);
  historyGate(ctx);
}

/** Outside Exchange Online (issue 10): only what that service's reply says, and what is known about the service. */
function outsideGates(ctx: Ctx): void {
  providerGate(ctx);
  replyGate(ctx);
}

/** Causes that come after the message was accepted: the recipient's side refused it (Microsoft's NDR table [S12]). */
const DELIVERY: ReadonlySet<CauseId> = new Set(DELIVERY_CAUSES);

/** Where sending starts: a cause at a gate before it (the connection, TLS, the sign-in) keeps the sign-in in question. */
const SENDING = GATE_ORDER.indexOf("sending");

/** The facts only Exchange Online's reasons to refuse a sign-in are asked for: each refuses at AUTH with its own text, never later. */
const SIGN_IN_FACTS: ReadonlySet<FactPath> = new Set([
  ...EXO_SIGN_IN_CAUSES.flatMap((id) => causeSpec(id).settledBy ?? []),
  "account.oauthApp.permissionConsented",
  "account.oauthApp.servicePrincipalRegistered",
  "account.oauthApp.mailboxPermission",
]);

/** The device's own sign-in settings: beside the point where the server shows the mail came without sign-in. */
const DEVICE_SIGN_IN_FACTS: ReadonlySet<FactPath> = new Set(["device.auth", "device.authMechanism", "device.username"]);

/** Removes the Info entry of this id, if the list holds it. */
function dropInfo(info: Info[], id: Info["id"]): void {
  const at = info.findIndex((i) => i.id === id);
  if (at >= 0) info.splice(at, 1);
}

/** What is still asked beside Microsoft Entra ID's refusal of a token request: the OAuth flow, and the user name a password grant sends. */
const TOKEN_FACTS: ReadonlySet<FactPath> = new Set(["device.oauthFlow", "device.username"]);

/**
 * The failing reply is Exchange Online refusing mail that came to its MX host without a sign-in: Direct Send (RejectDirectSend,
 * 5.7.68), a sending IP address on Microsoft's block list (5.7.606–649, the connection filter of incoming mail: eighth hunt
 * #16, a qmail server's bounce, listed seventeen sign-in and tenant settings and assumed an AUTH LOGIN), or a relay connector
 * that does not match the device (4.4.62, ninth hunt #8: the same seventeen), a device that greets with the server's name
 * (5.7.506) or comes over IPv6 to a domain that takes IPv4 only (5.7.510).
 */
const INBOUND_REFUSALS: ReadonlySet<CauseId> = new Set(["direct-send-rejected", "sending-ip-blocked", "relay-connector-mismatch", "helo-name-refused", "ipv6-not-accepted"]);
function inboundRefused(a: ReplyAnalysis | undefined): boolean {
  const m = a?.primary;
  return m !== undefined && !m.success && m.candidates.length > 0 && m.candidates.every((id) => INBOUND_REFUSALS.has(id));
}

/** Transport facts stop mattering once the server has answered at AUTH or later. */
const TRANSPORT_FACTS: ReadonlySet<FactPath> = new Set(["device.host", "device.port", "device.security", "device.tlsVersion"]);

export function evaluate(c: Case, opts: EvaluateOptions): Diagnosis {
  const asOf = c.asOf ?? opts.today;
  // The reply is read on the device's copy of one shape: read on the case's own device (a shape for
  // each set of fields), V8's cache of property lookups missed on about one case in five (a lookup
  // in the runtime each time).
  const device = deviceRecord(c.device ?? {});
  const reply = device.reply;
  // The engine reads no client wrapper's name: not looked for.
  const analysis = reply !== undefined && reply.trim() !== "" ? analyzeReply(reply, { client: false }) : undefined;
  return withProbeProblems(c, evaluateDevice(c, device, analysis, asOf));
}

/** The primary reply when it is a permanent (5xx) refusal that is not a temporary error. */
function permanentRefusal(a: ReplyAnalysis | undefined): ReplyMatch | undefined {
  const m = a?.primary;
  if (!a?.recognized || !m || m.success || m.stage === "network") return undefined;
  if (m.candidates.includes("transient-service-error")) return undefined;
  const permanent = (m.reply.code !== undefined && m.reply.code >= 500) || (m.reply.code === undefined && m.reply.enhanced?.startsWith("5.") === true);
  return permanent ? m : undefined;
}

/**
 * The causes a reply points at as the diagnosis reads it, for the summary of a pasted text: its candidates, less those that hold
 * only for a sign-in method the sender does not use (readingFor), the method being the case's, else the one the text showed.
 */
export function replyReading(c: Pick<Case, "device">, d: Pick<Diagnosis, "signInFromText">, m: Pick<ReplyMatch, "patternId" | "candidates">): CauseId[] {
  const mechanism = c.device?.authMechanism;
  const mode = c.device?.auth ?? (mechanism !== undefined ? modeOfMechanism(mechanism) : (d.signInFromText ?? "unknown"));
  return readingFor(m, mode);
}

/** How a device signs in that uses this AUTH mechanism: XOAUTH2 is OAuth, every other a password (Basic). */
function modeOfMechanism(mechanism: Mechanism): "oauth" | "basic" {
  return mechanism === "XOAUTH2" ? "oauth" : "basic";
}

/** The engine with the reply already analysed (or none). */
export function evaluateWith(c: Case, analysis: ReplyAnalysis | undefined, asOf: string): Diagnosis {
  return withProbeProblems(c, evaluateDevice(c, deviceRecord(c.device ?? {}), analysis, asOf));
}

/** evaluateWith() given the copy of the case's device (deviceRecord(), made once by evaluate()). */
function evaluateDevice(c: Case, device: Device, analysis: ReplyAnalysis | undefined, asOf: string): Diagnosis {
  const out = new Collector();
  const provider = identifyProvider(c, analysis, device);
  // The reply read for the service that answered (a host can show it when the text does not).
  const read = provider && analysis ? analysisOutside(analysis, provider.id) : analysis;
  const ctx = buildContext(c, device, read, asOf, out, provider);
  // The OAuth flow the text names, for a device that signs in with OAuth and whose flow the case does not record: the client
  // credentials grant is app-only, a password grant, device code or authorization code a user's (delegated). The gates and the
  // plan then ask and plan for that flow only (not "SMTP.Send (delegated) or SMTP.SendAsApp (app-only)").
  const flowFromText = ctx.mode === "oauth" && device.oauthFlow === undefined ? ctx.analysis?.oauthFlow : undefined;
  if (flowFromText) {
    device.oauthFlow = flowFromText;
    out.info(flowFromText === "app" ? "oauth-flow-app-from-text" : "oauth-flow-delegated-from-text", [inference("inference.oauthFlowFromText")]);
  }
  if (provider) outsideGates(ctx);
  else exchangeOnlineGates(ctx);
  partialPasteInfo(ctx);
  const result = out.result();
  const { unknowns, info } = result;
  let { findings } = result;

  let relevant = unknowns;
  // Refused at delivery: sign-in worked, and nothing about the device or its account is worth asking;
  // a warning about sign-in (the Basic-auth retirement) is beside the point of this refusal.
  // (So is a forwarded copy refused by the organization's outbound policy: the message itself was accepted and delivered.)
  const delivery = deliverySide(ctx.analysis);
  if (delivery || forwardedCopyRefused(ctx.analysis)) {
    relevant = [];
    findings = findings.filter((f) => f.status !== "warning" || DELIVERY.has(f.id));
  }
  if (ctx.reachedAuth) relevant = relevant.filter((p) => !TRANSPORT_FACTS.has(p));
  // A refusal this tool cannot read, given after sign-in (at MAIL FROM, RCPT TO, DATA, in a report), with no cause before
  // sending in play (none at the connection, TLS or the sign-in): Exchange Online's sign-in settings do not answer there, so
  // they are not asked, nor is the sign-in method it offers assumed (the fifth hunt's Gmail, SES, Zoho and ISP refusals
  // listed SMTP AUTH switches, security defaults and licences).
  if (unexplainedAfterAuth(ctx.analysis) && !findings.some((f) => f.status !== "warning" && GATE_ORDER.indexOf(causeSpec(f.id).gate) < SENDING)) {
    relevant = relevant.filter((p) => !SIGN_IN_FACTS.has(p));
    dropInfo(info, "assumed-auth-mechanism");
  }
  // Mail that came without sign-in to the MX host refused (inboundRefused: Direct Send, a banned IP, a relay connector): no sign-in
  // setting or sign-in method of the device's is in question (it listed thirteen sign-in facts and assumed the device signs in
  // with AUTH LOGIN; found on 2026-12-05).
  if (inboundRefused(ctx.analysis)) {
    relevant = relevant.filter((p) => !SIGN_IN_FACTS.has(p) && !DEVICE_SIGN_IN_FACTS.has(p));
    dropInfo(info, "assumed-auth-mechanism");
  }
  // Microsoft Entra ID refused the token request with a cause it names (AADSTS…, before any SMTP): no SMTP or tenant setting
  // can be tried until the app has its token, so only what decides the token's fix is asked: the flow, and the user name a
  // password grant sends (sixth hunt #01 listed thirteen settings of the device, the mailbox and the tenant beside AADSTS50076).
  // A code this tool does not read names no cause: there every unknown stays, so that nothing turns into "clear".
  if (info.some((i) => i.id === "entra-before-smtp") && findings.some((f) => f.status === "blocking" && f.evidence.some((e) => e.kind === "reply" && e.patternId.startsWith("entra-")))) {
    relevant = relevant.filter((p) => TOKEN_FACTS.has(p));
    // (The SMTP sign-in method is beside the point too.)
    dropInfo(info, "assumed-oauth-mechanism");
  }
  if (mechanismAccepted(ctx)) relevant = relevant.filter((p) => p !== "device.authMechanism");
  // The test from this PC signed in ("in the pasted reply" said of the probe's own 235, persona round 8 #5): said as that test,
  // with its host, port and replies. Signed in and its message accepted: the path tested works end to end, nothing before
  // it is in question (the device's own settings are compared with the ones tested, as the Info says).
  const tested = ctx.probeTested;
  if (tested) {
    dropInfo(info, "auth-succeeded");
    info.unshift(probeSuccessInfo(c, tested));
    if (tested === "sent") relevant = [];
  }
  // A cause the server (or the sign-in log) names settles the facts that would only confirm it.
  for (const f of findings) {
    if (f.status !== "blocking" || !f.evidence.some((e) => e.kind === "reply" || e.kind === "signin")) continue;
    const settled = causeSpec(f.id).settledBy;
    if (settled) relevant = relevant.filter((p) => !settled.includes(p));
  }

  sortFindings(findings);
  let verdict: Verdict = findings.some((f) => f.status === "blocking")
    ? "blocked"
    : findings.some((f) => f.status === "possible") || relevant.length > 0
      ? "undetermined"
      : "clear";
  // A permanent refusal from the server proves the device cannot send as things are, even while
  // its exact cause is still one of several possible ones: the verdict is blocked, and the report
  // says the cause is to be confirmed among the possible causes.
  const refusal = permanentRefusal(read);
  if (verdict !== "blocked" && refusal) {
    verdict = "blocked";
    // With no cause at all (a refusal whose meaning at this service is not known): said so, not "among the causes above".
    info.push({ id: findings.length > 0 ? "server-refused" : "server-refused-unexplained", evidence: [replyEvidence(refusal)] });
  }
  // Outside Exchange Online nothing but the server's own acceptance can say it works: no "clear" on silence.
  if (verdict === "clear" && provider && !ctx.authPassed) verdict = "undetermined";
  // Whether the device can do OAuth decides the fix for a Basic device, never the verdict: asked
  // only when there is something to fix (so it cannot turn a clear verdict into an undetermined one).
  const diagnosis: Diagnosis = { verdict, asOf, causes: findings, unknowns: orderUnknowns(relevant), info, retirement: ctx.phase };
  if (device.auth === undefined && (ctx.mode === "oauth" || ctx.mode === "basic") && ctx.analysis !== undefined && device.authMechanism === undefined) diagnosis.signInFromText = ctx.mode;
  if (flowFromText) diagnosis.oauthFlowFromText = flowFromText;
  return diagnosis;
}

function buildContext(c: Case, device: Device, analysis: ReplyAnalysis | undefined, asOf: string, out: Collector, provider: ProviderFinding | undefined): Ctx {
  const probeTested = probeSucceeded(c);
  const hostKind = device.host === undefined ? undefined : classifyHost(device.host);
  const recognized = analysis?.recognized === true ? analysis : undefined;
  const mechanism: Mechanism | undefined = device.authMechanism ?? recognized?.mechanismTried;
  // A token request to Microsoft Entra ID in the text (an AADSTS error, its endpoint out of reach): the sender uses OAuth.
  // So does a device's message that its OAuth token could not be renewed (Sharp's 「トークンの更新に失敗しました」, QNAP's 「認証が切れま
  // した」): it was told it assumed Basic and shown Basic's options beside "move the device to OAuth" (persona round 7).
  const tokenRequest =
    mechanism === undefined &&
    (recognized?.matches.some((m) => m.stage === "token") === true || (recognized?.primary !== undefined && recognized.primary.candidates.length > 0 && recognized.primary.candidates.every((id) => id === "device-oauth-token")));
  // The mode: device.auth; else inferred from the mechanism (the device's, or the transcript's), or from a token request.
  // (So does an OAuth flow the text names: "… through the client_credentials flow".)
  const mode: AuthMode = device.auth ?? (mechanism === undefined ? (tokenRequest || recognized?.oauthFlow !== undefined ? "oauth" : "unknown") : modeOfMechanism(mechanism));
  const source = c.sources?.["device.auth"];
  const modeEvidence: Evidence | undefined =
    device.auth !== undefined
      ? source
        ? { kind: "fact", path: "device.auth", value: device.auth, source }
        : { kind: "fact", path: "device.auth", value: device.auth }
      : mechanism !== undefined
        ? inference("inference.authModeFromMechanism", { mechanism })
        : undefined;
  return {
    c,
    device,
    tenant: tenantRecord(c.tenant ?? {}),
    account: accountRecord(c.account ?? {}),
    analysis: recognized,
    asOf,
    phase: retirementPhase(asOf),
    mode,
    modeEvidence,
    sendsPassword: device.auth === "oauth" && passwordAnswer(recognized),
    mechanism,
    hostKind,
    hve: hostKind === "hve",
    // The test from this PC signed in (case.probe.auth), its reply being the case's: with --send that reply is the 250 after it.
    authPassed: authPassedByReply(recognized) !== undefined || probeTested !== undefined,
    reachedAuth: reachedAuthByReply(recognized) || probeTested !== undefined,
    probeTested,
    provider,
    out,
  };
}

/** The failing reply is one only a password sign-in gets: every cause it names refuses Basic authentication alone. */
function passwordAnswer(a: ReplyAnalysis | undefined): boolean {
  const m = a?.primary;
  return m !== undefined && !m.success && m.candidates.length > 0 && m.candidates.every(isBasicOnly);
}

/** The failing reply is a permanent refusal this tool cannot read, at a stage after AUTH. */
function unexplainedAfterAuth(a: ReplyAnalysis | undefined): boolean {
  const m = permanentRefusal(a);
  return m !== undefined && m.candidates.length === 0 && AFTER_AUTH_STAGES.has(m.stage);
}

/** The failing reply is the report of an automatic forwarding the organization's outbound spam policy refused (5.7.520). */
function forwardedCopyRefused(a: ReplyAnalysis | undefined): boolean {
  const m = a?.primary;
  return m !== undefined && !m.success && m.candidates.length > 0 && m.candidates.every((id) => id === "auto-forwarding-blocked");
}

/** The failing reply is a refusal at delivery (the message had been accepted). */
function deliverySide(a: ReplyAnalysis | undefined): boolean {
  const m = a?.primary;
  return m !== undefined && !m.success && m.candidates.length > 0 && m.candidates.every((id) => DELIVERY.has(id));
}

/**
 * What a partial paste leaves out, said plainly (issue 10): only a code (the full reply names the
 * cause), a client's own words instead of the server's (how to see the server's), a CI log's masking.
 */
function partialPasteInfo(ctx: Ctx): void {
  const a = ctx.analysis;
  if (!a) return;
  const m = a.primary;
  if (a.codeOnly && m) ctx.out.info("reply-code-only", [replyEvidence(m), inference("inference.codeOnly", { code: m.reply.line })]);
  // Words that say only that something failed, not why: said so first, with the step they speak of (none is assumed).
  const words = m ? FAILURE_WORDS_STEP[m.patternId] : undefined;
  if (m && words) ctx.out.info("failure-words-only", [replyEvidence(m), inference(`inference.failureWords.${words}`)]);
  if (m && TEXT_HIDING_SIGNALS.has(m.patternId)) ctx.out.info("server-text-hidden", [replyEvidence(m), inference("inference.serverTextHidden")]);
  if (a.masked) ctx.out.info("text-masked", [inference("inference.textMasked")]);
}

/** The server judged the credentials (535/550 at AUTH) or accepted them: the mechanism itself was fine. */
function mechanismAccepted(ctx: Ctx): boolean {
  const a = ctx.analysis;
  if (!a) return false;
  if (ctx.authPassed) return true;
  const m = a.primary;
  if (!m || m.success || m.stage !== "auth") return false;
  if (m.candidates.some((id) => id === "auth-mechanism-unsupported" || id === "client-protocol-error" || id === "transient-service-error")) return false;
  return m.reply.code === 535 || m.reply.code === 550 || (m.reply.code === undefined && /^5\.7\.(139|3|30)$/.test(m.reply.enhanced ?? ""));
}
