// The PowerShell sign-in route (`--via pwsh`, issue 16), its faults: PowerShell or a module missing
// or too old, a failing cmdlet, a declined sign-in, a 403, malformed and huge output, hangs. The real
// CLI as a child process with the fake `pwsh` / `powershell.exe` (test/emulators/fake-powershell.ts)
// against the HTTPS emulators. (Split from live-pwsh.test.ts to keep each file within the runner's limit.)
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, beforeEach, test } from "node:test";
import { CaseSchema } from "../../src/case/schema.js";
import { startEmulators, type Emulators } from "../emulators/index.js";
import { baseTenant } from "../emulators/tenant.js";
import { fakeShells } from "../helpers/fake-shells.js";
import { runCli, type CliResult } from "../helpers/run-cli.js";

let em: Emulators;
let dir: string;
before(async () => {
  em = await startEmulators({ tls: true });
  dir = mkdtempSync(join(tmpdir(), "sad-pwsh-e2e-"));
});
after(async () => em.close());
beforeEach(() => {
  em.faults.length = 0;
  em.log.length = 0;
  Object.assign(em.fixture, baseTenant());
});

let n = 0;
const outFile = () => join(dir, `case-${++n}.json`);
const TARGET = ["--user", "mfp@contoso.com", "--from", "scans@contoso.com"];
const PS = ["--via", "pwsh", "--sign-in", "device-code"];

function ps(args: string[], opts: { shells?: ("pwsh" | "powershell.exe")[]; mode?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult & { log: () => Record<string, unknown>[] }> {
  const shells = fakeShells(opts.shells ?? ["pwsh"]);
  return runCli(args, { env: { ...em.env(), PATH: shells.path, FAKE_PS_LOG: shells.log, SMTP_AUTH_DOCTOR_PWSH_TIMEOUT: "20", ...(opts.mode ? { FAKE_PS_MODE: opts.mode } : {}), ...opts.env } }).then((r) => ({
    ...r,
    log: () => (existsSync(shells.log) ? readFileSync(shells.log, "utf8").trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>) : []),
  }));
}

function assertClean(r: CliResult): void {
  for (const s of em.issued) assert.ok(!r.stdout.includes(s) && !r.stderr.includes(s), "no token in the output");
  assert.doesNotMatch(r.stdout + r.stderr, /eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/);
  assert.doesNotMatch(r.stderr, /NON-LOOPBACK-FETCH/);
  // eslint-disable-next-line no-control-regex
  assert.doesNotMatch(r.stdout + r.stderr, /[\u001b\u202e]/, "no control character from PowerShell reaches the terminal");
  assert.doesNotMatch(r.stderr, /at .*\.(ts|js):\d+/, "no stack trace");
}


test("what is missing is said with the install command, in the user's language: exit 4, nothing written, nothing asked of the tenant", async () => {
  const cases: { shells: ("pwsh" | "powershell.exe")[]; mode?: string; en: RegExp; ja: RegExp }[] = [
    { shells: [], en: /PowerShell was not found \(pwsh, or powershell\.exe on Windows\)\. Install PowerShell 7/, ja: /PowerShell が見つかりません/ },
    { shells: ["pwsh"], mode: "no-exchange", en: /pwsh 7\.4\.6 lacks what the PowerShell route needs: ExchangeOnlineManagement\. Install in PowerShell: Install-Module ExchangeOnlineManagement -Scope CurrentUser —/, ja: /Install-Module ExchangeOnlineManagement -Scope CurrentUser/ },
    { shells: ["powershell.exe"], mode: "old-graph,no-exchange", en: /powershell\.exe 5\.1\.22621\.4391 lacks what the PowerShell route needs: ExchangeOnlineManagement, Microsoft\.Graph\.Authentication 1\.28\.0 < 2\.0\.0\. Install in PowerShell: Install-Module ExchangeOnlineManagement -Scope CurrentUser; Install-Module Microsoft\.Graph\.Authentication -Scope CurrentUser -Force/, ja: /必要なものがありません: ExchangeOnlineManagement, Microsoft\.Graph\.Authentication 1\.28\.0 < 2\.0\.0/ },
    { shells: ["pwsh"], mode: "old-exchange", en: /ExchangeOnlineManagement 2\.0\.5 < 3\.0\.0\. Install in PowerShell: Install-Module ExchangeOnlineManagement -Scope CurrentUser -Force/, ja: /ExchangeOnlineManagement 2\.0\.5 < 3\.0\.0/ },
  ];
  for (const c of cases) {
    for (const lang of ["en", "ja"] as const) {
      const out = outFile();
      const r = await ps(["collect", "--lang", lang, ...PS, ...TARGET, "--out", out], { shells: c.shells, ...(c.mode ? { mode: c.mode } : {}) });
      assert.equal(r.code, 4, `${c.mode}: ${r.stderr}`);
      assert.match(r.stderr, lang === "en" ? c.en : c.ja);
      assert.equal(r.stderr.trim().split("\n").length, 1, "one line");
      assert.equal(existsSync(out), false);
      assert.equal(r.log().filter((e) => e.op === "connect").length, 0, "no sign-in started");
    }
  }
  assert.equal(em.log.length, 0, "nothing was asked of the authority, Graph or Exchange");
});

test("a failing cmdlet, a declined sign-in, a 403: only their facts stay unknown, with the reason", async () => {
  const failing = await ps(["collect", ...PS, ...TARGET, "--out", "-"], { mode: "fail:Get-OrganizationConfig" });
  assert.equal(failing.code, 0, failing.stderr);
  assert.match(failing.stderr, /✖ Default authentication policy, Direct Send, modern auth \(Get-OrganizationConfig\) — failed: \|Microsoft\.Exchange\.Management\.Tasks\.TaskException\|An internal error occurred in Get-OrganizationConfig\./);
  const c = CaseSchema.parse(JSON.parse(failing.stdout));
  assert.equal(c.tenant?.oauth2ClientProfileEnabled, undefined);
  assert.equal(c.tenant?.defaultAuthenticationPolicy, undefined);
  assert.equal(c.tenant?.smtpClientAuthenticationDisabled, true, "the other reads answered");
  assert.equal(c.account?.sendAs, true);

  const declined = await ps(["collect", ...PS, ...TARGET, "--out", "-"], { mode: "connect-fail:exchange" });
  assert.equal(declined.code, 0, declined.stderr);
  assert.match(declined.stderr, /✖ Organization SMTP AUTH and legacy TLS \(Get-TransportConfig\) — failed: Connect-ExchangeOnline failed: User canceled authentication\./);
  const d = CaseSchema.parse(JSON.parse(declined.stdout));
  assert.equal(d.tenant?.smtpClientAuthenticationDisabled, undefined);
  assert.equal(d.tenant?.securityDefaultsEnabled, false, "Graph still answered");

  em.faults.push({ service: "graph", match: /auditLogs/, kind: "403", times: Infinity });
  em.faults.push({ service: "exchange", match: /^Get-OrganizationConfig$/, kind: "403", times: Infinity });
  const denied = await ps(["access", ...PS, "--user", "mfp@contoso.com"]);
  assert.equal(denied.code, 0, denied.stderr);
  assert.match(denied.stdout, /signed in as admin@contoso\.com/);
  assert.match(denied.stdout, /✖ Recent Authenticated SMTP sign-ins \(Microsoft Graph\) — not allowed; missing: AuditLog\.Read\.All \(Microsoft Graph PowerShell, consented\); role Global Reader/);
  assert.match(denied.stdout, /✖ Default authentication policy.*missing: role Global Reader or View-Only Organization Management \(Exchange Online PowerShell\)/);

  const none = await ps(["collect", ...PS, ...TARGET, "--out", outFile()], { mode: "connect-fail:exchange,connect-fail:graph" });
  assert.equal(none.code, 4);
  assert.match(none.stderr, /PowerShell could not sign in to Exchange Online or Microsoft Graph \(Connect-ExchangeOnline: User canceled authentication\.; Connect-MgGraph: /);
  assertClean(none);
});

test("malformed and huge output, module talk with control characters: the read fails alone, nothing raw reaches the terminal", async () => {
  const malformed = await ps(["collect", ...PS, ...TARGET, "--out", "-"], { mode: "malformed:Get-TransportConfig,noise" });
  assert.equal(malformed.code, 0, malformed.stderr);
  assert.match(malformed.stderr, /✖ Organization SMTP AUTH and legacy TLS \(Get-TransportConfig\) — failed: PowerShell's answer to Get-TransportConfig could not be read \(malformed JSON\)/);
  const m = CaseSchema.parse(JSON.parse(malformed.stdout));
  assert.equal(m.tenant?.smtpClientAuthenticationDisabled, undefined);
  assert.equal(m.account?.smtpClientAuthenticationDisabled, false, "the next cmdlet was read");
  assertClean(malformed);

  const huge = await ps(["collect", ...PS, ...TARGET, "--out", "-"], { mode: "huge:Get-CASMailbox" });
  assert.equal(huge.code, 0, huge.stderr);
  assert.match(huge.stderr, /✖ Authenticated SMTP for the mailbox \(Get-CASMailbox\) — failed: PowerShell's answer to Get-CASMailbox is larger than 32 MB/);
  assert.equal(CaseSchema.parse(JSON.parse(huge.stdout)).account?.recipientTypeDetails, "UserMailbox");
});

test("a hang is bounded: at start, at sign-in, and in a cmdlet (the session is stopped, what came before is kept)", async () => {
  const start = await ps(["collect", ...PS, ...TARGET, "--out", outFile()], { mode: "hang-start", env: { SMTP_AUTH_DOCTOR_PWSH_TIMEOUT: "1.5" } });
  assert.equal(start.code, 4);
  assert.match(start.stderr, /pwsh did not start within 2 s/);

  const signIn = await ps(["collect", "--lang", "ja", ...PS, ...TARGET, "--out", outFile()], { mode: "hang-connect:exchange", env: { SMTP_AUTH_DOCTOR_SIGNIN_TIMEOUT: "1" } });
  assert.equal(signIn.code, 4);
  assert.match(signIn.stderr, /Exchange Online \(Connect-ExchangeOnline\) へのサインインが 1 分以内に完了しなかったため、PowerShell を停止しました/);

  // (The same time bounds the start, which must succeed here: 5 s, so that a loaded machine starting the stand-in slowly does not fail it.)
  const cmdlet = await ps(["collect", ...PS, ...TARGET, "--out", "-"], { mode: "hang:Get-CASMailbox", env: { SMTP_AUTH_DOCTOR_PWSH_TIMEOUT: "5" } });
  assert.equal(cmdlet.code, 0, cmdlet.stderr);
  assert.match(cmdlet.stderr, /✖ Authenticated SMTP for the mailbox \(Get-CASMailbox\) — failed: PowerShell gave no answer to Get-CASMailbox within 5 s; the PowerShell session was stopped \(timed out\)/);
  const c = CaseSchema.parse(JSON.parse(cmdlet.stdout));
  assert.equal(c.tenant?.smtpClientAuthenticationDisabled, true, "read before the hang, kept");
  assert.equal(c.account?.smtpClientAuthenticationDisabled, undefined);

  const exited = await ps(["collect", ...PS, ...TARGET, "--out", outFile()], { mode: "exit-start" });
  assert.equal(exited.code, 4);
  assert.match(exited.stderr, /pwsh ended before it could read anything\. Nothing was read\.\n {2}Import-Module: The specified module could not be loaded\./);
});
