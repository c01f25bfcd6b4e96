// Baseline cases for the engine tests: every fact known and passing, so a test changes only the
// facts it is about (with setFact) and asserts exactly what that change does.
import { setFact, type FactPath } from "../../src/case/facts.js";
import { CASE_SCHEMA_ID, type Case } from "../../src/case/schema.js";
import type { Diagnosis, Finding } from "../../src/engine/types.js";

export const BASIC_OK: Case = {
  schema: CASE_SCHEMA_ID,
  asOf: "2026-11-22",
  device: {
    host: "smtp.office365.com",
    port: 587,
    security: "starttls",
    tlsVersion: "1.2",
    auth: "basic",
    authMechanism: "LOGIN",
    username: "mfp@contoso.com",
    from: "mfp@contoso.com",
    oauthSupported: false,
  },
  tenant: { smtpClientAuthenticationDisabled: false, securityDefaultsEnabled: false, defaultAuthenticationPolicy: null, oauth2ClientProfileEnabled: true },
  account: {
    smtpClientAuthenticationDisabled: null,
    recipientTypeDetails: "UserMailbox",
    exchangeLicensed: true,
    accountEnabled: true,
    perUserMfaState: "disabled",
    authenticationPolicy: null,
    legacyAuthBlockedByConditionalAccess: false,
    passwordExpired: false,
  },
};

export const OAUTH_APP_OK: Case = {
  schema: CASE_SCHEMA_ID,
  asOf: "2026-11-22",
  device: {
    host: "smtp.office365.com",
    port: 587,
    security: "starttls",
    tlsVersion: "1.2",
    auth: "oauth",
    authMechanism: "XOAUTH2",
    oauthFlow: "app",
    username: "mfp@contoso.com",
    from: "mfp@contoso.com",
  },
  tenant: { smtpClientAuthenticationDisabled: true },
  account: {
    smtpClientAuthenticationDisabled: false,
    recipientTypeDetails: "UserMailbox",
    exchangeLicensed: true,
    accountEnabled: true,
    oauthApp: { servicePrincipalRegistered: true, mailboxPermission: true, permissionConsented: true },
  },
};

/** A copy of `base` with facts set; `undefined` makes a fact unknown. */
export function withFacts(base: Case, facts: Partial<Record<FactPath, unknown>>): Case {
  let c = base;
  for (const [path, value] of Object.entries(facts)) c = setFact(c, path as FactPath, value);
  return c;
}

export function finding(d: Diagnosis, id: Finding["id"]): Finding | undefined {
  return d.causes.find((f) => f.id === id);
}

/** "id:status" for every cause, in order: compact for deepEqual. */
export function summary(d: Diagnosis): string[] {
  return d.causes.map((f) => `${f.id}:${f.status}`);
}

import type { ReplyAnalysis, ReplyMatch, ReplyStage } from "../../src/replies/types.js";
import type { CauseId } from "../../src/engine/types.js";

/** A hand-built analysis of one reply line, as src/replies would produce it. */
export function replyAnalysis(
  line: string,
  match: { patternId: string; candidates: CauseId[]; decisive: boolean; stage?: ReplyStage; success?: boolean },
  extra: Partial<Omit<ReplyAnalysis, "input" | "replies" | "matches" | "primary">> = {},
): ReplyAnalysis {
  const m = /^(\d{3})?[ -]?(\d\.\d{1,3}\.\d{1,3})?\s*(.*)$/.exec(line);
  const code = m?.[1] ? Number(m[1]) : undefined;
  const enhanced = m?.[2];
  const reply = { ...(code !== undefined ? { code } : {}), ...(enhanced ? { enhanced } : {}), text: (m?.[3] ?? line).trim(), line };
  const rm: ReplyMatch = { patternId: match.patternId, reply, stage: match.stage ?? "auth", candidates: match.candidates, decisive: match.decisive, success: match.success ?? false };
  return { input: line, replies: [reply], matches: [rm], primary: rm, authSucceeded: false, recognized: true, ...extra };
}

export const AUTH_OK: ReplyAnalysis = (() => {
  const reply = { code: 235, enhanced: "2.7.0", text: "Authentication successful", line: "235 2.7.0 Authentication successful" };
  const m: ReplyMatch = { patternId: "auth-success", reply, stage: "auth", candidates: [], decisive: false, success: true };
  return { input: reply.line, replies: [reply], matches: [m], primary: m, authSucceeded: true, recognized: true };
})();

/**
 * Persona 9a (tmux, 2026-12-06): a help desk in Japan without admin rights; its Canon stopped this week with "535 5.7.139
 * Authentication unsuccessful, basic authentication is disabled." and worked before.
 */
export const PERSONA_9A: Case = {
  schema: CASE_SCHEMA_ID,
  asOf: "2026-12-06",
  device: { vendor: "canon", model: "iR-ADV C3730F", username: "scan-3f@contoso.co.jp", reply: "535 5.7.139 Authentication unsuccessful, basic authentication is disabled." },
  history: { workedBefore: "yes", stoppedOn: "2026-12-03" },
};
