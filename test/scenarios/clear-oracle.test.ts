// QA property check against false "clear": thousands of generated cases (deterministic PRNG, facts
// dropped or varied at random). Whenever the engine says "clear", an independent oracle written from
// domain.md must agree that every gate is known and passes. The oracle only states NECESSARY
// conditions for "clear"; it never asks the engine to be clear.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Case } from "../../src/case/schema.js";
import { evaluate } from "../../src/engine/index.js";
import { TODAY } from "./scenario-kit.js";

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ABSENT = Symbol("absent");
type Pick = <T>(...values: T[]) => T | typeof ABSENT;

function generate(rand: () => number): Case {
  // Biased towards the passing value (listed first) so that "clear" verdicts actually occur.
  const pick: Pick = (...values) => {
    const r = rand();
    if (r < 0.06) return ABSENT;
    if (r < 0.8 || values.length === 1) return values[0]!;
    return values[1 + Math.floor(rand() * (values.length - 1))]!;
  };
  const set = (o: Record<string, unknown>, k: string, v: unknown): void => {
    if (v !== ABSENT) o[k] = v;
  };
  const oauth = rand() < 0.35;
  const device: Record<string, unknown> = {};
  set(device, "host", pick("smtp.office365.com", "smtp.office365.com", "smtp.office365.com", "contoso-com.mail.protection.outlook.com", "52.96.222.194"));
  set(device, "port", pick(587, 587, 587, 25, 465));
  set(device, "security", pick("starttls", "starttls", "starttls", "tls", "none"));
  set(device, "tlsVersion", pick("1.2", "1.3", "1.2", "1.0", "1.1"));
  set(device, "auth", oauth ? pick("oauth") : pick("basic", "basic", "none"));
  set(device, "authMechanism", oauth ? pick("XOAUTH2") : pick("LOGIN", "LOGIN", "PLAIN"));
  set(device, "username", pick("mfp@contoso.com"));
  set(device, "from", pick("mfp@contoso.com", "mfp@contoso.com", "noreply@contoso.com"));
  if (oauth) device.oauthFlow = "app";
  const tenant: Record<string, unknown> = {};
  set(tenant, "smtpClientAuthenticationDisabled", pick(true, false));
  set(tenant, "securityDefaultsEnabled", pick(false, false, true));
  set(tenant, "defaultAuthenticationPolicy", pick(null, null, { name: "D-allow", allowBasicAuthSmtp: true }, { name: "D-block", allowBasicAuthSmtp: false }));
  set(tenant, "basicAuthSmtpReenabled", pick(true, false));
  const account: Record<string, unknown> = {};
  set(account, "smtpClientAuthenticationDisabled", pick(false, false, null, true));
  set(account, "recipientTypeDetails", pick("UserMailbox", "UserMailbox", "SharedMailbox"));
  set(account, "exchangeLicensed", pick(true, true, false));
  set(account, "accountEnabled", pick(true, true, false));
  set(account, "perUserMfaState", pick("disabled", "disabled", "enforced", "enabled"));
  set(account, "authenticationPolicy", pick(null, null, { name: "U-allow", allowBasicAuthSmtp: true }, { name: "U-block", allowBasicAuthSmtp: false }));
  set(account, "legacyAuthBlockedByConditionalAccess", pick(false, false, true));
  set(account, "sendAs", pick(true, false));
  set(account, "passwordExpired", pick(false, false, true));
  if (oauth) {
    const app: Record<string, unknown> = {};
    set(app, "servicePrincipalRegistered", pick(true, true, false));
    set(app, "mailboxPermission", pick(true, true, false));
    set(app, "permissionConsented", pick(true, true, false));
    account.oauthApp = app;
  }
  const asOf = rand() < 0.7 ? TODAY : rand() < 0.5 ? "2026-12-15" : "2027-02-01";
  return { schema: "smtp-auth-doctor/case@1", asOf, device, tenant, account } as Case;
}

/** Why the oracle says this case cannot be "clear" (empty = no objection). Derived from domain.md §3, §4, §7, §2. */
interface Strict {
  ipLiteral: boolean;
  oauthLicence: boolean;
}

function objections(c: Case, strict: Strict): string[] {
  const d = c.device ?? {};
  const t = c.tenant ?? {};
  const a = c.account ?? {};
  const out: string[] = [];
  // §3 transport
  const isIp = typeof d.host === "string" && /^\d{1,3}(?:\.\d{1,3}){3}$/.test(d.host);
  if (d.host !== "smtp.office365.com" && (!isIp || strict.ipLiteral)) out.push(`host ${String(d.host)}`);
  if (d.port !== 587 && d.port !== 25) out.push(`port ${String(d.port)}`);
  if (d.security !== "starttls") out.push(`security ${String(d.security)}`);
  if (d.tlsVersion !== "1.2" && d.tlsVersion !== "1.3") out.push(`tls ${String(d.tlsVersion)}`);
  // which authentication
  const mode = d.auth ?? (d.authMechanism === "LOGIN" ? "basic" : d.authMechanism === "XOAUTH2" ? "oauth" : undefined);
  if (mode !== "basic" && mode !== "oauth") out.push(`auth ${String(mode)}`);
  if (mode === "basic" && d.authMechanism !== undefined && d.authMechanism !== "LOGIN") out.push(`mechanism ${d.authMechanism}`);
  // C1/C2: effective SMTP AUTH switch (mailbox beats tenant; null follows tenant) — blocks both modes
  const mbx = a.smtpClientAuthenticationDisabled;
  const effectiveOff = mbx === undefined ? undefined : mbx === null ? t.smtpClientAuthenticationDisabled : mbx;
  if (effectiveOff !== false) out.push(`smtp switch ${String(effectiveOff)}`);
  // C8/C9 account
  // App-only OAuth never signs in as the user (the app's token sends as the mailbox; a shared
  // mailbox's sign-in is blocked by design), so the account's sign-in state is not a gate there.
  const appOnly = mode === "oauth" && d.oauthFlow === "app";
  if (!appOnly && a.accountEnabled !== true) out.push(`accountEnabled ${String(a.accountEnabled)}`);
  // C12 Send As
  if (d.from === undefined || d.username === undefined) out.push("from/username unknown");
  else if (d.from.toLowerCase() !== d.username.toLowerCase() && a.sendAs !== true) out.push(`sendAs ${String(a.sendAs)}`);
  if (mode === "basic") {
    if (a.exchangeLicensed !== true) out.push(`licensed ${String(a.exchangeLicensed)}`);
    if (a.recipientTypeDetails === "SharedMailbox") out.push("shared mailbox with Basic");
    if (t.securityDefaultsEnabled !== false) out.push(`security defaults ${String(t.securityDefaultsEnabled)}`);
    if (a.perUserMfaState === undefined || a.perUserMfaState === "enforced") out.push(`per-user MFA ${String(a.perUserMfaState)}`);
    if (a.legacyAuthBlockedByConditionalAccess !== false) out.push(`CA ${String(a.legacyAuthBlockedByConditionalAccess)}`);
    // C3: user-assigned beats default; null user = the default applies; null default = no policy
    const pol = a.authenticationPolicy === undefined ? undefined : a.authenticationPolicy ?? t.defaultAuthenticationPolicy;
    if (pol === undefined) out.push("auth policy unknown");
    else if (pol !== null && !pol.allowBasicAuthSmtp) out.push(`policy ${pol.name} blocks`);
    if (a.passwordExpired === true) out.push("password expired");
    // §2: from January 2027 Basic is off by default unless re-enabled
    if ((c.asOf ?? TODAY) >= "2027-01-01" && t.basicAuthSmtpReenabled !== true) out.push(`retired, reenabled ${String(t.basicAuthSmtpReenabled)}`);
  }
  if (mode === "oauth") {
    const app = a.oauthApp ?? {};
    if (app.servicePrincipalRegistered !== true || app.mailboxPermission !== true || app.permissionConsented !== true) out.push("oauth app not known good");
    // C9: SMTP AUTH needs a licensed Exchange Online mailbox; OAuth's exception is a shared mailbox (no licence needed).
    if (strict.oauthLicence && a.recipientTypeDetails !== "SharedMailbox" && a.exchangeLicensed !== true) out.push(`oauth: licensed ${String(a.exchangeLicensed)} for ${String(a.recipientTypeDetails)}`);
  }
  return out;
}

describe("QA: clear-oracle over generated cases", () => {
  const run = (strict: Strict): { clears: number; bad: string[] } => {
    const rand = prng(20261122);
    const bad: string[] = [];
    let clears = 0;
    for (let i = 0; i < 6000; i++) {
      const c = generate(rand);
      const d = evaluate(c, { today: TODAY });
      if (d.verdict !== "clear") continue;
      clears++;
      const why = objections(c, strict);
      if (why.length > 0 && bad.length < 10) bad.push(`#${i} ${why.join("; ")} :: ${JSON.stringify(c)}`);
    }
    return { clears, bad };
  };

  test("no generated case is 'clear' while the oracle sees an unknown or failing gate (6,000 cases)", (t) => {
    const { clears, bad } = run({ ipLiteral: false, oauthLicence: false });
    t.diagnostic(`${clears} clear verdicts checked`);
    assert.ok(clears > 20, "the generator produced too few clear cases (oracle not exercised)");
    assert.deepEqual(bad, []);
  });

  test("… including an IP literal as the host (§3: use the DNS name, never an IP)", () => {
    assert.deepEqual(run({ ipLiteral: true, oauthLicence: false }).bad, []);
  });

  test("… including the licence of a user mailbox that OAuth sends as (§4 C9: SMTP AUTH needs a licensed mailbox; shared mailboxes are the OAuth exception)", () => {
    assert.deepEqual(run({ ipLiteral: false, oauthLicence: true }).bad, []);
  });

  test("every generated case: blocked iff a blocking cause; every cause has evidence; undetermined names something", () => {
    const rand = prng(7);
    for (let i = 0; i < 3000; i++) {
      const c = generate(rand);
      const d = evaluate(c, { today: TODAY });
      const blocking = d.causes.some((x) => x.status === "blocking");
      assert.equal(d.verdict === "blocked", blocking, JSON.stringify(c));
      for (const x of d.causes) assert.ok(x.evidence.length > 0, `${x.id} without evidence: ${JSON.stringify(c)}`);
      if (d.verdict === "undetermined") assert.ok(d.unknowns.length > 0 || d.causes.some((x) => x.status === "possible"), JSON.stringify(c));
    }
  });
});
