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
