// `audit --live`: the real CLI as a child process, the real msal-node and fetch, against the HTTPS
// emulators on 127.0.0.1. Get-CASMailbox and the sign-in log come in several pages; the written
// reports carry the three states, the effective state against the tenant and the sign-in accounts.
import assert from "node:assert/strict";
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, beforeEach, test } from "node:test";
import { startEmulators, type Emulators } from "../emulators/index.js";
import { baseTenant, type FixtureUser, type TenantFixture } from "../emulators/tenant.js";
import { testPki } from "../emulators/tls.js";
import { runCli, type CliResult } from "../helpers/run-cli.js";
import { runMain } from "../helpers/run-main.js";

let em: Emulators;
let dir: string;
before(async () => {
  em = await startEmulators({ tls: true });
  dir = mkdtempSync(join(tmpdir(), "sad-audit-live-"));
});
after(async () => em.close());

function mailboxUser(upn: string, setting: boolean | null, extra: Partial<FixtureUser> = {}): FixtureUser {
  return {
    id: `u-${upn}`,
    upn,
    accountEnabled: true,
    userType: "Member",
    perUserMfa: "disabled",
    servicePlans: [{ servicePlanName: "EXCHANGE_S_STANDARD", provisioningStatus: "Success" }],
    mailboxPurpose: "user",
    hasMailbox: true,
    recipientTypeDetails: "UserMailbox",
    smtpClientAuthenticationDisabled: setting,
    authenticationPolicy: null,
    groups: [],
    roles: [],
    mailboxPermissions: [],
    ...extra,
  };
}

const ok = (at: string, ip: string) => ({ createdDateTime: at, ipAddress: ip, conditionalAccessStatus: "notApplied", status: { errorCode: 0, failureReason: "Other." } });
const bad = (at: string, ip: string) => ({ createdDateTime: at, ipAddress: ip, conditionalAccessStatus: "notApplied", status: { errorCode: 50126, failureReason: "Invalid username or password." } });

/**
 * Seven mailboxes (pages of two): mfp and legacy False, scanner and room True, admin, app1 and
 * shared blank (follow the organization). Sign-ins: mfp 2, scanner 3, app1 1 in the window, legacy
 * one before it (2026-10-01, outside the default 30 days before 2026-11-22).
 */
function auditTenant(): TenantFixture {
  const f = baseTenant();
  f.appCertPem = testPki().appCertPem;
  f.users.push(
    mailboxUser("scanner@contoso.com", true, { displayName: "複合機 3F, 総務部" }),
    mailboxUser("app1@contoso.com", null, { authenticationPolicy: "Allow SMTP Basic" }),
    mailboxUser("shared@contoso.com", null, { recipientTypeDetails: "SharedMailbox" }),
    mailboxUser("legacy@contoso.com", false),
    mailboxUser("room@contoso.com", true, { recipientTypeDetails: "RoomMailbox" }),
  );
  f.signIns["scanner@contoso.com"] = [bad("2026-11-20T01:00:00Z", "198.51.100.20"), bad("2026-11-20T02:00:00Z", "198.51.100.20"), ok("2026-11-19T02:00:00Z", "198.51.100.21")];
  f.signIns["app1@contoso.com"] = [ok("2026-11-18T05:00:00Z", "192.0.2.50")];
  f.signIns["legacy@contoso.com"] = [ok("2026-10-01T05:00:00Z", "192.0.2.60")];
  return f;
}

beforeEach(() => {
  em.faults.length = 0;
  em.log.length = 0;
  em.fixture.users = [];
  Object.assign(em.fixture, auditTenant());
});

let n = 0;
const outDir = () => join(dir, `out-${++n}`);
const SECRET_ENV = "SAD_TEST_CLIENT_SECRET";
const appArgs = () => ["--tenant", em.fixture.tenantId, "--client-id", em.fixture.clientId, "--client-secret-env", SECRET_ENV];
const appEnv = () => ({ ...em.env(), [SECRET_ENV]: em.fixture.clientSecret });

function assertNoSecrets(r: CliResult, files: string[] = []): void {
  const secrets = [...em.issued, em.fixture.clientSecret];
  const texts = [r.stdout, r.stderr, ...files.map((f) => readFileSync(f, "utf8"))];
  for (const text of texts) {
    for (const s of secrets) assert.ok(!text.includes(s), "a secret or token reached the output or a file");
    assert.doesNotMatch(text, /eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/, "no JWT-looking text");
    assert.doesNotMatch(text, /-----BEGIN/);
  }
  assert.doesNotMatch(r.stderr, /NON-LOOPBACK-FETCH/, "nothing but the loopback emulators was contacted");
}

interface AuditJson {
  inputs: { file: string; kind: string; records: number }[];
  tenant: { smtpClientAuthenticationDisabled: boolean | null; defaultAuthenticationPolicy?: string | null };
  mailboxes: { total: number; disabled: number; enabled: number; followOrg: number; effectiveEnabled: number; effectiveDisabled: number; effectiveUnknown: number } | null;
  followingEnabledTenant: number;
  signIns: { provided: boolean; entraIdP1?: boolean; records: number; accounts: number; from?: string; to?: string };
  accounts: { upn: string; displayName?: string; setting?: boolean | null; effective: string; readiness: string; signIns?: { total: number; successes: number; failures: number; ips: { ip: string; count: number }[]; errorCodes: { code: number | null; count: number }[] } }[];
  plan: { count: number } | null;
}

const readJson = (d: string) => JSON.parse(readFileSync(join(d, "audit-report.json"), "utf8")) as AuditJson;

test("audit --live (client secret): every page of Get-CASMailbox and the sign-in log, the three states and the effective state, reports written", async () => {
  const out = outDir();
  const r = await runCli(["audit", "--live", ...appArgs(), "--out", out], { env: appEnv() });
  assert.equal(r.code, 0, r.stderr);

  // Paged: 7 mailboxes in pages of 2, 6 sign-ins in the window in pages of 2.
  const cas = em.log.filter((l) => l.service === "exchange" && l.what === "Get-CASMailbox");
  assert.equal(cas.length, 4, "Get-CASMailbox followed @odata.nextLink to the end");
  assert.ok(cas.every((l) => /"ResultSize":"Unlimited"/.test(l.raw) && !/"Identity"/.test(l.raw)), "the whole tenant, not one mailbox");
  const signInPages = em.log.filter((l) => l.service === "graph" && l.path === "/v1.0/auditLogs/signIns");
  assert.equal(signInPages.length, 3);
  const filter = new URL(`https://x${signInPages[0]!.raw.split(" ")[1]!.split("\n")[0]}`).searchParams.get("$filter");
  assert.equal(filter, "createdDateTime ge 2026-10-23T00:00:00Z and clientAppUsed eq 'Authenticated SMTP'");
  assert.ok(em.log.every((l) => l.service !== "graph" || l.method === "GET"), "Graph: GET only");

  // Each read on stderr, like collect.
  for (const line of [
    /✔ Organization SMTP AUTH \(Get-TransportConfig\)/,
    /✔ SMTP AUTH of every mailbox \(Get-CASMailbox -ResultSize Unlimited\) \(records: 7\)/,
    /✔ Authenticated SMTP sign-ins \(Microsoft Graph\) \(records: 6\)/,
    /✔ Security defaults \(Microsoft Graph\)/,
    /✔ Authentication policies assigned to users \(Get-User -ResultSize Unlimited\)/,
  ])
    assert.match(r.stderr, line);

  const files = readdirSync(out).sort();
  assert.deepEqual(files, ["audit-accounts.csv", "audit-mailboxes.csv", "audit-report.json", "audit-report.md", "smtp-auth-enable-verify.ps1", "smtp-auth-enable.ps1", "smtp-auth-enable.txt"]);
  const j = readJson(out);
  assert.equal(j.tenant.smtpClientAuthenticationDisabled, true);
  assert.equal(j.tenant.defaultAuthenticationPolicy, "Block Basic");
  assert.deepEqual(j.mailboxes, { total: 7, disabled: 2, enabled: 2, followOrg: 3, effectiveEnabled: 2, effectiveDisabled: 5, effectiveUnknown: 0, duplicates: 0 });
  assert.equal(j.signIns.provided, true);
  assert.equal(j.signIns.entraIdP1, true);
  assert.equal(j.signIns.records, 6);
  assert.equal((j as unknown as { notRead?: unknown }).notRead, undefined, "every read answered");
  assert.deepEqual(j.accounts.map((a) => a.upn), ["app1@contoso.com", "mfp@contoso.com", "scanner@contoso.com"], "legacy's sign-in is before --since");
  const scanner = j.accounts.find((a) => a.upn === "scanner@contoso.com")!;
  assert.equal(scanner.displayName, "複合機 3F, 総務部");
  assert.equal(scanner.setting, true);
  assert.equal(scanner.effective, "disabled");
  assert.deepEqual([scanner.signIns?.total, scanner.signIns?.successes, scanner.signIns?.failures], [3, 1, 2]);
  assert.deepEqual(scanner.signIns?.ips, [{ ip: "198.51.100.20", count: 2 }, { ip: "198.51.100.21", count: 1 }]);
  assert.deepEqual(scanner.signIns?.errorCodes.map((e) => e.code), [50126, 0]);
  const app1 = j.accounts.find((a) => a.upn === "app1@contoso.com")!;
  assert.equal(app1.setting, null, "blank stays blank: follows the organization");
  assert.equal(app1.effective, "disabled", "…which has SMTP AUTH off");
  assert.equal(j.accounts.find((a) => a.upn === "mfp@contoso.com")?.effective, "enabled");

  const mailboxesCsv = readFileSync(join(out, "audit-mailboxes.csv"), "utf8");
  assert.equal(mailboxesCsv.trim().split("\r\n").length, 8, "one row per mailbox");
  assert.match(mailboxesCsv, /"shared@contoso\.com","","","disabled","False"/);
  assert.match(mailboxesCsv, /"legacy@contoso\.com","","False","enabled","False"/);
  const md = readFileSync(join(out, "audit-report.md"), "utf8");
  assert.match(md, /Exchange Online: Get-CASMailbox -ResultSize Unlimited/);
  assert.match(r.stdout, /Organization-wide SMTP AUTH|SMTP AUTH/);
  assertNoSecrets(r, files.map((f) => join(out, f)));
});

test("a tenant with SMTP AUTH on: blank mailboxes count as enabled (the $false-only mistake is shown); Japanese", async () => {
  em.fixture.transportConfig = { ...em.fixture.transportConfig, SmtpClientAuthenticationDisabled: false };
  const out = outDir();
  const r = await runCli(["audit", "--live", "--lang", "ja", ...appArgs(), "--since", "2026-09-01", "--out", out], { env: appEnv() });
  assert.equal(r.code, 0, r.stderr);
  const j = readJson(out);
  assert.deepEqual([j.mailboxes?.effectiveEnabled, j.mailboxes?.effectiveDisabled, j.followingEnabledTenant], [5, 2, 3]);
  assert.deepEqual(j.accounts.map((a) => a.upn), ["app1@contoso.com", "legacy@contoso.com", "mfp@contoso.com", "scanner@contoso.com"], "--since reaches back to legacy's sign-in");
  assert.match(r.stderr, /✔ すべてのメールボックスの SMTP AUTH \(Get-CASMailbox -ResultSize Unlimited\)/);
  assert.match(r.stderr, /✔ 認証済み SMTP のサインイン \(Microsoft Graph\)/);
  const md = readFileSync(join(out, "audit-report.md"), "utf8");
  assert.match(md, /複合機 3F, 総務部/);
  assert.match(r.stdout, /監査/);
  assertNoSecrets(r, readdirSync(out).map((f) => join(out, f)));
});

test("no Entra ID P1: the report says so and the mailboxes are still audited; device code in Japanese", async () => {
  em.fixture.premium = false;
  const out = outDir();
  const r = await runCli(["audit", "--live", "--lang", "ja", "--client-id", em.fixture.clientId, "--out", out], { env: em.env() });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /ブラウザーで https:\/\/microsoft\.com\/devicelogin を開き、コード EMU4ABCD を入力してください/);
  assert.match(r.stderr, /✖ 認証済み SMTP のサインイン \(Microsoft Graph\) — 許可されていません。不足: Entra ID P1 サインイン ログの API には Entra ID P1 または P2 が必要ですが、このテナントにはありません。/);
  const j = readJson(out);
  assert.equal(j.signIns.provided, false);
  assert.equal(j.signIns.entraIdP1, false);
  assert.equal(j.mailboxes?.total, 7);
  const md = readFileSync(join(out, "audit-report.md"), "utf8");
  assert.match(md, /テナントに Entra ID P1 がないため、サインイン ログの API を使えません/);
  assert.match(md, /テナントから読み取れなかったもの[^\n]*\n\n- 認証済み SMTP のサインイン \(Microsoft Graph\) — 許可されていません。不足: Entra ID P1 サインイン ログの API には Entra ID P1 または P2 が必要です/);
  assert.ok(em.log.some((l) => l.service === "exchange" && /x-anchormailbox: UPN:admin@contoso\.com/i.test(l.raw)), "delegated: the signed-in person anchors Exchange");
  assertNoSecrets(r, readdirSync(out).map((f) => join(out, f)));
});

test("a 403 on the sign-in log names the permission; 429 with Retry-After on a Get-CASMailbox page is waited out", async () => {
  em.faults.push({ service: "graph", match: /auditLogs\/signIns/, kind: "403" });
  em.faults.push({ service: "exchange", match: /^Get-CASMailbox$/, kind: "429", retryAfter: "1" });
  const out = outDir();
  const r = await runCli(["audit", "--live", ...appArgs(), "--out", out], { env: appEnv() });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /✖ Authenticated SMTP sign-ins \(Microsoft Graph\) — not allowed; missing: AuditLog\.Read\.All \(Microsoft Graph, application\)/);
  const cas = em.log.filter((l) => l.service === "exchange" && l.what === "Get-CASMailbox");
  assert.deepEqual(cas.map((l) => l.status), [429, 200, 200, 200, 200]);
  assert.ok(cas[1]!.start - cas[0]!.end >= 900, `Retry-After honoured (${Math.round(cas[1]!.start - cas[0]!.end)} ms)`);
  const j = readJson(out);
  assert.equal(j.mailboxes?.total, 7, "every page after the retry");
  assert.equal(j.signIns.provided, false);
  assert.equal(j.signIns.entraIdP1, undefined, "a permission problem says nothing about the licence");
  assert.deepEqual((j as unknown as { notRead: { read: string; status: string; missing: string[] }[] }).notRead.map((x) => [x.read, x.status]), [["signIns", "denied"]]);
  const md = readFileSync(join(out, "audit-report.md"), "utf8");
  assert.match(md, /Not read from the tenant \(that part of the audit is missing\):\n\n- Authenticated SMTP sign-ins \(Microsoft Graph\) — not allowed; missing: AuditLog\.Read\.All/);
  assert.match(r.stdout, /Not read from the tenant/);
  assertNoSecrets(r, readdirSync(out).map((f) => join(out, f)));
});

test("a Get-CASMailbox page failing half-way: exit 4, nothing written", async () => {
  // Faults are taken in order: the first Get-CASMailbox request passes (a "slow" fault without delay),
  // every later one gets HTTP 500 (not retried).
  em.faults.push({ service: "exchange", match: /^Get-CASMailbox$/, kind: "slow", delayMs: 0 });
  em.faults.push({ service: "exchange", match: /^Get-CASMailbox$/, kind: "500", times: Infinity });
  const out = outDir();
  const r = await runCli(["audit", "--live", ...appArgs(), "--out", out], { env: appEnv() });
  assert.equal(r.code, 4, r.stderr);
  assert.match(r.stderr, /Exchange Online: Get-CASMailbox -ResultSize Unlimited stopped after 2 records \(HTTP 500/);
  assert.equal(existsSync(out), false, "no folder, no file");
  assertNoSecrets(r);
});

test("bad flags exit 2 before any sign-in; a failed sign-in exits 4 with the translated message and writes nothing", async () => {
  const cases: string[][] = [
    ["audit", "--live", "--client-id", "not-a-guid"],
    ["audit", "--live", "--mailboxes", "m.csv", "--client-id", em.fixture.clientId],
    ["audit", "--live", "--user", "mfp@contoso.com", "--client-id", em.fixture.clientId],
    ["audit", "--live", "--client-id", em.fixture.clientId, "--since", "2026-12-01"],
    ["audit", "--live", "--client-id", em.fixture.clientId, "--since", "yesterday"],
    ["audit", "--live", "--client-id", em.fixture.clientId, "--exchange", "ews"],
    ["audit", "--live", "--client-id", em.fixture.clientId, "--client-secret-env", "UNSET_SECRET_VAR"],
    ["audit", "--client-id", em.fixture.clientId, "--mailboxes", "m.csv"],
    ["audit", "--live"],
  ];
  for (const args of cases) {
    // In-process (fast): the same main() as the binary; the emulators' log proves nothing was contacted.
    const r = await runMain([...args, "--json"], { env: em.env() });
    assert.equal(r.code, 2, `${args.join(" ")}: ${r.stderr}${r.stdout}`);
    assert.equal((JSON.parse(r.stdout) as { error: { type: string } }).error.type, "bad-input");
  }
  const ja = await runCli(["audit", "--live", "--lang", "ja", "--user", "mfp@contoso.com", "--client-id", em.fixture.clientId], { env: em.env() });
  assert.equal(ja.code, 2);
  assert.match(ja.stderr, /--user は監査では使いません/);
  assert.equal(em.log.length, 0, "nothing was asked of the authority, Graph or Exchange");

  const out = outDir();
  const wrongSecret = await runCli(["audit", "--live", ...appArgs(), "--out", out], { env: { ...em.env(), [SECRET_ENV]: "not-the-secret" } });
  assert.equal(wrongSecret.code, 4, wrongSecret.stderr);
  assert.match(wrongSecret.stderr, /AADSTS7000215/);
  assert.doesNotMatch(wrongSecret.stderr, /not-the-secret/);
  assert.equal(existsSync(out), false);
});

test("--exchange pwsh: the same audit through PowerShell (one process, allowlisted cmdlets)", async () => {
  const bin = mkdtempSync(join(tmpdir(), "sad-audit-pwsh-"));
  const root = fileURLToPath(new URL("../..", import.meta.url));
  writeFileSync(join(bin, "pwsh"), `#!/bin/sh\nexec "${process.execPath}" --import "${import.meta.resolve("tsx")}" "${root}test/emulators/fake-pwsh.ts" "$@"\n`);
  chmodSync(join(bin, "pwsh"), 0o755);
  const fixturePath = join(bin, "fixture.json");
  const logPath = join(bin, "log.jsonl");
  writeFileSync(fixturePath, JSON.stringify(em.fixture));
  const out = outDir();
  const r = await runCli(["audit", "--live", "--exchange", "pwsh", "--client-id", em.fixture.clientId, "--out", out], {
    env: { ...em.env(), PATH: `${bin}:${process.env.PATH ?? ""}`, FAKE_PWSH_FIXTURE: fixturePath, FAKE_PWSH_LOG: logPath },
  });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(em.log.filter((l) => l.service === "exchange").length, 0, "REST was not used");
  const runs = readFileSync(logPath, "utf8").trim().split("\n").map((l) => JSON.parse(l) as { cmdlets: string[]; tokenInArgv: boolean; tokenInEnv: boolean });
  assert.equal(runs.length, 1);
  assert.deepEqual([...runs[0]!.cmdlets].sort(), ["Get-AuthenticationPolicy", "Get-CASMailbox", "Get-OrganizationConfig", "Get-TransportConfig", "Get-User"]);
  assert.equal(runs[0]!.tokenInArgv || runs[0]!.tokenInEnv, false);
  const j = readJson(out);
  assert.deepEqual([j.mailboxes?.disabled, j.mailboxes?.enabled, j.mailboxes?.followOrg], [2, 2, 3]);
  assertNoSecrets(r, readdirSync(out).map((f) => join(out, f)));
});

test("on a terminal: a progress line with the running counts on stderr, cleared before each read's line", async () => {
  // `script` gives the CLI a real pseudo-terminal; its output is the terminal's.
  const root = fileURLToPath(new URL("../..", import.meta.url));
  const out = outDir();
  const cli = [process.execPath, "--import", "tsx", "--import", `${root}test/helpers/loopback-only.mjs`, `${root}src/cli/bin.ts`, "audit", "--live", ...appArgs(), "--out", out];
  const quoted = cli.map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
  const { spawn } = await import("node:child_process");
  const child = spawn("script", ["-qefc", quoted, "/dev/null"], { cwd: root, env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: "C", SMTP_AUTH_DOCTOR_TODAY: "2026-11-22", ...appEnv() }, stdio: ["ignore", "pipe", "pipe"] });
  let screen = "";
  child.stdout.on("data", (d: Buffer) => (screen += d.toString("utf8")));
  const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  clearTimeout(timer);
  assert.equal(code, 0, screen);
  assert.match(screen, /\rReading the tenant: \d+ mailboxes, \d+ sign-ins \[[█░]+\] \d+%/);
  assert.ok(screen.includes("\r\u001b[2K✔ "), "the progress line is cleared before a read's line");
  assert.ok(existsSync(join(out, "audit-report.json")));
  assertNoSecrets({ code, stdout: screen, stderr: "" });
});

test("--timeout: a tenant that answers ever slower is stopped at the deadline, the progress said meanwhile, the partial state in the message, exit 4, nothing written", async () => {
  // The first Get-CASMailbox page answers; every later one never does (each request alone is within its own timeout).
  em.faults.push({ service: "exchange", match: /^Get-CASMailbox$/, kind: "slow", delayMs: 0 });
  em.faults.push({ service: "exchange", match: /^Get-CASMailbox$/, kind: "stall", times: Infinity });
  const out = outDir();
  const started = Date.now();
  const r = await runCli(["audit", "--live", ...appArgs(), "--timeout", "3", "--out", out], { env: appEnv() });
  const took = Date.now() - started;
  assert.equal(r.code, 4, r.stderr);
  assert.ok(took < 20_000, `stopped at the deadline, not at a request timeout (${took} ms)`);
  assert.match(r.stderr, /Still reading the tenant \(\d+ s\): 2 mailboxes, \d+ sign-ins so far; \d of 6 reads finished\./, "a line off a terminal while it waits");
  assert.match(r.stderr, /audit --live stopped after 3 s \(--timeout\) before every read had finished\. Partial results, not used: Organization SMTP AUTH \(Get-TransportConfig\): complete; SMTP AUTH of every mailbox \(Get-CASMailbox -ResultSize Unlimited\): INCOMPLETE, 2 records so far;/);
  assert.equal(existsSync(out), false, "nothing written");
  assertNoSecrets(r);

  const ja = await runCli(["audit", "--live", "--lang", "ja", ...appArgs(), "--timeout", "0.5", "--json"], { env: appEnv() });
  assert.equal(ja.code, 4);
  const e = JSON.parse(ja.stdout) as { error: { code: string; message: string } };
  assert.equal(e.error.code, "audit.live-timeout");
  assert.match(e.error.message, /1 秒 \(--timeout\) が経過したため、audit --live を停止しました。途中までの結果 \(使用していません\): .*Get-CASMailbox -ResultSize Unlimited\): 応答なし/);

  for (const args of [["audit", "--live", ...appArgs(), "--timeout", "never"], ["audit", "--mailboxes", "m.csv", "--timeout", "5"]]) {
    const bad = await runMain([...args, "--json"], { env: appEnv() });
    assert.equal(bad.code, 2, bad.stdout);
  }
});
