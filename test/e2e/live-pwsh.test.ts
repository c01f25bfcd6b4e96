// The PowerShell sign-in route (`--via pwsh`, issue 16): the real CLI as a child process, a fake
// `pwsh` / `powershell.exe` on PATH that checks the exact script it is given and plays the
// ExchangeOnlineManagement and Microsoft Graph PowerShell modules against the HTTPS emulators
// (device-code sign-in under Microsoft's public client ids, Graph GETs, Exchange cmdlets).
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, beforeEach, test } from "node:test";
import { FACT_PATHS, getFact } from "../../src/case/facts.js";
import { CaseSchema, type Case } from "../../src/case/schema.js";
import { PWSH_READ_SCRIPT } from "../../src/live/pwsh-script.js";
import { FIRST_PARTY_PUBLIC_CLIENTS, startEmulators, type Emulators } from "../emulators/index.js";
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

const facts = (c: Case) => Object.fromEntries(FACT_PATHS.map((p) => [p, getFact(c, p)]).filter(([, v]) => v !== undefined));

test("every fact the REST route reads, read through PowerShell's own sign-in: no client id, no token in this process, the exact script checked", async () => {
  // All fifteen reads: the device's own OAuth app too (registered in Exchange, consented in Graph).
  const appId = "cccccccc-1111-2222-3333-444444444444";
  em.fixture.servicePrincipals = [{ AppId: appId, ObjectId: "sp-obj-1", Identity: "sp-obj-1", DisplayName: "Scanner app" }];
  em.fixture.users[0]!.mailboxPermissions.push({ User: "sp-obj-1", AccessRights: ["FullAccess"], Deny: false });
  em.fixture.enterpriseApps = [{ appId, id: "sp-graph-1", appRoleAssignments: [{ resourceId: "sp-exo-0001", appRoleId: "role-smtp-sendasapp" }], grants: [] }];
  const TARGET = ["--user", "mfp@contoso.com", "--from", "scans@contoso.com", "--oauth-app-id", appId];
  const restOut = outFile();
  const rest = await runCli(["collect", ...TARGET, "--client-id", em.fixture.clientId, "--out", restOut], { env: em.env() });
  assert.equal(rest.code, 0, rest.stderr);
  em.log.length = 0;

  const out = outFile();
  const r = await ps(["collect", ...PS, ...TARGET, "--out", out]);
  assert.equal(r.code, 0, r.stderr);
  const viaRest = CaseSchema.parse(JSON.parse(readFileSync(restOut, "utf8")));
  const viaPs = CaseSchema.parse(JSON.parse(readFileSync(out, "utf8")));
  assert.deepEqual(facts(viaPs), facts(viaRest), "the same facts with the same values");
  assert.deepEqual(viaPs.account?.signIns, viaRest.account?.signIns);
  assert.ok(Object.keys(facts(viaPs)).length >= 18);
  assert.equal(viaPs.account?.oauthApp?.servicePrincipalRegistered, true);
  assert.equal(viaPs.account?.oauthApp?.mailboxPermission, true);
  assert.equal(viaPs.account?.oauthApp?.permissionConsented, true);
  for (const [path, src] of Object.entries(viaPs.sources ?? {})) if (!path.startsWith("device.")) assert.equal(src.kind, "live", path);
  assert.match(viaPs.sources?.["account.smtpClientAuthenticationDisabled"]?.endpoint ?? "", /^PowerShell ExchangeOnlineManagement Get-CASMailbox$/);

  // The sign-in messages as they come, in order, on stderr; nothing on stdout but the result line.
  assert.match(r.stderr, /Exchange Online PowerShell: to sign in, open https:\/\/microsoft\.com\/devicelogin in a browser and enter the code EMU4ABCD[^\n]*\nMicrosoft Graph PowerShell: to sign in, open https:\/\/microsoft\.com\/devicelogin/);
  assert.match(r.stdout, /^Wrote .*case-\d+\.json: \d+ facts from 15 reads\.\n$/);
  // The modules signed in with Microsoft's own public clients; our app registration appears nowhere.
  const grants = em.log.filter((l) => l.service === "authority" && l.path.endsWith("/devicecode")).map((l) => new URLSearchParams(l.raw.split("\n\n")[1]).get("client_id"));
  assert.deepEqual(grants, FIRST_PARTY_PUBLIC_CLIENTS);
  assert.ok(!em.log.some((l) => l.raw.includes(em.fixture.clientId)), "no request named our app");
  assert.ok(em.log.filter((l) => l.service === "graph").every((l) => l.method === "GET"), "Graph: GET only");

  const log = r.log();
  const start = log.find((e) => e.event === "start")!;
  assert.deepEqual(start.argvShape, ["-NoLogo", "-NoProfile", "-NonInteractive", "-EncodedCommand", "<script>"]);
  assert.equal(start.scriptSha256, createHash("sha256").update(PWSH_READ_SCRIPT).digest("hex"), "exactly the checked script ran");
  assert.deepEqual(start.problems, []);
  const requests = log.filter((e) => e.event === "request");
  const connects = requests.filter((e) => e.op === "connect");
  assert.deepEqual(connects.map((e) => [e.service, e.device]), [["exchange", true], ["graph", true]]);
  assert.deepEqual(connects[1]!.scopes, ["Application.Read.All", "AuditLog.Read.All", "MailboxSettings.Read", "Policy.Read.All", "RoleManagement.Read.Directory", "User.Read.All"], "the read scopes setup lists");
  const cmdlets = [...new Set(requests.filter((e) => e.op === "cmdlet").map((e) => e.cmdlet as string))].sort();
  assert.deepEqual(cmdlets, ["Get-AuthenticationPolicy", "Get-CASMailbox", "Get-Mailbox", "Get-MailboxPermission", "Get-OrganizationConfig", "Get-RecipientPermission", "Get-ServicePrincipal", "Get-TransportConfig", "Get-User"]);
  for (const e of requests) for (const s of em.issued) assert.ok(!String(e.line).includes(s), "no token was written to PowerShell");
  assert.ok(requests.filter((e) => e.op === "graph").every((e) => String(e.uri).startsWith(em.graphUrl)), "Graph requests only to the Graph host");
  assertClean(r);

  // diagnose --live with the same route: one verdict from the same facts.
  const d1 = await runCli(["diagnose", "--live", ...TARGET, "--client-id", em.fixture.clientId, "--json"], { env: em.env() });
  const d2 = await ps(["diagnose", "--live", ...PS, ...TARGET, "--json"]);
  assert.equal(d2.code, d1.code, d2.stderr);
  const v1 = JSON.parse(d1.stdout) as { verdict: string; causes: { id: string }[] };
  const v2 = JSON.parse(d2.stdout) as { verdict: string; causes: { id: string }[] };
  assert.equal(v2.verdict, v1.verdict);
  assert.deepEqual(v2.causes.map((c) => c.id), v1.causes.map((c) => c.id));
});

test("Windows PowerShell 5.1 when there is no pwsh; pwsh without the modules gives way to it; Exchange signs in in the browser there", async () => {
  const only51 = await ps(["collect", ...PS, ...TARGET, "--out", "-"], { shells: ["powershell.exe"] });
  assert.equal(only51.code, 0, only51.stderr);
  assert.match(only51.stderr, /Exchange Online PowerShell: a browser window opens for the sign-in; finish it there/);
  assert.match(only51.stderr, /Microsoft Graph PowerShell: to sign in, open https:\/\/microsoft\.com\/devicelogin/);
  const connects = only51.log().filter((e) => e.op === "connect");
  assert.deepEqual(connects.map((e) => [e.name, e.service, e.device]), [["powershell.exe", "exchange", false], ["powershell.exe", "graph", true]]);
  assert.equal(CaseSchema.parse(JSON.parse(only51.stdout)).tenant?.smtpClientAuthenticationDisabled, true);

  const both = await ps(["collect", ...PS, ...TARGET, "--out", "-"], { shells: ["pwsh", "powershell.exe"], env: { FAKE_PS_MODE_PWSH: "no-graph" } });
  assert.equal(both.code, 0, both.stderr);
  assert.deepEqual([...new Set(both.log().filter((e) => e.event === "start").map((e) => e.name))], ["pwsh", "powershell.exe"]);
  assert.ok(both.log().filter((e) => e.op === "connect").every((e) => e.name === "powershell.exe"));
  assertClean(both);
});

test("flags: --via pwsh never takes an app registration; audit --live --via pwsh reads the tenant through PowerShell", async () => {
  for (const args of [
    ["collect", "--via", "pwsh", "--client-id", em.fixture.clientId, ...TARGET, "--out", "-"],
    ["collect", "--via", "pwsh", "--exchange", "rest", ...TARGET, "--out", "-"],
    ["collect", "--via", "ps", ...TARGET, "--out", "-"],
    ["collect", "--sign-in", "browser", "--client-id", em.fixture.clientId, ...TARGET, "--out", "-"],
    ["collect", "--via", "pwsh", "--sign-in", "phone", ...TARGET, "--out", "-"],
  ]) {
    const r = await ps([...args, "--json"]);
    assert.equal(r.code, 2, `${args.join(" ")}: ${r.stdout}`);
    assert.equal(r.log().length, 0, "PowerShell was not started");
  }
  const noWay = await runCli(["collect", ...TARGET, "--out", "-"], { env: em.env() });
  assert.equal(noWay.code, 2);
  assert.match(noWay.stderr, /add --via pwsh/);

  const out = join(dir, "audit-pwsh");
  const audit = await ps(["audit", "--live", ...PS, "--out", out]);
  assert.equal(audit.code, 0, audit.stderr);
  const j = JSON.parse(readFileSync(join(out, "audit-report.json"), "utf8")) as { mailboxes: { total: number }; signIns: { provided: boolean } };
  assert.equal(j.mailboxes.total, 2);
  assert.equal(j.signIns.provided, true);
  assert.equal(em.log.filter((l) => l.service === "exchange").every((l) => /x-anchormailbox: UPN:admin@contoso\.com/i.test(l.raw)), true);
  assertClean(audit);
});
