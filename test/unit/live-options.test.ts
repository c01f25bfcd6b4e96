// Flags, clouds, certificates and sign-in error translation: no network needed.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { translateAuthError } from "../../src/live/auth-errors.js";
import { parseCertificatePem } from "../../src/live/certificate.js";
import { resolveEndpoints } from "../../src/live/clouds.js";
import { testPki } from "../emulators/tls.js";
import { runMain } from "../helpers/run-main.js";
import stringWidth from "string-width";

const ID = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";

test("no client id: exit 2 with a pointer to setup, in both languages", async () => {
  const en = await runMain(["collect", "--user", "mfp@contoso.com", "--out", "x.json"]);
  assert.equal(en.code, 2);
  assert.match(en.stderr, /--client-id.*SMTP_AUTH_DOCTOR_CLIENT_ID.*smtp-auth-doctor setup/);
  const ja = await runMain(["access", "--lang", "ja"]);
  assert.equal(ja.code, 2);
  assert.match(ja.stderr, /smtp-auth-doctor setup で確認できます/);
  assert.equal(ja.stderr.trim().split("\n").length, 1);
});

test("bad flags are bad input (exit 2), one line, before any sign-in", async () => {
  const cases: [string[], RegExp, NodeJS.ProcessEnv?][] = [
    [["collect", "--client-id", ID, "--out", "x.json"], /--user ADDRESS/],
    [["collect", "--user", "not-an-address", "--client-id", ID, "--out", "x.json"], /is not a mail address/],
    [["collect", "--user", "mfp@contoso.com", "--client-id", "nope", "--out", "x.json"], /not an application \(client\) ID/],
    [["collect", "--user", "mfp@contoso.com", "--client-id", ID], /--out case\.json/],
    [["collect", "--user", "mfp@contoso.com", "--client-id", ID, "--out", "x.json", "--cloud", "mars"], /Unknown cloud 'mars'.*global, usgov-high, usgov-dod, china/],
    [["collect", "--user", "mfp@contoso.com", "--client-id", ID, "--out", "x.json", "--exchange", "ews"], /Use rest \(default\) or pwsh/],
    [["collect", "--user", "mfp@contoso.com", "--client-id", ID, "--out", "x.json", "--tenant", "t", "--client-secret-env", "S", "--certificate", "c.pem"], /not both/, { S: "x" }],
    [["collect", "--user", "mfp@contoso.com", "--client-id", ID, "--out", "x.json", "--tenant", "contoso.onmicrosoft.com", "--client-secret-env", "EMPTY_ONE"], /EMPTY_ONE.*empty or not set/],
    [["collect", "--user", "mfp@contoso.com", "--client-id", ID, "--out", "x.json", "--tenant", "contoso.onmicrosoft.com", "--client-secret-env", "p@ss w0rd"], /NAME of an environment variable/],
    [["collect", "--user", "mfp@contoso.com", "--client-id", ID, "--out", "x.json", "--client-secret-env", "S"], /needs the tenant/, { S: "x" }],
    [["collect", "--user", "mfp@contoso.com", "--client-id", ID, "--out", "x.json", "--tenant", ID, "--client-secret-env", "S", "--exchange", "pwsh"], /domain \(contoso\.onmicrosoft\.com\)/, { S: "x" }],
    [["collect", "--user", "mfp@contoso.com", "--client-id", ID, "--out", "x.json", "--tenant", "bad tenant!"], /neither a tenant ID/],
    [["collect", "--user", "mfp@contoso.com", "--out", "x.json", "--bogus"], /Unknown option --bogus/],
    [["collect", "--user", "mfp@contoso.com", "--out", "x.json"], /https:\/\/ URL/, { SMTP_AUTH_DOCTOR_CLIENT_ID: ID, SMTP_AUTH_DOCTOR_GRAPH: "http://127.0.0.1:1" }],
    [["collect", "--user", "mfp@contoso.com", "--client-id", ID, "--out", "x.json", "--tenant", "contoso.onmicrosoft.com", "--certificate", "/nonexistent/app.pem"], /does not exist/],
  ];
  for (const [argv, re, env] of cases) {
    const r = await runMain(argv, { env: env ?? {} });
    assert.equal(r.code, 2, `${argv.join(" ")} → ${r.stderr}`);
    assert.match(r.stderr, re, argv.join(" "));
    assert.doesNotMatch(r.stderr, /at .*\.(ts|js):\d+/);
  }
  // the secret value itself never appears in an error
  const leak = await runMain(["collect", "--user", "mfp@contoso.com", "--client-id", ID, "--out", "x.json", "--client-secret-env", "S"], { env: { S: "Very-Secret-Value-123" } });
  assert.ok(!leak.stderr.includes("Very-Secret-Value-123"));
});

test("setup prints the app registration with permissions per read, in English and Japanese", async () => {
  const en = await runMain(["setup", "--lang", "en"]);
  assert.equal(en.code, 0);
  for (const s of ["Allow public client flows: Yes", "Policy.Read.All", "User.Read.All", "AuditLog.Read.All", "MailboxSettings.Read", "Exchange.ManageAsApp", "Exchange.Manage", "Global Reader", "Grant admin consent", "Entra ID P1"]) assert.ok(en.stdout.includes(s), s);
  assert.match(en.stdout, /Recent Authenticated SMTP sign-ins \(Microsoft Graph\)\n {4}Delegated \(device code\): AuditLog\.Read\.All \(Microsoft Graph\)/);
  const ja = await runMain(["setup", "--lang", "ja"]);
  assert.equal(ja.code, 0);
  for (const s of ["パブリック クライアント フローを許可する", "管理者の同意", "グローバル閲覧者", "セキュリティの既定値 (Microsoft Graph)", "最近の認証済み SMTP のサインイン", "条件付きアクセス"]) assert.ok(ja.stdout.includes(s), s);
  const json = JSON.parse((await runMain(["setup", "--json"])).stdout) as { reads: { id: string; application: string[] }[] };
  assert.equal(json.reads.length, 15);
  assert.deepEqual(json.reads.find((r) => r.id === "exchange.casMailbox")?.application, ["Exchange.ManageAsApp"]);
});

test("clouds: hosts per cloud, and the three environment overrides", () => {
  assert.equal(resolveEndpoints("global", {}).exchangeBase, "https://outlook.office365.com");
  assert.equal(resolveEndpoints("usgov-high", {}).authorityHost, "https://login.microsoftonline.us");
  assert.equal(resolveEndpoints("usgov-dod", {}).exchangeBase, "https://outlook-dod.office365.us");
  assert.equal(resolveEndpoints("china", {}).graphBase, "https://microsoftgraph.chinacloudapi.cn");
  const o = resolveEndpoints("global", { SMTP_AUTH_DOCTOR_AUTHORITY: "https://127.0.0.1:8443/", SMTP_AUTH_DOCTOR_GRAPH: "https://127.0.0.1:8444", SMTP_AUTH_DOCTOR_EXCHANGE: "https://127.0.0.1:8445/" });
  assert.deepEqual([o.authorityHost, o.graphBase, o.exchangeBase, o.authorityOverridden], ["https://127.0.0.1:8443", "https://127.0.0.1:8444", "https://127.0.0.1:8445", true]);
  assert.equal(o.graphResource, "https://graph.microsoft.com", "overrides never change the token audience");
});

test("certificate PEM: SHA-256 thumbprint as openssl computes it; missing, mismatched and encrypted keys refused", () => {
  const pki = testPki();
  const pem = readFileSync(pki.appPemPath, "utf8");
  const c = parseCertificatePem(pem, "app.pem");
  const fp = execFileSync("openssl", ["x509", "-noout", "-fingerprint", "-sha256", "-in", pki.appPemPath]).toString();
  assert.equal(c.thumbprintSha256, /=([0-9A-F:]+)/.exec(fp)?.[1]?.replace(/:/g, "").toLowerCase());
  assert.match(c.privateKeyPem, /^-----BEGIN PRIVATE KEY-----/);
  const certOnly = pki.appCertPem;
  assert.throws(() => parseCertificatePem(certOnly, "a.pem"), /cert\.no-key/);
  assert.throws(() => parseCertificatePem(readFileSync(join(pki.dir, "server.key"), "utf8"), "k.pem"), /cert\.no-certificate/);
  assert.throws(() => parseCertificatePem(certOnly + readFileSync(join(pki.dir, "server.key"), "utf8"), "m.pem"), /cert\.key-mismatch/);
  const d = mkdtempSync(join(tmpdir(), "sad-enc-"));
  execFileSync("openssl", ["pkcs8", "-topk8", "-in", join(pki.dir, "app.key"), "-out", join(d, "enc.key"), "-passout", "pass:secret"]);
  writeFileSync(join(d, "enc.pem"), certOnly + readFileSync(join(d, "enc.key"), "utf8"));
  assert.throws(() => parseCertificatePem(readFileSync(join(d, "enc.pem"), "utf8"), "enc.pem"), /cert\.encrypted-key/);
});

test("sign-in errors: AADSTS codes mapped to messages, exit 4, secrets removed from the detail", () => {
  const secret = "abc~DEF.ghi_123456";
  const cases: [unknown, string][] = [
    [{ errorCode: "invalid_grant", errorMessage: "AADSTS65001: The user or administrator has not consented to use the application." }, "live.err.consentRequired"],
    [{ errorCode: "invalid_request", errorMessage: "AADSTS50020: User account 'x@fabrikam.com' from identity provider does not exist in tenant." }, "live.err.userNotInTenant"],
    [{ errorCode: "invalid_client", errorMessage: `AADSTS7000215: Invalid client secret provided. client_secret=${secret}` }, "live.err.badSecret"],
    [{ errorCode: "unauthorized_client", errorMessage: "AADSTS700016: Application with identifier 'x' was not found." }, "live.err.appNotFound"],
    [{ errorCode: "invalid_client", errorMessage: "something else" }, "live.err.invalidClient"],
    [{ errorCode: "device_code_expired", errorMessage: "Device code expired." }, "live.err.deviceCodeExpired"],
    [{ errorCode: "post_request_failed", errorMessage: "expired_token" }, "live.err.deviceCodeExpired"],
    [{ errorCode: "network_error", errorMessage: "fetch failed" }, "live.err.authorityUnreachable"],
    [new Error("weird"), "live.err.signInFailed"],
  ];
  for (const [e, key] of cases) {
    const a = translateAuthError(e, [secret]);
    assert.equal(a.key, key, JSON.stringify(e));
    assert.equal(a.exitCode, 4);
    assert.ok(!(a.detail ?? "").includes(secret), "secret removed from the detail");
  }
  assert.match(translateAuthError(cases[2]![0], [secret]).detail ?? "", /AADSTS7000215/);
});

test("setup's guide wraps to the window, each numbered or listed line hanging under its text (it kept lines of 130 columns)", async () => {
  for (const lang of ["en", "ja"] as const) {
    const narrow = (await runMain(["setup", "--lang", lang], { columns: 60 })).stdout.split("\n");
    assert.ok(narrow.every((l) => stringWidth(l) <= 60), `${lang}: ${narrow.find((l) => stringWidth(l) > 60)}`);
    const piped = (await runMain(["setup", "--lang", lang])).stdout.split("\n");
    assert.ok(piped.every((l) => stringWidth(l) <= 80), `${lang}: ${piped.find((l) => stringWidth(l) > 80)}`);
    // A numbered step's second line starts under its text.
    const first = narrow.findIndex((l) => l.startsWith("1. "));
    assert.ok(first >= 0 && narrow[first + 1]?.startsWith("   ") === true, narrow.slice(first, first + 2).join("\n"));
  }
});
