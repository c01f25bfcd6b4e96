// Engine gates 1–8 and the verdict/unknowns rules (issue: engine). Every test changes a baseline
// where everything passes, and asserts the exact causes, statuses, evidence and unknowns.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { evaluate as engineEvaluate, evaluateWith, type EvaluateOptions } from "../../src/engine/index.js";
import { retirementPhase } from "../../src/engine/timeline.js";
import { analyzeReply } from "../../src/replies/index.js";
import { buildPlan } from "../../src/plan/index.js";
import { BASIC_OK, OAUTH_APP_OK, finding, summary, withFacts } from "../helpers/engine-cases.js";
import { CASE_SCHEMA_ID, type Case } from "../../src/case/schema.js";

/** The engine at the baselines' date (their cases carry asOf 2026-11-22 as well). */
const evaluate = (c: Case, opts: EvaluateOptions = { today: "2026-11-22" }) => engineEvaluate(c, opts);

describe("baselines", () => {
  test("a healthy Basic device is clear, with only the retirement warning", () => {
    const d = evaluate(BASIC_OK);
    assert.equal(d.verdict, "clear");
    assert.deepEqual(summary(d), ["basic-auth-retired:warning"]);
    assert.deepEqual(d.unknowns, []);
    assert.equal(d.asOf, "2026-11-22");
    assert.equal(d.retirement, "before-change");
  });

  test("a healthy app-only OAuth device is clear with no causes", () => {
    const d = evaluate(OAUTH_APP_OK);
    assert.equal(d.verdict, "clear");
    assert.deepEqual(d.causes, []);
    assert.deepEqual(d.unknowns, []);
    assert.deepEqual(d.info.map((i) => i.id), ["mailbox-overrides-tenant"]);
  });

  test("asOf: the case's date, else opts.today (required: the engine never reads the clock)", () => {
    const noDate = withFacts(BASIC_OK, { asOf: undefined });
    assert.equal(evaluate(noDate, { today: "2027-02-01" }).asOf, "2027-02-01");
    assert.equal(evaluate(noDate, { today: "2027-02-01" }).retirement, "disabled-by-default");
    assert.equal(evaluate(BASIC_OK, { today: "2027-02-01" }).asOf, "2026-11-22");
    assert.equal(evaluate(noDate, { today: "2026-11-22" }).retirement, "before-change");
  });

  test("an empty case lists device facts, then account, then tenant facts (auth unknown: Basic gates may apply)", () => {
    const d = evaluate({ schema: CASE_SCHEMA_ID, asOf: "2026-11-22" });
    assert.equal(d.verdict, "undetermined");
    assert.deepEqual(d.causes, []);
    assert.deepEqual(d.unknowns, [
      "device.host",
      "device.port",
      "device.security",
      "device.tlsVersion",
      "device.auth",
      "device.username",
      "device.from",
      "account.accountEnabled",
      "account.smtpClientAuthenticationDisabled",
      "account.recipientTypeDetails",
      "account.exchangeLicensed",
      "account.perUserMfaState",
      "account.legacyAuthBlockedByConditionalAccess",
      "account.authenticationPolicy",
      "tenant.smtpClientAuthenticationDisabled",
      "tenant.securityDefaultsEnabled",
      "tenant.defaultAuthenticationPolicy",
    ]);
  });
});

describe("gate 1: transport", () => {
  const cases: [string, Record<string, unknown>, string, string[]][] = [
    ["port 465", { "device.port": 465 }, "wrong-endpoint:blocking", ["note.port465"]],
    ["port 2525", { "device.port": 2525 }, "wrong-endpoint:blocking", ["note.portUnsupported"]],
    ["implicit TLS", { "device.security": "tls" }, "starttls-missing:blocking", ["note.implicitTls"]],
    ["no TLS", { "device.security": "none" }, "starttls-missing:blocking", ["note.noTls"]],
    ["TLS 1.0", { "device.tlsVersion": "1.0" }, "tls-version-unsupported:blocking", []],
    ["TLS 1.1", { "device.tlsVersion": "1.1" }, "tls-version-unsupported:blocking", []],
    ["MX host", { "device.host": "contoso-com.mail.protection.outlook.com" }, "wrong-endpoint:blocking", ["note.mxEndpoint"]],
    ["IPv4 literal", { "device.host": "52.96.0.1" }, "wrong-endpoint:possible", ["note.ipLiteral"]],
    ["IPv6 literal", { "device.host": "[2603:1036::1]" }, "wrong-endpoint:possible", ["note.ipLiteral"]],
    ["outlook.office365.com", { "device.host": "outlook.office365.com" }, "wrong-endpoint:warning", ["note.outlookHost"]],
    ["a local relay", { "device.host": "relay.contoso.local" }, "wrong-endpoint:possible", ["note.unknownHost"]],
    ["21Vianet legacy host (ended)", { "device.host": "smtp-legacy.partner.outlook.cn" }, "wrong-endpoint:blocking", ["note.legacyTlsEnded"]],
  ];
  for (const [name, facts, expected, notes] of cases) {
    test(name, () => {
      const d = evaluate(withFacts(BASIC_OK, facts));
      const [id] = expected.split(":");
      assert.deepEqual(summary(d).filter((s) => !s.startsWith("basic-auth-retired")), [expected]);
      const f = finding(d, id as never);
      assert.deepEqual(f?.notes ?? [], notes);
      const path = Object.keys(facts)[0];
      assert.ok(f?.evidence.some((e) => e.kind === "fact" && e.path === path && e.value === facts[path as string]), "evidence names the fact");
    });
  }

  test("the accepted submission hosts pass (commercial, GCC High, 21Vianet; case and trailing dot ignored)", () => {
    for (const host of ["smtp.office365.com", "SMTP.Office365.com.", "smtp.office365.us", "smtp.partner.outlook.cn"]) {
      assert.deepEqual(summary(evaluate(withFacts(BASIC_OK, { "device.host": host }))), ["basic-auth-retired:warning"], host);
    }
    assert.deepEqual(summary(evaluate(withFacts(BASIC_OK, { "device.port": 25 }))), ["basic-auth-retired:warning"]);
    assert.deepEqual(summary(evaluate(withFacts(BASIC_OK, { "device.tlsVersion": "1.3" }))), ["basic-auth-retired:warning"]);
  });

  test("smtp-legacy.office365.com: OK only with the legacy-TLS opt-in", () => {
    const legacy = withFacts(BASIC_OK, { "device.host": "smtp-legacy.office365.com", "device.tlsVersion": "1.0" });
    const on = evaluate(withFacts(legacy, { "tenant.allowLegacyTlsClients": true }));
    assert.deepEqual(summary(on), ["tls-version-unsupported:warning", "basic-auth-retired:warning"]);
    assert.deepEqual(finding(on, "tls-version-unsupported")?.notes, ["note.legacyTlsDowngrade"]);
    assert.equal(on.verdict, "clear");

    for (const off of [false, null]) {
      const d = evaluate(withFacts(legacy, { "tenant.allowLegacyTlsClients": off }));
      assert.deepEqual(summary(d), ["wrong-endpoint:blocking", "tls-version-unsupported:blocking", "basic-auth-retired:warning"]);
      const we = finding(d, "wrong-endpoint");
      assert.deepEqual(we?.notes, ["note.legacyTlsOptIn"]);
      assert.ok(we?.evidence.some((e) => e.kind === "fact" && e.path === "tenant.allowLegacyTlsClients" && e.value === off));
    }

    const unknown = evaluate(legacy);
    assert.deepEqual(summary(unknown), ["wrong-endpoint:possible", "tls-version-unsupported:possible", "basic-auth-retired:warning"]);
    assert.deepEqual(unknown.unknowns, ["tenant.allowLegacyTlsClients"]);

    // TLS 1.2 on the legacy host with the opt-in: nothing to report.
    const modern = evaluate(withFacts(BASIC_OK, { "device.host": "smtp-legacy.office365.com", "tenant.allowLegacyTlsClients": true }));
    assert.deepEqual(summary(modern), ["basic-auth-retired:warning"]);
  });

  test("HVE host: an Info entry, the SMTP AUTH switches do not apply, HVE's own Basic schedule (Sept 2028) does, other gates do", () => {
    const d = evaluate(withFacts(BASIC_OK, { "device.host": "smtp.hve.mx.microsoft", "account.smtpClientAuthenticationDisabled": true, "tenant.securityDefaultsEnabled": true }));
    assert.ok(d.info.some((i) => i.id === "hve-endpoint" && i.evidence.some((e) => e.kind === "fact" && e.path === "device.host")));
    assert.deepEqual(summary(d), ["security-defaults:blocking", "basic-auth-retired:warning"]);
    assert.deepEqual(d.causes.find((f) => f.id === "basic-auth-retired")?.notes, ["note.retirement.hveUntil2028"]);
    // The client-submission change of December 2026 does not reach HVE; its own end (Sept 2028) does.
    const jan2027 = evaluate(withFacts(BASIC_OK, { asOf: "2027-01-15", "device.host": "smtp.hve.mx.microsoft" }));
    assert.equal(jan2027.causes.find((f) => f.id === "basic-auth-retired")?.status, "warning");
    assert.ok(!jan2027.unknowns.includes("tenant.basicAuthSmtpReenabled"));
    // Past September 2028 HVE no longer offers Basic (issue 10): blocking, unless the server accepted it since.
    const oct2028 = evaluate(withFacts(BASIC_OK, { asOf: "2028-10-01", "device.host": "smtp.hve.mx.microsoft" }));
    assert.equal(oct2028.causes.find((f) => f.id === "basic-auth-retired")?.status, "blocking");
    assert.deepEqual(oct2028.causes.find((f) => f.id === "basic-auth-retired")?.notes, ["note.retirement.hveEnded"]);
    assert.equal(oct2028.verdict, "blocked");
    const accepted = evaluate(withFacts(BASIC_OK, { asOf: "2028-10-01", "device.host": "smtp.hve.mx.microsoft", "device.reply": "235 2.7.0 Authentication successful" }));
    assert.equal(accepted.causes.find((f) => f.id === "basic-auth-retired")?.status, "possible");
    const d2 = evaluate(withFacts(BASIC_OK, { "device.host": "smtp-hve.office365.com", "account.smtpClientAuthenticationDisabled": undefined, "tenant.smtpClientAuthenticationDisabled": undefined }));
    assert.deepEqual(d2.unknowns, [], "switch facts are not asked for HVE");
    assert.equal(d2.verdict, "clear", "before Sept 2028 the HVE Basic schedule is only a warning");
  });

  test("MX host with RejectDirectSend also flags Direct Send as possibly rejected", () => {
    const d = evaluate(withFacts(BASIC_OK, { "device.host": "contoso-com.mail.protection.outlook.com", "tenant.rejectDirectSend": true }));
    assert.deepEqual(summary(d), ["wrong-endpoint:blocking", "direct-send-rejected:possible", "basic-auth-retired:warning"]);
  });

  test("a device sending to the MX host without sign-in is doing Direct Send: no sign-in, SMTP AUTH endpoint or TLS is asked of it", () => {
    // Found on 2026-12-05: a printer set up for Direct Send got "Device does not sign in" (smtp.office365.com only accepts
    // signed-in submission), "turn on SMTP authentication" first, and "the recorded server is probably out of date".
    const directSend = withFacts(BASIC_OK, { "device.host": "contoso-com.mail.protection.outlook.com", "device.port": 25, "device.auth": "none", "device.security": "none" });
    const d = evaluate(directSend);
    assert.deepEqual(summary(d), []);
    assert.ok(d.info.some((i) => i.id === "direct-send-path"));
    assert.deepEqual(d.unknowns, ["tenant.rejectDirectSend"], "whether the organization refuses Direct Send decides it");
    assert.deepEqual(summary(evaluate(withFacts(directSend, { "tenant.rejectDirectSend": true }))), ["direct-send-rejected:possible"]);
    assert.equal(evaluate(withFacts(directSend, { "tenant.rejectDirectSend": false })).verdict, "clear");
    // Refused at delivery: the connection worked; no sign-in is claimed for a device that does not sign in.
    const refused = evaluateWith(directSend, analyzeReply("550 5.7.1 Service unavailable; Client host [203.0.113.5] blocked using Spamhaus. To request removal from this list see https://www.spamhaus.org/query/ip/203.0.113.5"), "2026-11-22");
    assert.deepEqual(summary(refused), ["sending-ip-on-public-blocklist:blocking"]);
    assert.ok(!refused.info.some((i) => i.id === "auth-succeeded" || i.id === "setting-contradicted-by-reply"), JSON.stringify(refused.info.map((i) => i.id)));
    const delivery = refused.info.find((i) => i.id === "delivery-refused");
    assert.ok(delivery?.evidence.some((e) => e.kind === "inference" && e.messageKey === "inference.deliveryAfterAcceptanceNoSignIn"), JSON.stringify(delivery));
    // Exchange Online's 5.7.68 alone shows the mail came without sign-in: no sign-in setting or method is asked or assumed.
    const reply = "550 5.7.68 TenantInboundAttribution; Direct Send not allowed for this organization from unauthorized sources";
    const bare = evaluateWith({ schema: CASE_SCHEMA_ID, device: { reply } }, analyzeReply(reply), "2026-11-22");
    assert.deepEqual(summary(bare), ["direct-send-rejected:blocking"]);
    assert.deepEqual(bare.unknowns, ["device.from"], "the sender's domain is what RejectDirectSend reads");
    assert.ok(!bare.info.some((i) => i.id === "assumed-auth-mechanism"));
    // The same host with a password is still the wrong endpoint for SMTP AUTH, and without sign-in smtp.office365.com still refuses.
    assert.deepEqual(summary(evaluate(withFacts(directSend, { "device.auth": "basic", "device.security": "starttls" }))).slice(0, 1), ["wrong-endpoint:blocking"]);
    assert.deepEqual(summary(evaluate(withFacts(directSend, { "device.host": "smtp.office365.com", "device.port": 587, "device.security": "starttls" }))), ["no-authentication:blocking"]);
  });

  test("a device at the MX host on port 25 with its sign-in not known: the wrong endpoint is possible, not blocking, unless something shows it signs in", () => {
    // Sending to the MX host on 25 without a sign-in is Direct Send. With nothing recorded of the sign-in, "wrong server" was
    // blocking (the verdict "blocked" with no reply at all, and beside a reply from that host that came after the point of a sign-in).
    const mx = { schema: CASE_SCHEMA_ID, device: { host: "contoso-com.mail.protection.outlook.com", port: 25 } } as const satisfies Case;
    const status = (c: Case, reply?: string) => {
      const d = reply === undefined ? evaluate(c) : evaluateWith({ ...c, device: { ...c.device, reply } }, analyzeReply(reply), "2026-11-22");
      return { causes: summary(d), verdict: d.verdict, unknowns: d.unknowns };
    };
    const none = status(mx);
    assert.deepEqual(none.causes, ["wrong-endpoint:possible"]);
    assert.equal(none.verdict, "undetermined");
    assert.ok(none.unknowns.includes("device.auth"), "whether it signs in decides it");
    assert.ok(none.unknowns.includes("tenant.rejectDirectSend"), "and, without a sign-in, whether the organization refuses Direct Send");
    // Relay denied at RCPT TO: the connector is the blocker; STARTTLS required at MAIL FROM: TLS is.
    assert.deepEqual(status(mx, "550 5.7.64 TenantAttribution; Relay Access Denied").causes, ["relay-connector-mismatch:blocking", "wrong-endpoint:possible"]);
    assert.deepEqual(status(mx, "451 5.7.3 STARTTLS is required to send mail").causes, ["starttls-missing:blocking", "wrong-endpoint:possible"]);
    assert.ok(status(mx, "530 5.7.57 Client not authenticated to send mail").causes.includes("wrong-endpoint:possible"));
    // Without TLS too: TLS is optional for Direct Send, so not a blocker while the sign-in is not known.
    assert.deepEqual(status({ ...mx, device: { ...mx.device, security: "none" } }).causes, ["wrong-endpoint:possible", "starttls-missing:possible"]);
    // Justified: a password (or OAuth) recorded, or the host's answer to an AUTH the device sent.
    assert.ok(status({ ...mx, device: { ...mx.device, auth: "basic" } }).causes.includes("wrong-endpoint:blocking"));
    assert.ok(status({ ...mx, device: { ...mx.device, auth: "oauth" } }).causes.includes("wrong-endpoint:blocking"));
    assert.ok(status(mx, "504 5.7.4 Unrecognized authentication type").causes.includes("wrong-endpoint:blocking"));
    // And no sign-in recorded: Direct Send, no wrong endpoint at all (as before).
    assert.deepEqual(status({ ...mx, device: { ...mx.device, auth: "none" } }).causes, []);
  });

  test("a server that is not Microsoft's may be a relay of one's own: Exchange Online's encryption and sign-in rules are possible there, not blocking, and its plan steps wait for the check", () => {
    // Found on 2026-12-05: a printer sending to "relay.contoso.local" on port 25 without TLS or sign-in was told, first,
    // "use port 587 with STARTTLS" and "turn on SMTP authentication", each "safe whichever the cause".
    const relay = withFacts(BASIC_OK, { "device.host": "relay.contoso.local", "device.port": 25, "device.auth": "none", "device.security": "none" });
    const d = evaluate(relay);
    assert.deepEqual(summary(d), ["wrong-endpoint:possible", "starttls-missing:possible", "no-authentication:possible"]);
    for (const id of ["starttls-missing", "no-authentication"] as const) assert.ok(finding(d, id)?.notes?.includes("note.relayOwnRules"), id);
    assert.equal(d.verdict, "undetermined");
    assert.deepEqual(summary(evaluate(withFacts(relay, { "device.auth": "basic", "device.security": "starttls", "device.tlsVersion": "1.0" }))), ["wrong-endpoint:possible", "tls-version-unsupported:possible", "basic-auth-retired:warning"]);
    const plan = buildPlan(relay, d, "en");
    for (const id of ["device-port-starttls", "device-enable-auth"]) assert.equal(plan.steps.find((s) => s.id === id)?.confirmFirst, true, id);
    // A reply from sign-in on shows the encryption setting stopped nothing, whichever server answered.
    const signedIn = evaluateWith(withFacts(relay, { "device.auth": "basic" }), analyzeReply("535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information."), "2026-11-22");
    assert.ok(!finding(signedIn, "starttls-missing"), JSON.stringify(summary(signedIn)));
    // Exchange Online's own host keeps its rules.
    assert.deepEqual(summary(evaluate(withFacts(relay, { "device.host": "smtp.office365.com" }))), ["starttls-missing:blocking", "no-authentication:blocking"]);
  });

  test("several transport problems are merged into one finding per cause, with every piece of evidence", () => {
    const d = evaluate(withFacts(BASIC_OK, { "device.host": "10.0.0.5", "device.port": 465, "device.security": "tls" }));
    assert.deepEqual(summary(d), ["wrong-endpoint:blocking", "starttls-missing:blocking", "basic-auth-retired:warning"]);
    const we = finding(d, "wrong-endpoint");
    assert.deepEqual(we?.notes, ["note.ipLiteral", "note.port465"]);
    assert.deepEqual(we?.evidence.map((e) => (e.kind === "fact" ? e.path : e.kind)), ["device.host", "device.port"]);
  });

  test("a probe that could not reach the host is a possible network problem", () => {
    const d = evaluate({ ...BASIC_OK, probe: { host: "smtp.office365.com", port: 587, at: "2026-11-22T10:00:00Z", reachable: false } });
    const f = finding(d, "network-unreachable");
    assert.equal(f?.status, "possible");
    assert.deepEqual(f?.evidence, [{ kind: "probe", what: "smtp.office365.com:587", value: false }]);
  });

  test("no TLS at all: the TLS version is not asked", () => {
    const d = evaluate(withFacts(BASIC_OK, { "device.security": "none", "device.tlsVersion": undefined }));
    assert.deepEqual(d.unknowns, []);
  });
});

describe("gate 2: mechanism", () => {
  for (const mech of ["PLAIN", "CRAM-MD5", "NTLM"]) {
    test(`Basic with ${mech} is refused (the server offers AUTH LOGIN XOAUTH2 only)`, () => {
      const d = evaluate(withFacts(BASIC_OK, { "device.authMechanism": mech }));
      assert.deepEqual(summary(d), ["auth-mechanism-unsupported:blocking", "basic-auth-retired:warning"]);
      assert.deepEqual(finding(d, "auth-mechanism-unsupported")?.evidence, [{ kind: "fact", path: "device.authMechanism", value: mech }]);
    });
  }
  test("OAuth needs XOAUTH2", () => {
    const d = evaluate(withFacts(OAUTH_APP_OK, { "device.authMechanism": "LOGIN" }));
    assert.deepEqual(summary(d), ["auth-mechanism-unsupported:blocking"]);
    assert.deepEqual(finding(d, "auth-mechanism-unsupported")?.notes, ["note.oauthNeedsXoauth2"]);
  });
  test("auth none: no-authentication blocks; no account or tenant fact is asked", () => {
    const d = evaluate({ schema: CASE_SCHEMA_ID, asOf: "2026-11-22", device: { host: "smtp.office365.com", port: 587, security: "starttls", tlsVersion: "1.2", auth: "none" } });
    assert.deepEqual(summary(d), ["no-authentication:blocking"]);
    assert.deepEqual(d.unknowns, []);
    assert.equal(d.verdict, "blocked");
  });
  test("Basic with the mechanism unknown: a stated assumption (AUTH LOGIN, how to check), not a question; clear", () => {
    const d = evaluate(withFacts(BASIC_OK, { "device.authMechanism": undefined }));
    assert.deepEqual(d.unknowns, []);
    assert.equal(d.verdict, "clear");
    const assumed = d.info.find((i) => i.id === "assumed-auth-mechanism");
    assert.ok(assumed, "the assumption is stated");
    assert.deepEqual(assumed.evidence, [{ kind: "inference", messageKey: "inference.mechanismOffered" }]);
  });
  test("the mechanism in question (504 5.7.4): asked, not assumed", () => {
    const c = withFacts(BASIC_OK, { "device.authMechanism": undefined, "device.reply": "504 5.7.4 Unrecognized authentication type [SN1NAM02FT025.eop-nam02.prod.protection.outlook.com]" });
    const d = evaluate(c);
    assert.ok(d.unknowns.includes("device.authMechanism"));
    assert.ok(!d.info.some((i) => i.id === "assumed-auth-mechanism"));
    assert.ok(d.causes.some((f) => f.id === "auth-mechanism-unsupported"));
    assert.equal(d.verdict, "blocked");
  });
  test("OAuth with the mechanism unknown: XOAUTH2 stated as an assumption", () => {
    const d = evaluate(withFacts(OAUTH_APP_OK, { "device.authMechanism": undefined }));
    assert.equal(d.verdict, "clear");
    assert.ok(d.info.some((i) => i.id === "assumed-oauth-mechanism"));
  });
  test("mode inferred from the mechanism when device.auth is unknown", () => {
    const basic = evaluate(withFacts(BASIC_OK, { "device.auth": undefined }));
    assert.equal(basic.verdict, "clear");
    assert.ok(!basic.unknowns.includes("device.auth"));
    assert.deepEqual(finding(basic, "basic-auth-retired")?.evidence[1], { kind: "inference", messageKey: "inference.authModeFromMechanism", params: { mechanism: "LOGIN" } });
    const oauth = evaluate(withFacts(OAUTH_APP_OK, { "device.auth": undefined }));
    assert.equal(oauth.verdict, "clear");
    assert.deepEqual(oauth.causes, []);
  });
});

describe("gate 3: SMTP AUTH switches", () => {
  const sw = (mailbox: unknown, tenant: unknown, base = BASIC_OK) =>
    evaluate(withFacts(base, { "account.smtpClientAuthenticationDisabled": mailbox, "tenant.smtpClientAuthenticationDisabled": tenant }));

  test("mailbox true blocks whatever the tenant says", () => {
    for (const tenant of [true, false, undefined]) {
      const d = sw(true, tenant);
      assert.deepEqual(summary(d), ["mailbox-smtp-auth-disabled:blocking", "basic-auth-retired:warning"], String(tenant));
      assert.ok(!d.unknowns.includes("tenant.smtpClientAuthenticationDisabled"));
    }
  });
  test("mailbox false passes whatever the tenant says; Info when it overrides a disabled tenant", () => {
    const d = sw(false, true);
    assert.equal(d.verdict, "clear");
    const info = d.info.find((i) => i.id === "mailbox-overrides-tenant");
    assert.deepEqual(info?.evidence.map((e) => (e.kind === "fact" ? [e.path, e.value] : e.kind)), [
      ["account.smtpClientAuthenticationDisabled", false],
      ["tenant.smtpClientAuthenticationDisabled", true],
    ]);
    assert.equal(sw(false, false).info.length, 0);
    const unknownTenant = sw(false, undefined);
    assert.equal(unknownTenant.verdict, "clear", "the tenant value is irrelevant");
    assert.deepEqual(unknownTenant.unknowns, []);
  });
  test("mailbox null follows the tenant", () => {
    const blocked = sw(null, true);
    assert.deepEqual(summary(blocked), ["tenant-smtp-auth-disabled:blocking", "basic-auth-retired:warning"]);
    assert.deepEqual(finding(blocked, "tenant-smtp-auth-disabled")?.evidence.map((e) => (e.kind === "fact" ? [e.path, e.value] : e.kind)), [
      ["account.smtpClientAuthenticationDisabled", null],
      ["tenant.smtpClientAuthenticationDisabled", true],
    ]);
    assert.equal(sw(null, false).verdict, "clear");
    const unknown = sw(null, undefined);
    assert.deepEqual(unknown.unknowns, ["tenant.smtpClientAuthenticationDisabled"]);
    assert.equal(unknown.verdict, "undetermined");
  });
  test("mailbox unknown: it stays the unknown; the tenant is asked only while it could matter", () => {
    assert.deepEqual(sw(undefined, false).unknowns, ["account.smtpClientAuthenticationDisabled"]);
    assert.deepEqual(sw(undefined, undefined).unknowns, ["account.smtpClientAuthenticationDisabled", "tenant.smtpClientAuthenticationDisabled"]);
    const tenantOff = sw(undefined, true);
    assert.deepEqual(tenantOff.unknowns, ["account.smtpClientAuthenticationDisabled"]);
    assert.deepEqual(summary(tenantOff), ["tenant-smtp-auth-disabled:possible", "basic-auth-retired:warning"]);
    assert.deepEqual(finding(tenantOff, "tenant-smtp-auth-disabled")?.notes, ["note.mailboxValueDecides"]);
  });
  test("the switches block OAuth too", () => {
    assert.deepEqual(summary(sw(true, false, OAUTH_APP_OK)), ["mailbox-smtp-auth-disabled:blocking"]);
    assert.deepEqual(summary(sw(null, true, OAUTH_APP_OK)), ["tenant-smtp-auth-disabled:blocking"]);
    assert.equal(finding(sw(null, true, OAUTH_APP_OK), "tenant-smtp-auth-disabled")?.affects, "all");
  });
  test("evidence carries the provenance recorded in the case", () => {
    const source = { kind: "live" as const, endpoint: "Get-TransportConfig", at: "2026-11-22T09:00:00Z" };
    const c = { ...withFacts(BASIC_OK, { "tenant.smtpClientAuthenticationDisabled": true }), sources: { "tenant.smtpClientAuthenticationDisabled": source } };
    const ev = finding(evaluate(c), "tenant-smtp-auth-disabled")?.evidence.find((e) => e.kind === "fact" && e.path === "tenant.smtpClientAuthenticationDisabled");
    assert.deepEqual(ev, { kind: "fact", path: "tenant.smtpClientAuthenticationDisabled", value: true, source });
  });
});

describe("gate 4: Basic-only identity gates and authentication policies", () => {
  test("security defaults block Basic; a mailbox enabled explicitly does not override them", () => {
    const d = evaluate(withFacts(BASIC_OK, { "tenant.securityDefaultsEnabled": true, "account.smtpClientAuthenticationDisabled": false }));
    assert.deepEqual(summary(d), ["security-defaults:blocking", "basic-auth-retired:warning"]);
    assert.deepEqual(finding(d, "security-defaults")?.notes, ["note.securityDefaultsNoOverride"]);
  });
  test("security defaults with OAuth: no cause, an Info entry", () => {
    const d = evaluate(withFacts(OAUTH_APP_OK, { "tenant.securityDefaultsEnabled": true }));
    assert.deepEqual(d.causes, []);
    assert.ok(d.info.some((i) => i.id === "security-defaults-oauth"));
    assert.equal(d.verdict, "clear");
  });
  test("Conditional Access blocking legacy auth blocks Basic", () => {
    const d = evaluate(withFacts(BASIC_OK, { "account.legacyAuthBlockedByConditionalAccess": true }));
    assert.deepEqual(summary(d), ["conditional-access:blocking", "basic-auth-retired:warning"]);
  });
  test("Conditional Access unknown is asked, unless the tenant has no Entra ID P1", () => {
    const c = withFacts(BASIC_OK, { "account.legacyAuthBlockedByConditionalAccess": undefined });
    assert.deepEqual(evaluate(c).unknowns, ["account.legacyAuthBlockedByConditionalAccess"]);
    assert.deepEqual(evaluate(withFacts(c, { "tenant.entraIdP1": false })).unknowns, []);
    // Nor while security defaults are on: Entra enables no Conditional Access policy then (persona round 8 #15).
    const sd = evaluate(withFacts(c, { "tenant.securityDefaultsEnabled": true }));
    assert.deepEqual(sd.unknowns, []);
    assert.deepEqual(summary(sd), ["security-defaults:blocking", "basic-auth-retired:warning"]);
  });
  test("per-user MFA: enforced blocks, enabled is possible, disabled passes", () => {
    assert.deepEqual(summary(evaluate(withFacts(BASIC_OK, { "account.perUserMfaState": "enforced" }))), ["per-user-mfa:blocking", "basic-auth-retired:warning"]);
    const enabled = evaluate(withFacts(BASIC_OK, { "account.perUserMfaState": "enabled" }));
    assert.deepEqual(summary(enabled), ["per-user-mfa:possible", "basic-auth-retired:warning"]);
    assert.deepEqual(finding(enabled, "per-user-mfa")?.notes, ["note.mfaEnabledNotEnforced"]);
    assert.equal(enabled.verdict, "undetermined");
  });
  test("Basic-only gates never touch OAuth, and their facts are not asked for OAuth", () => {
    const c = withFacts(OAUTH_APP_OK, {
      "tenant.securityDefaultsEnabled": true,
      "account.legacyAuthBlockedByConditionalAccess": true,
      "account.perUserMfaState": "enforced",
      "account.authenticationPolicy": { name: "Block Basic", allowBasicAuthSmtp: false },
      "account.passwordExpired": true,
      "account.recipientTypeDetails": "SharedMailbox",
    });
    const d = evaluate(c);
    assert.deepEqual(d.causes, []);
    assert.equal(d.verdict, "clear");
    const unknownBasicFacts = evaluate(OAUTH_APP_OK).unknowns;
    assert.deepEqual(unknownBasicFacts, []);
  });
  test("the user's policy beats the default, both ways", () => {
    const allow = { name: "Allow SMTP Basic", allowBasicAuthSmtp: true };
    const block = { name: "Block Basic", allowBasicAuthSmtp: false };
    const userBlocks = evaluate(withFacts(BASIC_OK, { "account.authenticationPolicy": block, "tenant.defaultAuthenticationPolicy": allow }));
    assert.deepEqual(summary(userBlocks), ["auth-policy-blocks-basic:blocking", "basic-auth-retired:warning"]);
    assert.deepEqual(finding(userBlocks, "auth-policy-blocks-basic")?.evidence, [
      { kind: "fact", path: "account.authenticationPolicy", value: block },
      { kind: "inference", messageKey: "inference.policyUser", params: { name: "Block Basic" } },
    ]);
    const userAllows = evaluate(withFacts(BASIC_OK, { "account.authenticationPolicy": allow, "tenant.defaultAuthenticationPolicy": block }));
    assert.equal(userAllows.verdict, "clear");
  });
  test("no user policy: the default applies; a null default means no policy", () => {
    const block = { name: "Org default", allowBasicAuthSmtp: false };
    const d = evaluate(withFacts(BASIC_OK, { "account.authenticationPolicy": null, "tenant.defaultAuthenticationPolicy": block }));
    assert.deepEqual(summary(d), ["auth-policy-blocks-basic:blocking", "basic-auth-retired:warning"]);
    assert.deepEqual(finding(d, "auth-policy-blocks-basic")?.evidence.at(-1), { kind: "inference", messageKey: "inference.policyDefault", params: { name: "Org default" } });
    assert.ok(finding(d, "auth-policy-blocks-basic")?.evidence.some((e) => e.kind === "fact" && e.path === "account.authenticationPolicy" && e.value === null));
    assert.equal(evaluate(withFacts(BASIC_OK, { "account.authenticationPolicy": null, "tenant.defaultAuthenticationPolicy": null })).verdict, "clear");
    assert.deepEqual(evaluate(withFacts(BASIC_OK, { "tenant.defaultAuthenticationPolicy": undefined })).unknowns, ["tenant.defaultAuthenticationPolicy"]);
  });
  test("user policy unknown: asked even when the default is known", () => {
    const allow = { name: "Allow", allowBasicAuthSmtp: true };
    const known = evaluate(withFacts(BASIC_OK, { "account.authenticationPolicy": undefined, "tenant.defaultAuthenticationPolicy": allow }));
    assert.deepEqual(known.unknowns, ["account.authenticationPolicy"]);
    assert.equal(known.verdict, "undetermined");
    const blocksByDefault = evaluate(withFacts(BASIC_OK, { "account.authenticationPolicy": undefined, "tenant.defaultAuthenticationPolicy": { name: "D", allowBasicAuthSmtp: false } }));
    assert.deepEqual(summary(blocksByDefault), ["auth-policy-blocks-basic:possible", "basic-auth-retired:warning"]);
    assert.deepEqual(finding(blocksByDefault, "auth-policy-blocks-basic")?.notes, ["note.policyUserMayOverride"]);
    assert.deepEqual(evaluate(withFacts(BASIC_OK, { "account.authenticationPolicy": undefined, "tenant.defaultAuthenticationPolicy": undefined })).unknowns, [
      "account.authenticationPolicy",
      "tenant.defaultAuthenticationPolicy",
    ]);
  });
  test("auth unknown: Basic-only gates are 'would apply if Basic' (possible) and device.auth is asked", () => {
    const c = withFacts(BASIC_OK, { "device.auth": undefined, "device.authMechanism": undefined, "tenant.securityDefaultsEnabled": true });
    const d = evaluate(c);
    assert.deepEqual(summary(d), ["security-defaults:possible"]);
    assert.deepEqual(finding(d, "security-defaults")?.notes, ["note.securityDefaultsNoOverride", "note.ifBasic"]);
    assert.deepEqual(d.unknowns, ["device.auth"]);
    assert.ok(d.info.some((i) => i.id === "assumed-auth-mechanism"));
    assert.equal(d.verdict, "undetermined");
  });
});

describe("gate 5: account", () => {
  test("a disabled account blocks Basic and delegated OAuth, not app-only OAuth (no user sign-in)", () => {
    assert.deepEqual(summary(evaluate(withFacts(BASIC_OK, { "account.accountEnabled": false }))), ["account-disabled:blocking", "basic-auth-retired:warning"]);
    assert.deepEqual(summary(evaluate(withFacts(OAUTH_APP_OK, { "device.oauthFlow": "delegated", "account.accountEnabled": false }))), ["account-disabled:blocking"]);
    assert.deepEqual(summary(evaluate(withFacts(OAUTH_APP_OK, { "account.accountEnabled": false }))), []);
    assert.deepEqual(evaluate(withFacts(OAUTH_APP_OK, { "account.accountEnabled": undefined })).unknowns, []);
  });
  test("an expired password blocks Basic only", () => {
    assert.deepEqual(summary(evaluate(withFacts(BASIC_OK, { "account.passwordExpired": true }))), ["password-expired:blocking", "basic-auth-retired:warning"]);
    assert.deepEqual(summary(evaluate(withFacts(OAUTH_APP_OK, { "account.passwordExpired": true }))), []);
  });
  test("no Exchange licence blocks Basic, delegated OAuth, and app-only OAuth sending as a user mailbox", () => {
    assert.deepEqual(summary(evaluate(withFacts(BASIC_OK, { "account.exchangeLicensed": false }))), ["no-licensed-mailbox:blocking", "basic-auth-retired:warning"]);
    const delegated = withFacts(OAUTH_APP_OK, { "device.oauthFlow": "delegated", "account.exchangeLicensed": false });
    assert.deepEqual(summary(evaluate(delegated)), ["no-licensed-mailbox:blocking"]);
    // App-only does not sign in as the user, but a user mailbox without a licence is not a working mailbox.
    assert.deepEqual(summary(evaluate(withFacts(OAUTH_APP_OK, { "account.exchangeLicensed": false }))), ["no-licensed-mailbox:blocking"]);
    // A shared mailbox needs no licence: the OAuth way to send from it.
    assert.deepEqual(summary(evaluate(withFacts(OAUTH_APP_OK, { "account.exchangeLicensed": false, "account.recipientTypeDetails": "SharedMailbox" }))), []);
    assert.deepEqual(evaluate(withFacts(delegated, { "account.exchangeLicensed": undefined })).unknowns, ["account.exchangeLicensed"]);
  });
  for (const type of ["SharedMailbox", "RoomMailbox", "EquipmentMailbox"]) {
    test(`${type} with Basic: no usable password`, () => {
      const d = evaluate(withFacts(BASIC_OK, { "account.recipientTypeDetails": type, "account.exchangeLicensed": false }));
      assert.deepEqual(summary(d), ["no-licensed-mailbox:blocking", "basic-auth-retired:warning"]);
      assert.deepEqual(finding(d, "no-licensed-mailbox")?.notes, ["note.sharedMailboxNoPassword"]);
      assert.equal(finding(d, "no-licensed-mailbox")?.affects, "basic");
    });
  }
  test("a shared mailbox's blocked sign-in is its normal state, never a cause to fix by unblocking it (persona round 4)", () => {
    for (const base of [BASIC_OK, withFacts(OAUTH_APP_OK, { "device.oauthFlow": "delegated" })]) {
      const d = evaluate(withFacts(base, { "account.recipientTypeDetails": "SharedMailbox", "account.exchangeLicensed": false, "account.accountEnabled": false }));
      assert.ok(!d.causes.some((f) => f.id === "account-disabled"), summary(d).join(", "));
      assert.ok(!evaluate(withFacts(base, { "account.recipientTypeDetails": "SharedMailbox", "account.accountEnabled": undefined })).unknowns.includes("account.accountEnabled"));
    }
    // A user mailbox with sign-in blocked still blocks.
    assert.equal(finding(evaluate(withFacts(BASIC_OK, { "account.accountEnabled": false })), "account-disabled")?.status, "blocking");
  });
  test("a shared mailbox with OAuth is fine (Info: FullAccess is what matters)", () => {
    const d = evaluate(withFacts(OAUTH_APP_OK, { "account.recipientTypeDetails": "SharedMailbox", "account.exchangeLicensed": false }));
    assert.deepEqual(d.causes, []);
    assert.ok(d.info.some((i) => i.id === "shared-mailbox-oauth"));
  });
  test("no mailbox at all blocks everything", () => {
    assert.deepEqual(summary(evaluate(withFacts(OAUTH_APP_OK, { "account.recipientTypeDetails": "MailUser" }))), ["no-licensed-mailbox:blocking"]);
  });
});

describe("gate 6: Send As", () => {
  const diff = withFacts(BASIC_OK, { "device.from": "Scanner <noreply@contoso.com>" });
  test("From differs from the login: Send As true passes, false blocks, unknown is asked", () => {
    assert.equal(evaluate(withFacts(diff, { "account.sendAs": true })).verdict, "clear");
    const denied = evaluate(withFacts(diff, { "account.sendAs": false }));
    assert.deepEqual(summary(denied), ["send-as-denied:blocking", "basic-auth-retired:warning"]);
    assert.deepEqual(finding(denied, "send-as-denied")?.evidence.map((e) => (e.kind === "fact" ? e.path : e.kind)), ["device.username", "device.from", "account.sendAs"]);
    assert.deepEqual(evaluate(diff).unknowns, ["account.sendAs"]);
  });
  test("the address part is compared case-insensitively; same address makes Send As irrelevant", () => {
    const same = withFacts(BASIC_OK, { "device.from": "Multifunction <MFP@Contoso.com>", "account.sendAs": false });
    assert.equal(evaluate(same).verdict, "clear");
    assert.deepEqual(evaluate(withFacts(same, { "account.sendAs": undefined })).unknowns, []);
  });
  test("a sender that is no address at all is possibly refused as such, before any Send As question; a display name around one is fine", () => {
    for (const from of ["scanner", "Scan Center", "scan@contoso", "scan @contoso.com"]) {
      const d = evaluate(withFacts(BASIC_OK, { "device.from": from, "account.sendAs": undefined }));
      assert.deepEqual(summary(d), ["sender-address-invalid:possible", "basic-auth-retired:warning"], from);
      assert.deepEqual(finding(d, "sender-address-invalid")?.evidence, [{ kind: "fact", path: "device.from", value: from }], from);
      assert.ok(!d.unknowns.includes("account.sendAs"), from);
    }
    for (const from of ["mfp@contoso.com", "Multifunction <MFP@Contoso.com>", "scan.center@mail.contoso.co.jp"]) {
      assert.ok(!evaluate(withFacts(BASIC_OK, { "device.from": from })).causes.some((f) => f.id === "sender-address-invalid"), from);
    }
  });
  test("from or username unknown: they are the unknowns", () => {
    assert.deepEqual(evaluate(withFacts(BASIC_OK, { "device.from": undefined })).unknowns, ["device.from"]);
    assert.deepEqual(evaluate(withFacts(BASIC_OK, { "device.from": undefined, "device.username": undefined })).unknowns, ["device.username", "device.from"]);
  });
});

describe("gate 7: OAuth set-up", () => {
  test("app-only: each missing piece blocks, and the evidence names which", () => {
    for (const key of ["servicePrincipalRegistered", "mailboxPermission", "permissionConsented"]) {
      const path = `account.oauthApp.${key}`;
      const d = evaluate(withFacts(OAUTH_APP_OK, { [path]: false }));
      assert.deepEqual(summary(d), ["oauth-misconfigured:blocking"], key);
      assert.deepEqual(finding(d, "oauth-misconfigured")?.evidence, [{ kind: "fact", path, value: false }]);
      assert.deepEqual(evaluate(withFacts(OAUTH_APP_OK, { [path]: undefined })).unknowns, [path]);
    }
    const two = evaluate(withFacts(OAUTH_APP_OK, { "account.oauthApp.servicePrincipalRegistered": false, "account.oauthApp.mailboxPermission": false }));
    assert.equal(finding(two, "oauth-misconfigured")?.evidence.length, 2);
  });
  test("delegated: only consent matters", () => {
    const delegated = withFacts(OAUTH_APP_OK, { "device.oauthFlow": "delegated", "account.exchangeLicensed": true, "account.oauthApp.servicePrincipalRegistered": undefined, "account.oauthApp.mailboxPermission": undefined, "account.oauthApp.permissionConsented": false });
    assert.deepEqual(summary(evaluate(delegated)), ["oauth-misconfigured:blocking"]);
    assert.deepEqual(evaluate(withFacts(delegated, { "account.oauthApp.permissionConsented": true })).verdict, "clear");
  });
  test("flow unknown: asked, with consent (needed by both flows)", () => {
    const d = evaluate(withFacts(OAUTH_APP_OK, { "device.oauthFlow": undefined, "account.exchangeLicensed": undefined, "account.oauthApp.servicePrincipalRegistered": undefined, "account.oauthApp.mailboxPermission": undefined, "account.oauthApp.permissionConsented": undefined }));
    assert.deepEqual(d.unknowns, ["device.oauthFlow", "account.exchangeLicensed", "account.oauthApp.permissionConsented"]);
    assert.deepEqual(evaluate(withFacts(OAUTH_APP_OK, { "account.recipientTypeDetails": undefined })).unknowns, ["account.recipientTypeDetails"]);
  });
});

describe("gate 8: Basic-auth retirement", () => {
  test("phases by date", () => {
    assert.equal(retirementPhase("2026-11-22"), "before-change");
    assert.equal(retirementPhase("2026-11-30"), "before-change");
    assert.equal(retirementPhase("2026-12-01"), "change-imminent");
    assert.equal(retirementPhase("2026-12-15"), "change-imminent");
    assert.equal(retirementPhase("2026-12-31"), "change-imminent");
    assert.equal(retirementPhase("2027-01-01"), "disabled-by-default");
    assert.equal(retirementPhase("2027-01-15"), "disabled-by-default");
  });
  test("2026-11-22: warning with the confirmed/unconfirmed notes", () => {
    const f = finding(evaluate(BASIC_OK), "basic-auth-retired");
    assert.equal(f?.status, "warning");
    assert.deepEqual(f?.notes, ["note.retirement.confirmed", "note.retirement.unconfirmed"]);
    assert.deepEqual(f?.evidence[0], { kind: "timeline", phase: "before-change", asOf: "2026-11-22" });
  });
  test("2026-12-15: still a warning, imminent", () => {
    const d = evaluate(withFacts(BASIC_OK, { asOf: "2026-12-15" }));
    assert.equal(d.retirement, "change-imminent");
    const f = finding(d, "basic-auth-retired");
    assert.equal(f?.status, "warning");
    assert.ok(f?.notes?.includes("note.retirement.imminent"));
    assert.equal(d.verdict, "clear");
  });
  test("2027-01-15: re-enabled → warning, not → blocking, unknown → possible and asked", () => {
    const jan = withFacts(BASIC_OK, { asOf: "2027-01-15" });
    const unknown = evaluate(jan);
    assert.equal(unknown.retirement, "disabled-by-default");
    assert.deepEqual(summary(unknown), ["basic-auth-retired:possible"]);
    // When the organization was created decides too (created after December 2026: unavailable by default).
    assert.deepEqual(unknown.unknowns, ["tenant.basicAuthSmtpReenabled", "tenant.createdDate"]);
    assert.ok(finding(unknown, "basic-auth-retired")?.notes?.includes("note.retirement.newTenantUnknown"));
    assert.equal(unknown.verdict, "undetermined");
    const oldTenant = evaluate(withFacts(jan, { "tenant.createdDate": "2021-04-01" }));
    assert.deepEqual(summary(oldTenant), ["basic-auth-retired:possible"]);
    assert.deepEqual(oldTenant.unknowns, ["tenant.basicAuthSmtpReenabled"]);
    const newTenant = evaluate(withFacts(BASIC_OK, { asOf: "2027-03-01", "tenant.createdDate": "2027-02-10" }));
    assert.deepEqual(summary(newTenant), ["basic-auth-retired:blocking"]);
    assert.ok(finding(newTenant, "basic-auth-retired")?.notes?.includes("note.retirement.newTenant"));
    assert.ok(finding(newTenant, "basic-auth-retired")?.evidence.some((e) => e.kind === "fact" && e.path === "tenant.createdDate"));
    const off = evaluate(withFacts(jan, { "tenant.basicAuthSmtpReenabled": false }));
    assert.deepEqual(summary(off), ["basic-auth-retired:blocking"]);
    assert.ok(finding(off, "basic-auth-retired")?.evidence.some((e) => e.kind === "fact" && e.path === "tenant.basicAuthSmtpReenabled"));
    const on = evaluate(withFacts(jan, { "tenant.basicAuthSmtpReenabled": true }));
    assert.deepEqual(summary(on), ["basic-auth-retired:warning"]);
    assert.ok(finding(on, "basic-auth-retired")?.notes?.includes("note.retirement.reenableTemporary"));
    assert.equal(on.verdict, "clear");
  });
  test("not carried by OAuth, nor when the mode is entirely unknown", () => {
    assert.equal(finding(evaluate(withFacts(OAUTH_APP_OK, { asOf: "2027-01-15" })), "basic-auth-retired"), undefined);
    assert.equal(finding(evaluate(withFacts(BASIC_OK, { "device.auth": undefined, "device.authMechanism": undefined })), "basic-auth-retired"), undefined);
  });
  test("auth unknown but a Basic mechanism: carried", () => {
    const d = evaluate(withFacts(BASIC_OK, { asOf: "2027-01-15", "device.auth": undefined, "tenant.basicAuthSmtpReenabled": false }));
    assert.deepEqual(summary(d), ["basic-auth-retired:blocking"]);
  });
});

describe("layered blockers, verdict and unknowns", () => {
  test("tenant off + security defaults + CA + Send As are all reported together, in gate order", () => {
    const d = evaluate(
      withFacts(BASIC_OK, {
        "tenant.smtpClientAuthenticationDisabled": true,
        "tenant.securityDefaultsEnabled": true,
        "account.legacyAuthBlockedByConditionalAccess": true,
        "device.from": "noreply@contoso.com",
        "account.sendAs": false,
      }),
    );
    assert.equal(d.verdict, "blocked");
    assert.deepEqual(summary(d), [
      "security-defaults:blocking",
      "conditional-access:blocking",
      "tenant-smtp-auth-disabled:blocking",
      "send-as-denied:blocking",
      "basic-auth-retired:warning",
    ]);
  });
  test("blocking, then possible, then warning", () => {
    const d = evaluate(withFacts(BASIC_OK, { "device.host": "52.96.0.1", "account.perUserMfaState": "enabled", "account.passwordExpired": true }));
    assert.deepEqual(summary(d), ["password-expired:blocking", "wrong-endpoint:possible", "per-user-mfa:possible", "basic-auth-retired:warning"]);
  });
  test("unknowns are still listed when the verdict is blocked", () => {
    const d = evaluate(withFacts(BASIC_OK, { "device.port": 465, "tenant.securityDefaultsEnabled": undefined, "account.accountEnabled": undefined }));
    assert.equal(d.verdict, "blocked");
    assert.deepEqual(d.unknowns, ["account.accountEnabled", "tenant.securityDefaultsEnabled"]);
  });
  test("warnings never change the verdict", () => {
    const d = evaluate(withFacts(BASIC_OK, { "device.host": "outlook.office365.com" }));
    assert.equal(d.verdict, "clear");
    assert.ok(d.causes.every((f) => f.status === "warning"));
  });
  test("device.oauthSupported and password expiry never decide the verdict, so they are not unknowns", () => {
    const unknownOauth = withFacts(BASIC_OK, { "device.oauthSupported": undefined, "account.passwordExpired": undefined });
    const d = evaluate(unknownOauth);
    assert.equal(d.verdict, "clear");
    assert.deepEqual(d.unknowns, []);
    // …but the report says plainly that the credentials themselves were not verified.
    assert.ok(d.info.some((i) => i.id === "credentials-unverified"));
    const broken = evaluate(withFacts(unknownOauth, { "account.passwordExpired": true }));
    assert.deepEqual(broken.unknowns, []);
    assert.ok(broken.causes.some((f) => f.id === "password-expired" && f.status === "blocking"));
    const jan = evaluate(withFacts(unknownOauth, { asOf: "2027-01-15" }));
    assert.deepEqual(jan.unknowns, ["tenant.basicAuthSmtpReenabled", "tenant.createdDate"]);
    assert.deepEqual(evaluate(withFacts(OAUTH_APP_OK, { "account.accountEnabled": false })).unknowns, []);
  });
  test("a possible finding alone makes it undetermined", () => {
    const d = evaluate(withFacts(BASIC_OK, { "device.host": "relay.contoso.local" }));
    assert.equal(d.verdict, "undetermined");
    assert.deepEqual(d.unknowns, []);
  });
  test("unknowns for a Basic device known only by its settings screen", () => {
    const d = evaluate({
      schema: CASE_SCHEMA_ID,
      asOf: "2026-11-22",
      device: { host: "smtp.office365.com", port: 587, security: "starttls", tlsVersion: "1.2", auth: "basic", authMechanism: "LOGIN", username: "mfp@contoso.com", from: "mfp@contoso.com" },
    });
    assert.deepEqual(d.unknowns, [
      "account.accountEnabled",
      "account.smtpClientAuthenticationDisabled",
      "account.recipientTypeDetails",
      "account.exchangeLicensed",
      "account.perUserMfaState",
      "account.legacyAuthBlockedByConditionalAccess",
      "account.authenticationPolicy",
      "tenant.smtpClientAuthenticationDisabled",
      "tenant.securityDefaultsEnabled",
      "tenant.defaultAuthenticationPolicy",
    ]);
  });
  test("unknowns for an app-only OAuth device known only by its settings screen", () => {
    const d = evaluate({
      schema: CASE_SCHEMA_ID,
      asOf: "2026-11-22",
      device: { host: "smtp.office365.com", port: 587, security: "starttls", tlsVersion: "1.2", auth: "oauth", oauthFlow: "app", username: "mfp@contoso.com", from: "mfp@contoso.com" },
    });
    assert.deepEqual(d.unknowns, [
      "account.smtpClientAuthenticationDisabled",
      "account.recipientTypeDetails",
      "account.exchangeLicensed",
      "account.oauthApp.permissionConsented",
      "account.oauthApp.servicePrincipalRegistered",
      "account.oauthApp.mailboxPermission",
      "tenant.smtpClientAuthenticationDisabled",
    ]);
  });
  test("every finding has evidence; evaluateWith without a reply equals evaluate", () => {
    const c = withFacts(BASIC_OK, { "device.port": 465, "tenant.securityDefaultsEnabled": true, "account.perUserMfaState": "enabled" });
    const d = evaluate(c);
    for (const f of d.causes) assert.ok(f.evidence.length >= 1, f.id);
    assert.deepEqual(evaluateWith(c, undefined, "2026-11-22"), d);
  });
  test("OAuth2ClientProfileEnabled false is Info, not a cause", () => {
    const d = evaluate(withFacts(OAUTH_APP_OK, { "tenant.oauth2ClientProfileEnabled": false }));
    assert.deepEqual(d.causes, []);
    assert.equal(d.verdict, "clear");
    assert.deepEqual(d.info.find((i) => i.id === "oauth2-client-profile-disabled")?.evidence, [{ kind: "fact", path: "tenant.oauth2ClientProfileEnabled", value: false }]);
  });
});
