// The real CLI as a child process, with the real msal-node and fetch, against the HTTPS emulators
// on 127.0.0.1 (trusted through NODE_EXTRA_CA_CERTS): device code, client secret, certificate,
// sign-in failures, access, the PowerShell route with a fake pwsh, and no secret anywhere.
import assert from "node:assert/strict";
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, beforeEach, test } from "node:test";
import { CaseSchema } from "../../src/case/schema.js";
import { startEmulators, type Emulators } from "../emulators/index.js";
import { baseTenant } from "../emulators/tenant.js";
import { testPki } from "../emulators/tls.js";
import { runCli, type CliResult } from "../helpers/run-cli.js";

let em: Emulators;
let dir: string;
before(async () => {
  em = await startEmulators({ tls: true });
  dir = mkdtempSync(join(tmpdir(), "sad-live-e2e-"));
});
after(async () => em.close());
beforeEach(() => {
  em.faults.length = 0;
  em.log.length = 0;
  Object.assign(em.fixture, baseTenant(), { appCertPem: testPki().appCertPem });
});

let n = 0;
const outFile = () => join(dir, `case-${++n}.json`);
const SECRET_ENV = "SAD_TEST_CLIENT_SECRET";

function assertNoSecrets(r: CliResult, extra: string[] = []): void {
  const secrets = [...em.issued, em.fixture.clientSecret, ...extra];
  for (const s of secrets) {
    assert.ok(!r.stdout.includes(s), "a secret or token reached stdout");
    assert.ok(!r.stderr.includes(s), "a secret or token reached stderr");
  }
  assert.doesNotMatch(r.stderr, /NON-LOOPBACK-FETCH/, "nothing but the loopback emulators was contacted");
  assert.doesNotMatch(r.stdout + r.stderr, /eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/, "no JWT-looking text in output");
  assert.doesNotMatch(r.stdout + r.stderr, /-----BEGIN/, "no key material in output");
}

function assertFileHasNoSecrets(path: string): void {
  const text = readFileSync(path, "utf8");
  for (const s of [...em.issued, em.fixture.clientSecret]) assert.ok(!text.includes(s), "a secret or token reached the case file");
  assert.doesNotMatch(text, /eyJ[A-Za-z0-9_-]{10,}|BEGIN .*PRIVATE KEY/);
}

test("device code: the code and URL on stderr, one sign-in for Graph and Exchange, a complete case file", async () => {
  const out = outFile();
  const r = await runCli(["collect", "--user", "mfp@contoso.com", "--from", "scans@contoso.com", "--client-id", em.fixture.clientId, "--out", out], { env: em.env() });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /open https:\/\/microsoft\.com\/devicelogin in a browser and enter the code EMU4ABCD/);
  assert.doesNotMatch(r.stdout, /EMU4ABCD/, "the device-code message is not on stdout");
  assert.match(r.stdout, /^Wrote .*case-\d+\.json: \d+ facts from 15 reads\.\n$/);
  const grants = em.log.filter((l) => l.service === "authority" && l.path.endsWith("/token") && l.status === 200).map((l) => l.what);
  assert.deepEqual(grants, ["device_code", "refresh_token"], "Exchange token came silently from the same sign-in");
  const c = CaseSchema.parse(JSON.parse(readFileSync(out, "utf8")));
  assert.equal(c.tenant?.smtpClientAuthenticationDisabled, true);
  assert.equal(c.account?.smtpClientAuthenticationDisabled, false);
  assert.equal(c.account?.sendAs, true);
  assert.equal(c.tenant?.tenantId, em.fixture.tenantId);
  assert.equal(c.sources?.["account.perUserMfaState"]?.kind, "live");
  // the Exchange anchor is the signed-in person
  assert.ok(em.log.some((l) => l.service === "exchange" && /x-anchormailbox: UPN:admin@contoso\.com/i.test(l.raw)));
  assertNoSecrets(r);
  assertFileHasNoSecrets(out);
});

test("device code in Japanese; --out exists → exit 2 before any sign-in", async () => {
  const out = outFile();
  const r = await runCli(["collect", "--lang", "ja", "--user", "mfp@contoso.com", "--client-id", em.fixture.clientId, "--out", out], { env: em.env() });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /ブラウザーで https:\/\/microsoft\.com\/devicelogin を開き、コード EMU4ABCD を入力してください/);
  assert.match(r.stdout, /を書き込みました/);
  em.log.length = 0;
  const again = await runCli(["collect", "--lang", "ja", "--user", "mfp@contoso.com", "--client-id", em.fixture.clientId, "--out", out], { env: em.env() });
  assert.equal(again.code, 2);
  assert.match(again.stderr, /既に存在します/);
  assert.equal(em.log.length, 0, "nothing was asked of the authority");
});

test("client secret from an environment variable: app-only tokens per resource, the secret nowhere", async () => {
  const out = outFile();
  const r = await runCli(["collect", "--user", "mfp@contoso.com", "--tenant", em.fixture.tenantId, "--client-id", em.fixture.clientId, "--client-secret-env", SECRET_ENV, "--out", out, "--json"], {
    env: { ...em.env(), [SECRET_ENV]: em.fixture.clientSecret },
  });
  assert.equal(r.code, 0, r.stderr);
  const parsed = JSON.parse(r.stdout) as { facts: number; reads: { id: string; status: string }[] };
  assert.ok(parsed.facts >= 14);
  assert.equal(r.stderr, "", "with --json nothing else is printed");
  const tokenPosts = em.log.filter((l) => l.service === "authority" && l.path.endsWith("/token"));
  assert.deepEqual(tokenPosts.map((l) => l.what), ["client_credentials", "client_credentials"]);
  assert.ok(tokenPosts.some((l) => l.raw.includes("outlook.office365.com%2F.default")) && tokenPosts.some((l) => l.raw.includes("graph.microsoft.com%2F.default")));
  assert.ok(em.log.some((l) => l.service === "exchange" && /x-anchormailbox: APP:SystemMailbox\{bb558c35-97f1-4cb9-8ff7-d53741dc928c\}@11111111/i.test(l.raw)));
  assertNoSecrets(r);
  assertFileHasNoSecrets(out);
});

test("the authority busy (503): retried; still busy after three tries → exit 4, translated", async () => {
  const env = { ...em.env(), [SECRET_ENV]: em.fixture.clientSecret };
  const args = ["access", "--json", "--user", "mfp@contoso.com", "--tenant", em.fixture.tenantId, "--client-id", em.fixture.clientId, "--client-secret-env", SECRET_ENV];
  // msal-node keeps its own throttle (Retry-After, else 60 s); the provider retries within a short Retry-After
  em.faults.push({ service: "authority", match: /^client_credentials$/, kind: "503", retryAfter: "1" });
  const once = await runCli(args, { env });
  assert.equal(once.code, 0, once.stderr + once.stdout);
  assert.deepEqual(em.log.filter((l) => l.what === "client_credentials").map((l) => l.status).slice(0, 2), [503, 200]);
  em.faults.length = 0;
  em.faults.push({ service: "authority", match: /^client_credentials$/, kind: "503", times: Infinity });
  const always = await runCli(["collect", "--lang", "ja", "--user", "mfp@contoso.com", "--tenant", em.fixture.tenantId, "--client-id", em.fixture.clientId, "--client-secret-env", SECRET_ENV, "--out", outFile()], { env });
  assert.equal(always.code, 4);
  assert.match(always.stderr, /サインイン サービスが混雑しているか一時的に利用できません \(AADSTS90033\)/);
  assertNoSecrets(always);
});

test("certificate: msal signs a client assertion the authority verifies against the registered certificate", async () => {
  const out = outFile();
  const r = await runCli(["collect", "--user", "mfp@contoso.com", "--tenant", em.fixture.domain, "--client-id", em.fixture.clientId, "--certificate", testPki().appPemPath, "--out", out], { env: em.env() });
  assert.equal(r.code, 0, r.stderr);
  const post = em.log.find((l) => l.service === "authority" && l.what === "client_credentials");
  assert.match(post?.raw ?? "", /client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer/);
  assert.doesNotMatch(post?.raw ?? "", /client_secret=/);
  assertNoSecrets(r, [readFileSync(testPki().appPemPath, "utf8").split("-----BEGIN PRIVATE KEY-----")[1]?.slice(0, 64) ?? "x"]);
  assertFileHasNoSecrets(out);
  // a certificate the tenant does not know
  Object.assign(em.fixture, { appCertPem: readFileSync(join(testPki().dir, "ca.pem"), "utf8") });
  const bad = await runCli(["collect", "--user", "mfp@contoso.com", "--tenant", em.fixture.domain, "--client-id", em.fixture.clientId, "--certificate", testPki().appPemPath, "--out", outFile()], { env: em.env() });
  assert.equal(bad.code, 4);
  assert.match(bad.stderr, /does not accept this certificate/);
  assert.match(bad.stderr, /AADSTS700027/);
});

test("sign-in failures are translated, exit 4, nothing written, secret never echoed", async () => {
  const wrong = "Wr0ng~Secret.Value_that-must-not-leak";
  const out = outFile();
  const r = await runCli(["collect", "--user", "mfp@contoso.com", "--tenant", em.fixture.tenantId, "--client-id", em.fixture.clientId, "--client-secret-env", SECRET_ENV, "--out", out], { env: { ...em.env(), [SECRET_ENV]: wrong } });
  assert.equal(r.code, 4);
  assert.match(r.stderr, /the client secret is wrong \(AADSTS7000215\)/);
  assert.ok(!r.stderr.includes(wrong) && !r.stdout.includes(wrong));
  assert.equal(existsSync(out), false);
  assert.doesNotMatch(r.stderr, /at .*\.(ts|js):\d+/);

  const ja = await runCli(["collect", "--lang", "ja", "--user", "mfp@contoso.com", "--tenant", em.fixture.tenantId, "--client-id", "aaaaaaaa-0000-0000-0000-000000000000", "--client-secret-env", SECRET_ENV, "--out", outFile()], {
    env: { ...em.env(), [SECRET_ENV]: em.fixture.clientSecret },
  });
  assert.equal(ja.code, 4);
  assert.match(ja.stderr, /このテナントにアプリ \(--client-id\) が見つかりません \(AADSTS700016\)/);
  // device code with an unknown app: msal-node reports only "unauthorized_client"; no code is shown
  const dc = await runCli(["collect", "--user", "mfp@contoso.com", "--client-id", "aaaaaaaa-0000-0000-0000-000000000000", "--out", outFile()], { env: em.env() });
  assert.equal(dc.code, 4);
  assert.doesNotMatch(dc.stderr, /undefined|enter the code/);
  assert.match(dc.stderr, /the app was not found in this tenant, or it does not allow this kind of sign-in/);

  em.faults.push({ service: "authority", match: /^expired-device-code$/, kind: "expired-device-code" });
  const expired = await runCli(["collect", "--user", "mfp@contoso.com", "--client-id", em.fixture.clientId, "--out", outFile()], { env: em.env() });
  assert.equal(expired.code, 4);
  assert.match(expired.stderr, /the code expired before the sign-in was finished/);

  const unreachable = await runCli(["collect", "--user", "mfp@contoso.com", "--client-id", em.fixture.clientId, "--out", outFile()], { env: { ...em.env(), SMTP_AUTH_DOCTOR_AUTHORITY: "https://127.0.0.1:9" } });
  assert.equal(unreachable.code, 4);
  assert.match(unreachable.stderr, /could not be reached|Sign-in failed/);

  // the real Microsoft authority is never contacted (without overrides the guard refuses it)
  const real = await runCli(["collect", "--user", "mfp@contoso.com", "--client-id", em.fixture.clientId, "--out", outFile()], { env: { NODE_EXTRA_CA_CERTS: testPki().caPath } });
  assert.equal(real.code, 4);
  assert.match(real.stderr, /NON-LOOPBACK-FETCH login\.microsoftonline\.com/);
  assert.match(real.stderr, /The sign-in service could not be reached/);
});

test("access: ✔ for reads that work, ✖ naming the missing permission and role", async () => {
  em.faults.push({ service: "graph", match: /auditLogs/, kind: "403", times: Infinity });
  em.faults.push({ service: "exchange", match: /Get-OrganizationConfig/, kind: "403", times: Infinity });
  const r = await runCli(["access", "--user", "mfp@contoso.com", "--client-id", em.fixture.clientId], { env: em.env() });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /signed in as admin@contoso\.com/);
  assert.match(r.stdout, /✔ Security defaults \(Microsoft Graph\)/);
  assert.match(r.stdout, /✖ Recent Authenticated SMTP sign-ins \(Microsoft Graph\) — not allowed; missing: AuditLog\.Read\.All \(Microsoft Graph, delegated\); role Global Reader \/ Reports Reader \/ Security Reader/);
  assert.match(r.stdout, /✖ Default authentication policy.*missing: Exchange\.Manage \(Office 365 Exchange Online, delegated\)/);
  assert.match(r.stdout, /13 of 15 reads work/);
  const ascii = await runCli(["access", "--ascii", "--json", "--client-id", em.fixture.clientId], { env: em.env() });
  const parsed = JSON.parse(ascii.stdout) as { user: string; reads: { id: string; status: string; missing?: string[] }[] };
  assert.equal(parsed.user, "admin@contoso.com", "without --user, the signed-in person");
  assert.equal(parsed.reads.find((x) => x.id === "graph.signIns")?.status, "denied");
});

test("PowerShell route: fake pwsh gets the token on stdin only, allowlisted cmdlets only, one process", async () => {
  const bin = mkdtempSync(join(tmpdir(), "sad-pwsh-"));
  const root = fileURLToPath(new URL("../..", import.meta.url));
  const tsx = import.meta.resolve("tsx");
  writeFileSync(join(bin, "pwsh"), `#!/bin/sh\nexec "${process.execPath}" --import "${tsx}" "${root}test/emulators/fake-pwsh.ts" "$@"\n`);
  chmodSync(join(bin, "pwsh"), 0o755);
  const fixturePath = join(bin, "fixture.json");
  const logPath = join(bin, "log.jsonl");
  writeFileSync(fixturePath, JSON.stringify(em.fixture));
  const env = { ...em.env(), PATH: `${bin}:${process.env.PATH ?? ""}`, FAKE_PWSH_FIXTURE: fixturePath, FAKE_PWSH_LOG: logPath };
  const out = outFile();
  const r = await runCli(["collect", "--exchange", "pwsh", "--user", "mfp@contoso.com", "--from", "scans@contoso.com", "--client-id", em.fixture.clientId, "--out", out], { env });
  assert.equal(r.code, 0, r.stderr);
  const c = CaseSchema.parse(JSON.parse(readFileSync(out, "utf8")));
  assert.equal(c.account?.smtpClientAuthenticationDisabled, false);
  assert.deepEqual(c.tenant?.defaultAuthenticationPolicy, { name: "Block Basic", allowBasicAuthSmtp: false });
  assert.equal(c.account?.sendAs, true);
  assert.match(c.sources?.["tenant.smtpClientAuthenticationDisabled"]?.endpoint ?? "", /^pwsh ExchangeOnlineManagement Get-TransportConfig$/);
  assert.equal(em.log.filter((l) => l.service === "exchange").length, 0, "REST was not used");
  const runs = readFileSync(logPath, "utf8").trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
  assert.equal(runs.length, 1, "all cmdlets in one PowerShell session");
  const run = runs[0]!;
  assert.deepEqual(run.argvShape, ["-NoProfile", "-NonInteractive", "-Command"]);
  assert.equal(run.scriptConnectsWithToken, true);
  assert.equal(run.tokenInArgv, false);
  assert.equal(run.tokenInEnv, false);
  assert.equal(run.audience, "https://outlook.office365.com");
  assert.equal(run.upn, "admin@contoso.com");
  assert.deepEqual([...(run.cmdlets as string[])].sort(), ["Get-AuthenticationPolicy", "Get-CASMailbox", "Get-Mailbox", "Get-OrganizationConfig", "Get-RecipientPermission", "Get-TransportConfig", "Get-User"]);
  assertNoSecrets(r);
  assertFileHasNoSecrets(out);

  // Connect-ExchangeOnline failing: the Exchange facts stay unknown, Graph still answers
  const failed = await runCli(["collect", "--exchange", "pwsh", "--user", "mfp@contoso.com", "--client-id", em.fixture.clientId, "--out", "-"], { env: { ...env, FAKE_PWSH_CONNECT_FAIL: "The role assigned to application isn't supported in this scenario." } });
  assert.equal(failed.code, 0, failed.stderr);
  const partial = CaseSchema.parse(JSON.parse(failed.stdout));
  assert.equal(partial.tenant?.smtpClientAuthenticationDisabled, undefined);
  assert.equal(partial.tenant?.securityDefaultsEnabled, false);
  assert.match(failed.stderr, /✖ Organization SMTP AUTH and legacy TLS \(Get-TransportConfig\) — failed: Connect-ExchangeOnline failed/);
});

test("diagnose --live: the device's case file plus the live facts, one verdict with live provenance, no secret", async () => {
  const caseFile = join(dir, "device.json");
  writeFileSync(
    caseFile,
    JSON.stringify({
      schema: "smtp-auth-doctor/case@1",
      asOf: "2026-11-22",
      device: { host: "smtp.office365.com", port: 587, security: "starttls", tlsVersion: "1.2", auth: "basic", authMechanism: "LOGIN", username: "mfp@contoso.com", from: "scans@contoso.com" },
      tenant: { smtpClientAuthenticationDisabled: false },
      sources: { "tenant.smtpClientAuthenticationDisabled": { kind: "answer" } },
    }),
  );
  const r = await runCli(["diagnose", "--live", "--case", caseFile, "--user", "mfp@contoso.com", "--from", "scans@contoso.com", "--client-id", em.fixture.clientId, "--json"], { env: em.env() });
  assert.ok(r.code !== null && [0, 1, 3].includes(r.code), r.stderr);
  const o = JSON.parse(r.stdout) as { verdict: string; causes: { id: string; evidence: { kind: string; path?: string; source?: { kind: string } }[] }[]; unknowns: string[] };
  // The emulator's tenant has SMTP AUTH off organization-wide (the file's stale answer said on) and
  // the mailbox explicitly on: the live value replaced the answer, and the mailbox still wins.
  assert.ok(!o.causes.some((c) => c.id === "tenant-smtp-auth-disabled"), JSON.stringify(o.causes));
  assert.ok(!o.unknowns.includes("account.smtpClientAuthenticationDisabled"), "the live read answered the mailbox switch");
  const liveEvidence = o.causes.flatMap((c) => c.evidence).filter((e) => e.kind === "fact" && e.source?.kind === "live");
  assert.ok(liveEvidence.length > 0 || o.causes.length === 0 || o.causes.every((c) => c.id === "basic-auth-retired"), "facts cited come with their live provenance");
  assert.match(r.stderr, /devicelogin/, "the device-code message is on stderr");
  assertNoSecrets(r);
});

test("diagnose --live: bad live flags are refused before any sign-in (exit 2)", async () => {
  em.log.length = 0;
  const r = await runCli(["diagnose", "--live", "--user", "not an address", "--client-id", em.fixture.clientId, "--json"], { env: em.env() });
  assert.equal(r.code, 2);
  assert.equal((JSON.parse(r.stdout) as { error: { type: string } }).error.type, "bad-input");
  assert.equal(em.log.filter((l) => l.service === "authority").length, 0, "no sign-in was attempted");
});
