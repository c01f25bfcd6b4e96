// Random cases for property tests and the engine bench: every fact absent or set to a plausible
// value, drawn with a seeded generator so failures can be replayed.
import { CASE_SCHEMA_ID, type Case } from "../../src/case/schema.js";
import type { FactPath } from "../../src/case/facts.js";

/** mulberry32: small, fast, deterministic. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const POLICIES = [null, { name: "Allow SMTP Basic", allowBasicAuthSmtp: true }, { name: "Block Basic", allowBasicAuthSmtp: false }];

/** The values a fact can take in generated cases (also used to probe "irrelevant" unknowns). */
export const FACT_VALUES: Partial<Record<FactPath, readonly unknown[]>> = {
  asOf: ["2026-11-22", "2026-12-15", "2027-01-15"],
  "device.host": ["smtp.office365.com", "smtp-legacy.office365.com", "smtp.hve.mx.microsoft", "contoso-com.mail.protection.outlook.com", "52.96.0.1", "outlook.office365.com", "relay.contoso.local"],
  "device.port": [587, 25, 465, 2525],
  "device.security": ["starttls", "tls", "none"],
  "device.tlsVersion": ["1.0", "1.1", "1.2", "1.3"],
  "device.auth": ["basic", "oauth", "none"],
  "device.authMechanism": ["LOGIN", "PLAIN", "XOAUTH2", "CRAM-MD5", "NTLM"],
  "device.username": ["mfp@contoso.com"],
  "device.from": ["mfp@contoso.com", "noreply@contoso.com", "Scanner <MFP@contoso.com>"],
  "device.oauthSupported": [true, false],
  "device.oauthFlow": ["delegated", "app"],
  "device.provider": ["exchange-online", "google", "outlook-consumer", "exchange-onprem"],
  "tenant.smtpClientAuthenticationDisabled": [true, false],
  "tenant.securityDefaultsEnabled": [true, false],
  "tenant.oauth2ClientProfileEnabled": [true, false],
  "tenant.defaultAuthenticationPolicy": POLICIES,
  "tenant.basicAuthSmtpReenabled": [true, false],
  "tenant.entraIdP1": [true, false],
  "tenant.rejectDirectSend": [true, false],
  "tenant.allowLegacyTlsClients": [true, false, null],
  "tenant.createdDate": ["2020-05-01", "2027-01-05"],
  "account.smtpClientAuthenticationDisabled": [true, false, null],
  "account.recipientTypeDetails": ["UserMailbox", "SharedMailbox", "RoomMailbox", "EquipmentMailbox", "MailUser", "None"],
  "account.exchangeLicensed": [true, false],
  "account.accountEnabled": [true, false],
  "account.perUserMfaState": ["disabled", "enabled", "enforced"],
  "account.authenticationPolicy": POLICIES,
  "account.legacyAuthBlockedByConditionalAccess": [true, false],
  "account.sendAs": [true, false],
  "account.passwordExpired": [true, false],
  "account.oauthApp.servicePrincipalRegistered": [true, false],
  "account.oauthApp.mailboxPermission": [true, false],
  "account.oauthApp.permissionConsented": [true, false],
};

const SIGNIN_CODES = [0, 50126, 50053, 50057, 50055, 53003, 50076, 50074, 700016];

/**
 * A random case. `known` is the chance that a fact is present; values lean towards the passing
 * one so that cases with few problems (and long unknown lists) are common too.
 */
export function randomCase(next: () => number, known = 0.6): Case {
  const c: Record<string, Record<string, unknown> | unknown> = { schema: CASE_SCHEMA_ID };
  for (const [path, values] of Object.entries(FACT_VALUES) as [FactPath, readonly unknown[]][]) {
    if (next() >= known) continue;
    const value = next() < 0.5 ? values[0] : values[Math.floor(next() * values.length)];
    const keys = path.split(".");
    let node = c as Record<string, unknown>;
    for (const k of keys.slice(0, -1)) node = (node[k] ??= {}) as Record<string, unknown>;
    node[keys[keys.length - 1] as string] = value;
  }
  if (next() < 0.2) {
    const account = (c.account ??= {}) as Record<string, unknown>;
    const n = 1 + Math.floor(next() * 3);
    account.signIns = Array.from({ length: n }, (_, i) => ({ at: `2026-11-2${i}T08:00:00Z`, errorCode: SIGNIN_CODES[Math.floor(next() * SIGNIN_CODES.length)] as number }));
  }
  if (next() < 0.05) c.probe = { host: "smtp.office365.com", port: 587, at: "2026-11-22T08:00:00Z", reachable: next() < 0.5 };
  return c as Case;
}
