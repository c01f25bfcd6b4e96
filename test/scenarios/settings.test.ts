// QA scenarios: each setting alone, precedence, layered blockers, OAuth, transport, Send As, shared
// mailbox. Expectations are derived from domain.md (section in each name), not from the engine.
import { describe, test } from "node:test";
import { basicOk, check, oauthAppOk, withCase, type Scenario } from "./scenario-kit.js";

const policyBlock = { name: "Block Basic", allowBasicAuthSmtp: false };
const policyAllow = { name: "Allow SMTP Basic", allowBasicAuthSmtp: true };

const SCENARIOS: Scenario[] = [
  // ---- baseline -------------------------------------------------------------------------------
  {
    name: "§4 baseline: every gate known and passing with Basic before the change → clear, retirement only a warning",
    case: basicOk(),
    expect: { verdict: "clear", blocking: [], causes: { "basic-auth-retired": "warning" }, unknowns: [] },
  },
  {
    name: "§7 baseline: OAuth app-only with SMTP AUTH on and the app set up → clear, no Basic retirement cause",
    case: oauthAppOk(),
    expect: { verdict: "clear", blocking: [], absent: ["basic-auth-retired"], unknowns: [] },
  },

  // ---- each setting alone (C1–C9) --------------------------------------------------------------
  {
    name: "C1 tenant SMTP AUTH off, mailbox null (follows tenant) → blocked by the tenant switch only",
    case: withCase(basicOk(), { account: { smtpClientAuthenticationDisabled: null } }),
    expect: { verdict: "blocked", blocking: ["tenant-smtp-auth-disabled"], absent: ["mailbox-smtp-auth-disabled"] },
  },
  {
    name: "C2 mailbox SMTP AUTH off while the tenant is on → blocked by the mailbox switch only (mailbox beats tenant)",
    case: withCase(basicOk(), { tenant: { smtpClientAuthenticationDisabled: false }, account: { smtpClientAuthenticationDisabled: true } }),
    expect: { verdict: "blocked", blocking: ["mailbox-smtp-auth-disabled"], absent: ["tenant-smtp-auth-disabled"] },
  },
  {
    name: "C1/C2 tenant on, mailbox null → follows the enabled tenant: clear",
    case: withCase(basicOk(), { tenant: { smtpClientAuthenticationDisabled: false }, account: { smtpClientAuthenticationDisabled: null } }),
    expect: { verdict: "clear", blocking: [], absent: ["tenant-smtp-auth-disabled", "mailbox-smtp-auth-disabled"] },
  },
  {
    name: "C1/C2 tenant off, mailbox $false → the mailbox value wins: no switch cause, tenant value not an unknown",
    case: basicOk(),
    expect: { verdict: "clear", absent: ["tenant-smtp-auth-disabled", "mailbox-smtp-auth-disabled"] },
  },
  {
    name: "C1/C2 mailbox $false with the tenant value unknown → the tenant value does not matter (not an unknown)",
    case: withCase(basicOk(), { tenant: { smtpClientAuthenticationDisabled: undefined } }),
    expect: { verdict: "clear", notUnknowns: ["tenant.smtpClientAuthenticationDisabled"] },
  },
  {
    name: "C1/C2 mailbox null with the tenant value unknown → undetermined, tenant switch listed as unknown",
    case: withCase(basicOk(), { tenant: { smtpClientAuthenticationDisabled: undefined }, account: { smtpClientAuthenticationDisabled: null } }),
    expect: { verdict: "undetermined", blocking: [], unknowns: ["tenant.smtpClientAuthenticationDisabled"] },
  },
  {
    name: "C4 security defaults on with Basic → blocked (per-mailbox enablement cannot override)",
    case: withCase(basicOk(), { tenant: { securityDefaultsEnabled: true } }),
    expect: { verdict: "blocked", blocking: ["security-defaults"] },
  },
  {
    name: "C6 Conditional Access blocks legacy clients for the device account → blocked",
    case: withCase(basicOk(), { account: { legacyAuthBlockedByConditionalAccess: true } }),
    expect: { verdict: "blocked", blocking: ["conditional-access"] },
  },
  {
    name: "C5 per-user MFA enforced with Basic → blocked",
    case: withCase(basicOk(), { account: { perUserMfaState: "enforced" } }),
    expect: { verdict: "blocked", blocking: ["per-user-mfa"] },
  },
  {
    // Microsoft (howto-mfa-userstates / Get-EntraBetaUserAuthenticationRequirement): "Enabled — the user is
    // enrolled in per-user MFA, but can still use their password for legacy authentication"; a user who
    // registers a method is moved to "enforced" automatically. So "enabled" does not block Basic today.
    name: "C5 per-user MFA 'enabled' (not enforced) → legacy password sign-in still works: per-user-mfa not blocking",
    case: withCase(basicOk(), { account: { perUserMfaState: "enabled" } }),
    expect: { verdict: ["clear", "undetermined"], blocking: [], notBlocking: ["per-user-mfa"] },
  },
  {
    name: "C3 authentication policy assigned to the user blocks Basic SMTP → blocked",
    case: withCase(basicOk(), { account: { authenticationPolicy: policyBlock } }),
    expect: { verdict: "blocked", blocking: ["auth-policy-blocks-basic"] },
  },
  {
    name: "C3 org default policy blocks Basic and the user has none (null) → blocked by the default",
    case: withCase(basicOk(), { tenant: { defaultAuthenticationPolicy: policyBlock } }),
    expect: { verdict: "blocked", blocking: ["auth-policy-blocks-basic"] },
  },
  {
    name: "C3 user-assigned policy allows Basic SMTP, org default blocks → the user policy wins: clear",
    case: withCase(basicOk(), { tenant: { defaultAuthenticationPolicy: policyBlock }, account: { authenticationPolicy: policyAllow } }),
    expect: { verdict: "clear", absent: ["auth-policy-blocks-basic"] },
  },
  {
    name: "C3 user-assigned policy blocks, org default allows → the user policy wins: blocked",
    case: withCase(basicOk(), { tenant: { defaultAuthenticationPolicy: policyAllow }, account: { authenticationPolicy: policyBlock } }),
    expect: { verdict: "blocked", blocking: ["auth-policy-blocks-basic"] },
  },
  {
    name: "C3 user policy assigned (allows) → the org default is irrelevant even when unknown",
    case: withCase(basicOk(), { tenant: { defaultAuthenticationPolicy: undefined }, account: { authenticationPolicy: policyAllow } }),
    expect: { verdict: "clear", notUnknowns: ["tenant.defaultAuthenticationPolicy"] },
  },
  {
    name: "C3 user has no policy (null) and the org default is unknown → undetermined, default policy is the unknown",
    case: withCase(basicOk(), { tenant: { defaultAuthenticationPolicy: undefined } }),
    expect: { verdict: "undetermined", blocking: [], unknowns: ["tenant.defaultAuthenticationPolicy"] },
  },
  {
    name: "C8 account sign-in blocked (accountEnabled=false) → blocked",
    case: withCase(basicOk(), { account: { accountEnabled: false } }),
    expect: { verdict: "blocked", blocking: ["account-disabled"] },
  },
  {
    name: "C8 password expired → blocked",
    case: withCase(basicOk(), { account: { passwordExpired: true } }),
    expect: { verdict: "blocked", blocking: ["password-expired"] },
  },
  {
    name: "C9 no Exchange Online licence → blocked",
    case: withCase(basicOk(), { account: { exchangeLicensed: false } }),
    expect: { verdict: "blocked", blocking: ["no-licensed-mailbox"] },
  },
  {
    name: "C9 shared mailbox signing in with a password (Basic) → blocked: not a licensed user mailbox",
    case: withCase(basicOk(), {
      device: { username: "scans@contoso.com", from: "scans@contoso.com" },
      account: { recipientTypeDetails: "SharedMailbox", exchangeLicensed: false },
    }),
    expect: { verdict: "blocked", blocking: ["no-licensed-mailbox"] },
  },
  {
    name: "C7 OAuth2ClientProfileEnabled=False is information, never a cause (Basic)",
    case: withCase(basicOk(), { tenant: { oauth2ClientProfileEnabled: false } }),
    expect: { verdict: "clear", blocking: [] },
  },
  {
    name: "C7 OAuth2ClientProfileEnabled=False is information, never a cause (OAuth)",
    case: withCase(oauthAppOk(), { tenant: { oauth2ClientProfileEnabled: false } }),
    expect: { verdict: "clear", blocking: [] },
  },

  // ---- Send As (C12) ----------------------------------------------------------------------------
  {
    name: "C12 From differs from the login and Send As is not granted → blocked by send-as-denied",
    case: withCase(basicOk(), { device: { from: "scanner-noreply@contoso.com" }, account: { sendAs: false } }),
    expect: { verdict: "blocked", blocking: ["send-as-denied"] },
  },
  {
    name: "C12 From differs and Send As is granted → clear",
    case: withCase(basicOk(), { device: { from: "scanner-noreply@contoso.com" }, account: { sendAs: true } }),
    expect: { verdict: "clear", absent: ["send-as-denied"] },
  },
  {
    name: "C12 From differs and Send As is unknown → never clear; account.sendAs is an unknown",
    case: withCase(basicOk(), { device: { from: "scanner-noreply@contoso.com" } }),
    expect: { verdict: "undetermined", blocking: [], unknowns: ["account.sendAs"] },
  },

  // ---- OAuth (§7, C16) --------------------------------------------------------------------------
  {
    name: "§7 OAuth: Basic-only gates (security defaults, auth policy, CA legacy block, per-user MFA) never block app-only OAuth",
    case: withCase(oauthAppOk(), {
      tenant: { securityDefaultsEnabled: true, defaultAuthenticationPolicy: policyBlock },
      account: { authenticationPolicy: policyBlock, legacyAuthBlockedByConditionalAccess: true, perUserMfaState: "enforced" },
    }),
    expect: { verdict: "clear", blocking: [], notBlocking: ["security-defaults", "auth-policy-blocks-basic", "conditional-access", "per-user-mfa"] },
  },
  {
    name: "C1 OAuth with the tenant switch off and the mailbox following it → blocked (the switch blocks OAuth too)",
    case: withCase(oauthAppOk(), { account: { smtpClientAuthenticationDisabled: null } }),
    expect: { verdict: "blocked", blocking: ["tenant-smtp-auth-disabled"] },
  },
  {
    name: "C2 OAuth with the mailbox switch off → blocked (the switch blocks OAuth too)",
    case: withCase(oauthAppOk(), { tenant: { smtpClientAuthenticationDisabled: false }, account: { smtpClientAuthenticationDisabled: true } }),
    expect: { verdict: "blocked", blocking: ["mailbox-smtp-auth-disabled"] },
  },
  {
    name: "§7 OAuth app-only: service principal not registered in Exchange (New-ServicePrincipal missing) → blocked",
    case: withCase(oauthAppOk(), { account: { oauthApp: { servicePrincipalRegistered: false } } }),
    expect: { verdict: "blocked", blocking: ["oauth-misconfigured"] },
  },
  {
    name: "§7 OAuth app-only: no FullAccess for the app on the mailbox → blocked",
    case: withCase(oauthAppOk(), { account: { oauthApp: { mailboxPermission: false } } }),
    expect: { verdict: "blocked", blocking: ["oauth-misconfigured"] },
  },
  {
    name: "§7 OAuth app-only: SMTP.SendAsApp not consented → blocked",
    case: withCase(oauthAppOk(), { account: { oauthApp: { permissionConsented: false } } }),
    expect: { verdict: "blocked", blocking: ["oauth-misconfigured"] },
  },
  {
    name: "§7 OAuth app-only: mailbox permission unknown → undetermined, never clear",
    case: withCase(oauthAppOk(), { account: { oauthApp: { mailboxPermission: undefined } } }),
    expect: { verdict: "undetermined", blocking: [], unknowns: ["account.oauthApp.mailboxPermission"] },
  },
  {
    name: "C9/§7 shared mailbox sending with app-only OAuth + FullAccess → no licence cause (OAuth can send as a shared mailbox)",
    case: withCase(oauthAppOk(), {
      device: { username: "scans@contoso.com", from: "scans@contoso.com" },
      account: { recipientTypeDetails: "SharedMailbox", exchangeLicensed: false },
    }),
    expect: { verdict: "clear", notBlocking: ["no-licensed-mailbox"] },
  },
  {
    name: "C9 OAuth app-only sending as an UNLICENSED user mailbox → blocked: SMTP AUTH needs a licensed mailbox (only shared mailboxes are exempt)",
    case: withCase(oauthAppOk(), { account: { recipientTypeDetails: "UserMailbox", exchangeLicensed: false } }),
    expect: { verdict: "blocked", blocking: ["no-licensed-mailbox"] },
  },
  {
    name: "C9 OAuth app-only as a user mailbox whose licence is unknown → undetermined, licence asked for",
    case: withCase(oauthAppOk(), { account: { recipientTypeDetails: "UserMailbox", exchangeLicensed: undefined } }),
    expect: { verdict: "undetermined", unknowns: ["account.exchangeLicensed"] },
  },

  // ---- layered blockers (all at once) -----------------------------------------------------------
  {
    name: "layered: tenant off + security defaults + user auth policy + CA + MFA enforced → every layer reported at once",
    case: withCase(basicOk(), {
      tenant: { securityDefaultsEnabled: true },
      account: { smtpClientAuthenticationDisabled: null, authenticationPolicy: policyBlock, legacyAuthBlockedByConditionalAccess: true, perUserMfaState: "enforced" },
    }),
    expect: {
      verdict: "blocked",
      blocking: ["tenant-smtp-auth-disabled", "security-defaults", "auth-policy-blocks-basic", "conditional-access", "per-user-mfa"],
    },
  },
  {
    name: "layered: mailbox off + unlicensed + Send As denied + TLS 1.1 → all four reported",
    case: withCase(basicOk(), {
      device: { tlsVersion: "1.1", from: "alerts@contoso.com" },
      tenant: { smtpClientAuthenticationDisabled: false },
      account: { smtpClientAuthenticationDisabled: true, exchangeLicensed: false, sendAs: false },
    }),
    expect: {
      verdict: "blocked",
      blocking: ["mailbox-smtp-auth-disabled", "no-licensed-mailbox", "send-as-denied", "tls-version-unsupported"],
    },
  },

  // ---- transport (§3, C10) ----------------------------------------------------------------------
  {
    name: "§3 port 465 with implicit TLS → blocked (465 does not support client submission)",
    case: withCase(basicOk(), { device: { port: 465, security: "tls" } }),
    expect: { verdict: "blocked", blockingOneOf: [["wrong-endpoint", "starttls-missing"]] },
  },
  {
    name: "§3 port 587 but 'SSL/TLS' (implicit TLS) selected on the panel → blocked",
    case: withCase(basicOk(), { device: { security: "tls" } }),
    expect: { verdict: "blocked", blockingOneOf: [["starttls-missing", "wrong-endpoint"]] },
  },
  {
    name: "§3 no encryption at all on 587 → blocked: STARTTLS missing",
    case: withCase(basicOk(), { device: { security: "none" } }),
    expect: { verdict: "blocked", blocking: ["starttls-missing"] },
  },
  {
    name: "§3 device can only do TLS 1.0 → blocked: TLS version",
    case: withCase(basicOk(), { device: { tlsVersion: "1.0" } }),
    expect: { verdict: "blocked", blocking: ["tls-version-unsupported"] },
  },
  {
    name: "§8 MX host (mail.protection.outlook.com) configured as the SMTP AUTH server → blocked: wrong endpoint",
    case: withCase(basicOk(), { device: { host: "contoso-com.mail.protection.outlook.com" } }),
    expect: { verdict: "blocked", blocking: ["wrong-endpoint"] },
  },
  {
    name: "§3 IP literal instead of smtp.office365.com → wrong-endpoint reported, never clear",
    case: withCase(basicOk(), { device: { host: "52.96.222.194" } }),
    expect: { verdict: ["blocked", "undetermined"], presentOneOf: [["wrong-endpoint"]] },
  },
  {
    name: "C10 port 587, STARTTLS, TLS 1.3 → no transport cause",
    case: withCase(basicOk(), { device: { tlsVersion: "1.3" } }),
    expect: { verdict: "clear", absent: ["wrong-endpoint", "starttls-missing", "tls-version-unsupported"] },
  },
  {
    name: "§3 port 25 with STARTTLS is allowed for client submission",
    case: withCase(basicOk(), { device: { port: 25 } }),
    expect: { verdict: "clear", absent: ["wrong-endpoint", "starttls-missing"] },
  },
  {
    name: "C10 device configured for no authentication against smtp.office365.com → blocked: no-authentication",
    case: withCase(basicOk(), { device: { auth: "none", authMechanism: undefined } }),
    expect: { verdict: "blocked", blocking: ["no-authentication"] },
  },
  {
    name: "§3 AUTH PLAIN is not offered (only LOGIN and XOAUTH2) → blocked: mechanism",
    case: withCase(basicOk(), { device: { authMechanism: "PLAIN" } }),
    expect: { verdict: "blocked", blocking: ["auth-mechanism-unsupported"] },
  },

  // ---- sign-in log evidence (§6.1, §4 C8) -------------------------------------------------------
  {
    name: "C8 settings all pass but the newest Authenticated SMTP sign-in failed with 50126 (bad password) → wrong credentials, never clear",
    case: withCase(basicOk(), { account: { signIns: [{ at: "2026-11-22T08:55:00Z", errorCode: 50126, failureReason: "Invalid username or password." }] } }),
    expect: { verdict: ["blocked", "undetermined"], causes: { "wrong-credentials": ["blocking", "possible"] } },
  },
  {
    name: "C8 newest sign-in 50053 (locked) → account locked",
    case: withCase(basicOk(), { account: { signIns: [{ at: "2026-11-22T08:55:00Z", errorCode: 50053 }] } }),
    expect: { verdict: ["blocked", "undetermined"], causes: { "account-locked": ["blocking", "possible"] } },
  },
  {
    name: "C6 newest sign-in 53003 (blocked by Conditional Access) while the CA fact says no block → conditional access named",
    case: withCase(basicOk(), { account: { signIns: [{ at: "2026-11-22T08:55:00Z", errorCode: 53003, conditionalAccessStatus: "failure" }] } }),
    expect: { verdict: ["blocked", "undetermined"], causes: { "conditional-access": ["blocking", "possible"] } },
  },
  {
    name: "C9 licensed SHARED mailbox signing in with a password (Basic) → never clear: client submission needs a user mailbox (S32)",
    case: withCase(basicOk(), { device: { username: "scans@contoso.com", from: "scans@contoso.com" }, account: { recipientTypeDetails: "SharedMailbox", exchangeLicensed: true } }),
    expect: { verdict: ["blocked", "undetermined"], causes: { "no-licensed-mailbox": ["blocking", "possible"] } },
  },
  {
    name: "§3 legacy-TLS opt-in: smtp-legacy.office365.com with AllowLegacyTLSClients=$true and a TLS 1.0 device → TLS not blocking",
    case: withCase(basicOk(), { device: { host: "smtp-legacy.office365.com", tlsVersion: "1.0" }, tenant: { allowLegacyTlsClients: true } }),
    expect: { notBlocking: ["tls-version-unsupported", "wrong-endpoint"], causes: { "basic-auth-retired": "warning" } },
  },
  {
    name: "§3 smtp-legacy.office365.com with TLS 1.0 but the opt-in not set ($null = off) → blocked",
    case: withCase(basicOk(), { device: { host: "smtp-legacy.office365.com", tlsVersion: "1.0" }, tenant: { allowLegacyTlsClients: null } }),
    expect: { verdict: "blocked", blockingOneOf: [["tls-version-unsupported", "wrong-endpoint"]] },
  },
  {
    name: "C3 no user policy (null) and no org default (null) → no policy at all: no auth-policy cause, neither fact unknown",
    case: basicOk(),
    expect: { absent: ["auth-policy-blocks-basic"], notUnknowns: ["account.authenticationPolicy", "tenant.defaultAuthenticationPolicy"] },
  },
];

describe("QA scenarios: settings, precedence, layers, OAuth, transport", () => {
  for (const s of SCENARIOS) {
    test(s.name, s.todo !== undefined ? { todo: s.todo } : {}, async () => {
      await check(s.case, s.expect);
    });
  }
});

export const SETTINGS_SCENARIO_COUNT = SCENARIOS.length;
