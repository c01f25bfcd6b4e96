// Realistic cases for the what-if tests: a printer that sends with Basic auth, every gate known.
import type { Case } from "../../src/case/schema.js";

/** Every gate known and passing (the tenant is hardened, the mailbox is the exception). */
export function healthyBasic(): Case {
  return {
    schema: "smtp-auth-doctor/case@1",
    asOf: "2026-11-22",
    device: {
      host: "smtp.office365.com",
      port: 587,
      security: "starttls",
      tlsVersion: "1.2",
      auth: "basic",
      authMechanism: "LOGIN",
      username: "mfp-3f@contoso.com",
      from: "mfp-3f@contoso.com",
      oauthSupported: true,
    },
    tenant: {
      smtpClientAuthenticationDisabled: true,
      securityDefaultsEnabled: false,
      defaultAuthenticationPolicy: null,
      entraIdP1: true,
      rejectDirectSend: false,
    },
    account: {
      smtpClientAuthenticationDisabled: false,
      recipientTypeDetails: "UserMailbox",
      exchangeLicensed: true,
      accountEnabled: true,
      perUserMfaState: "disabled",
      authenticationPolicy: null,
      legacyAuthBlockedByConditionalAccess: false,
      passwordExpired: false,
    },
    sources: {
      "tenant.smtpClientAuthenticationDisabled": { kind: "live", endpoint: "Get-TransportConfig", at: "2026-11-22T01:00:00Z" },
      "account.smtpClientAuthenticationDisabled": { kind: "answer", note: "MAC > Active users > Mail > Manage email apps" },
    },
  };
}

/** Tenant off with the mailbox following it, security defaults, CA legacy block, per-user MFA, a user policy blocking Basic. */
export function layered(): Case {
  const c = healthyBasic();
  c.account = {
    ...c.account,
    smtpClientAuthenticationDisabled: null,
    perUserMfaState: "enforced",
    legacyAuthBlockedByConditionalAccess: true,
    authenticationPolicy: { name: "Block Basic Auth", allowBasicAuthSmtp: false },
  };
  c.tenant = { ...c.tenant, securityDefaultsEnabled: true };
  return c;
}
