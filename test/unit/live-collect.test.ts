// collectWith against the emulators: fact mapping, the three mailbox states, policies, licences,
// sign-ins without Entra ID P1, Send As, OAuth apps, the cmdlet allowlist, and parallel reads.
import assert from "node:assert/strict";
import { after, before, beforeEach, test } from "node:test";
import { CaseSchema } from "../../src/case/schema.js";
import { collectWith } from "../../src/live/collect.js";
import { PwshExchangeReader, RestExchangeReader, type CommandRunner } from "../../src/live/exchange.js";
import type { CmdletRequest } from "../../src/live/types.js";
import { isAppError } from "../../src/errors.js";
import { startEmulators, type Emulators } from "../emulators/index.js";
import { baseTenant, findUser } from "../emulators/tenant.js";
import { collectIn, EmulatorTokens, wire } from "../helpers/live.js";

let em: Emulators;
before(async () => {
  em = await startEmulators({ tls: false });
});
after(async () => em.close());
beforeEach(() => {
  em.faults.length = 0;
  em.log.length = 0;
  em.latencyMs = 0;
  Object.assign(em.fixture, baseTenant());
});

const mfp = () => findUser(em.fixture, "mfp@contoso.com")!;

test("a full collection maps every fact, with live provenance, into a valid case", async () => {
  const r = await collectIn(em, { user: "mfp@contoso.com", from: "scans@contoso.com" });
  const c = CaseSchema.parse(r.case);
  assert.equal(c.tenant?.smtpClientAuthenticationDisabled, true);
  assert.equal(c.tenant?.securityDefaultsEnabled, false);
  assert.equal(c.tenant?.oauth2ClientProfileEnabled, true);
  assert.deepEqual(c.tenant?.defaultAuthenticationPolicy, { name: "Block Basic", allowBasicAuthSmtp: false });
  assert.equal(c.tenant?.rejectDirectSend, false);
  assert.equal(c.tenant?.allowLegacyTlsClients, null);
  assert.equal(c.tenant?.entraIdP1, true);
  assert.equal(c.account?.smtpClientAuthenticationDisabled, false);
  assert.equal(c.account?.recipientTypeDetails, "UserMailbox");
  assert.equal(c.account?.exchangeLicensed, true);
  assert.equal(c.account?.accountEnabled, true);
  assert.equal(c.account?.perUserMfaState, "disabled");
  assert.equal(c.account?.authenticationPolicy, null);
  assert.equal(c.account?.legacyAuthBlockedByConditionalAccess, false);
  assert.equal(c.account?.sendAs, true);
  assert.deepEqual(c.account?.signIns?.map((s) => s.errorCode), [0, 50126], "newest first");
  const src = c.sources?.["account.smtpClientAuthenticationDisabled"];
  assert.equal(src?.kind, "live");
  assert.match(src?.endpoint ?? "", /InvokeCommand Get-CASMailbox$/);
  assert.ok(!Number.isNaN(Date.parse(src?.at ?? "")));
  assert.match(c.sources?.["tenant.securityDefaultsEnabled"]?.endpoint ?? "", /^GET http.*identitySecurityDefaultsEnforcementPolicy$/);
  assert.equal(c.sources?.["account.recipientTypeDetails"]?.endpoint?.endsWith("Get-Mailbox"), true, "Exchange wins over the Graph fallback");
  for (const r2 of r.reads) assert.notEqual(r2.status, "failed", `${r2.id}: ${r2.reason}`);
});

test("the mailbox switch has three states, and a missing property is not null", async () => {
  for (const [value, expected] of [
    [true, true],
    [false, false],
    [null, null],
  ] as const) {
    mfp().smtpClientAuthenticationDisabled = value;
    const r = await collectIn(em, { user: "mfp@contoso.com" }, { only: ["exchange.casMailbox"] });
    assert.equal(r.case.account?.smtpClientAuthenticationDisabled, expected, `value ${String(value)}`);
    assert.ok(r.case.account && "smtpClientAuthenticationDisabled" in r.case.account, "null is a real value, kept in the case");
  }
  mfp().smtpClientAuthenticationDisabled = "absent";
  const r = await collectIn(em, { user: "mfp@contoso.com" }, { only: ["exchange.casMailbox"] });
  assert.equal(r.case.account?.smtpClientAuthenticationDisabled, undefined);
  assert.equal(r.reads[0]?.status, "skipped");
  assert.equal(r.reads[0]?.reasonKey, "live.reason.propertyMissing");
});

test("authentication policies: user-assigned resolved by name, no org default → null, unknown name → failed", async () => {
  mfp().authenticationPolicy = "Allow SMTP Basic";
  em.fixture.organizationConfig = { ...em.fixture.organizationConfig, DefaultAuthenticationPolicy: null };
  let r = await collectIn(em, { user: "mfp@contoso.com" }, { only: ["exchange.userPolicy", "exchange.organizationConfig"] });
  assert.deepEqual(r.case.account?.authenticationPolicy, { name: "Allow SMTP Basic", allowBasicAuthSmtp: true });
  assert.equal(r.case.tenant?.defaultAuthenticationPolicy, null);
  assert.equal(em.log.filter((l) => l.what === "Get-AuthenticationPolicy").length, 1, "policies are read once and shared");
  mfp().authenticationPolicy = "Gone Policy";
  r = await collectIn(em, { user: "mfp@contoso.com" }, { only: ["exchange.userPolicy"] });
  assert.equal(r.reads[0]?.status, "failed");
  assert.equal(r.case.account?.authenticationPolicy, undefined);
});

test("licences: only a provisioned Exchange plan counts (FOUNDATION does not)", async () => {
  mfp().servicePlans = [{ servicePlanName: "EXCHANGE_S_FOUNDATION", provisioningStatus: "Success" }, { servicePlanName: "EXCHANGE_S_STANDARD", provisioningStatus: "PendingActivation" }];
  const r = await collectIn(em, { user: "mfp@contoso.com" }, { only: ["graph.licenses"] });
  assert.equal(r.case.account?.exchangeLicensed, false);
});

test("no mailbox: Get-Mailbox not found → None; Graph mailboxSettings fills the type only when Exchange cannot", async () => {
  Object.assign(mfp(), { hasMailbox: false, mailboxPurpose: undefined, recipientTypeDetails: "User" });
  let r = await collectIn(em, { user: "mfp@contoso.com" }, { only: ["exchange.mailbox", "exchange.casMailbox", "graph.mailboxSettings"] });
  assert.equal(r.case.account?.recipientTypeDetails, "None");
  assert.equal(r.reads.find((x) => x.id === "exchange.casMailbox")?.reasonKey, "live.reason.notFound");
  Object.assign(em.fixture, baseTenant());
  mfp().mailboxPurpose = "shared";
  em.faults.push({ service: "exchange", match: /Get-Mailbox/, kind: "403", times: Infinity });
  r = await collectIn(em, { user: "mfp@contoso.com" }, { only: ["exchange.mailbox", "graph.mailboxSettings"] });
  assert.equal(r.case.account?.recipientTypeDetails, "SharedMailbox");
  assert.match(r.case.sources?.["account.recipientTypeDetails"]?.endpoint ?? "", /mailboxSettings/);
});

test("sign-ins on a tenant without Entra ID P1: the fact says so and the read names the licence", async () => {
  em.fixture.premium = false;
  const r = await collectIn(em, { user: "mfp@contoso.com" }, { only: ["graph.signIns"] });
  assert.equal(r.case.tenant?.entraIdP1, false);
  assert.equal(r.case.account?.signIns, undefined);
  assert.equal(r.reads[0]?.status, "denied");
  assert.deepEqual(r.reads[0]?.missing, ["Entra ID P1"]);
  assert.equal(r.reads[0]?.reasonKey, "live.reason.noPremium");
});

test("Send As: granted, not granted, same address, no --from", async () => {
  let r = await collectIn(em, { user: "mfp@contoso.com", from: "other@contoso.com" }, { only: ["exchange.sendAs"] });
  assert.equal(r.case.account?.sendAs, false);
  r = await collectIn(em, { user: "mfp@contoso.com", from: "MFP@contoso.com" }, { only: ["exchange.sendAs"] });
  assert.equal(r.reads[0]?.status, "skipped");
  assert.equal(r.case.account?.sendAs, undefined);
  r = await collectIn(em, { user: "mfp@contoso.com" }, { only: ["exchange.sendAs"] });
  assert.equal(r.reads[0]?.reasonKey, "live.reason.needsFrom");
});

test("OAuth app: service principal registered and FullAccess on the mailbox (across pages)", async () => {
  const appId = "12345678-1234-1234-1234-123456789abc";
  em.fixture.pageSize = 1;
  em.fixture.servicePrincipals = [
    { AppId: "99999999-1234-1234-1234-123456789abc", ObjectId: "o-other", Identity: "o-other", DisplayName: "Other" },
    { AppId: appId, ObjectId: "o-mfp-app", Identity: "o-mfp-app", DisplayName: "MFP app" },
  ];
  let r = await collectIn(em, { user: "mfp@contoso.com", oauthAppId: appId }, { only: ["exchange.oauthApp"] });
  assert.deepEqual(r.case.account?.oauthApp, { servicePrincipalRegistered: true, mailboxPermission: false });
  mfp().mailboxPermissions.push({ User: "o-mfp-app", AccessRights: ["FullAccess"], Deny: false });
  r = await collectIn(em, { user: "mfp@contoso.com", oauthAppId: appId }, { only: ["exchange.oauthApp"] });
  assert.deepEqual(r.case.account?.oauthApp, { servicePrincipalRegistered: true, mailboxPermission: true });
  assert.ok(em.log.filter((l) => l.what === "Get-ServicePrincipal").length >= 2, "paged");
});

test("the allowlist: anything but the listed Get-* cmdlets is refused before any request or process", async () => {
  const { client } = wire(em);
  const rest = new RestExchangeReader(client, em.exchangeUrl, { flow: "app", tenantId: em.fixture.tenantId });
  let runs = 0;
  const runner: CommandRunner = async () => {
    runs++;
    return { exitCode: 0, stdout: "", stderr: "", notFound: false, timedOut: false };
  };
  const pwsh = new PwshExchangeReader({ tokens: new EmulatorTokens(em), signedIn: { flow: "app", tenantId: em.fixture.tenantId }, organization: "contoso.onmicrosoft.com", run: runner });
  const bad: CmdletRequest[] = [
    { cmdlet: "Set-TransportConfig", parameters: { SmtpClientAuthenticationDisabled: "False" } },
    { cmdlet: "Remove-Mailbox", parameters: { Identity: "mfp@contoso.com" } },
    { cmdlet: "Get-Recipient" },
    { cmdlet: "get-transportconfig; Remove-Mailbox x" },
    { cmdlet: "Get-CASMailbox", parameters: { Identity: "mfp@contoso.com'; Set-User x" } },
    { cmdlet: "Get-CASMailbox", parameters: { Identity: "a@b.c\nRemove-Mailbox" } },
  ];
  for (const req of bad) {
    for (const reader of [rest, pwsh]) {
      await assert.rejects(async () => reader.invoke(req), (e: unknown) => isAppError(e) && e.code === "live.cmdlet-refused", `${reader.route} ${req.cmdlet}`);
    }
  }
  await new Promise((r) => setImmediate(r));
  assert.equal(em.log.length, 0, "no request reached Exchange");
  assert.equal(runs, 0, "no PowerShell process was started");
});

test("reads run in parallel: wall time is far below the sum of request latencies", async () => {
  em.latencyMs = 150;
  const t0 = performance.now();
  const r = await collectIn(em, { user: "mfp@contoso.com", from: "scans@contoso.com" });
  const wall = performance.now() - t0;
  const sum = em.log.reduce((s, l) => s + (l.end - l.start), 0);
  assert.ok(r.reads.every((x) => x.status !== "failed"));
  assert.ok(em.log.length >= 15, `${em.log.length} requests`);
  assert.ok(wall < sum / 3, `wall ${Math.round(wall)} ms vs sum ${Math.round(sum)} ms`);
});

test("collectWith reports progress for each read as it finishes", async () => {
  const seen: string[] = [];
  const { deps } = wire(em);
  const r = await collectWith({ ...deps, onRead: (x) => seen.push(x.id) }, { user: "mfp@contoso.com" });
  assert.deepEqual([...seen].sort(), r.reads.map((x) => x.id).sort());
});

test("a failed read names the facts it leaves unknown (what the wizard asks for instead)", async () => {
  em.faults.push({ service: "exchange", match: /Get-TransportConfig/, kind: "500", times: Infinity });
  const r = await collectIn(em, { user: "mfp@contoso.com" });
  const t = r.reads.find((x) => x.id === "exchange.transportConfig");
  assert.equal(t?.status, "failed");
  assert.deepEqual(t?.facts, []);
  assert.deepEqual(t?.covers, ["tenant.smtpClientAuthenticationDisabled", "tenant.allowLegacyTlsClients"]);
  for (const x of r.reads) for (const f of x.facts) assert.ok(x.covers.includes(f), `${x.id} set ${f} outside what it covers`);
});

test("Conditional Access by role: decided when roles are readable, left open (naming the policy) when not", async () => {
  em.fixture.caPolicies = [
    { id: "r", displayName: "MFA for readers", state: "enabled", conditions: { clientAppTypes: ["all"], applications: { includeApplications: ["All"] }, users: { includeRoles: ["f2ef992c-3afb-46b9-b7cf-a126ee74c451"] } }, grantControls: { builtInControls: ["mfa"] } },
  ];
  let r = await collectIn(em, { user: "admin@contoso.com" }, { only: ["graph.conditionalAccess"] });
  assert.equal(r.case.account?.legacyAuthBlockedByConditionalAccess, true);
  em.fixture.limitedRoles = true;
  r = await collectIn(em, { user: "admin@contoso.com" }, { only: ["graph.conditionalAccess"] });
  assert.equal(r.case.account?.legacyAuthBlockedByConditionalAccess, undefined);
  assert.equal(r.reads[0]?.reasonKey, "live.reason.caConditional");
  assert.equal(r.reads[0]?.reasonParams?.policies, "MFA for readers");
  r = await collectIn(em, { user: "mfp@contoso.com" }, { only: ["graph.conditionalAccess"] });
  assert.equal(r.case.account?.legacyAuthBlockedByConditionalAccess, false, "no roles at all: nothing uncertain");
});

test("OAuth consent: SMTP.SendAsApp app role or a delegated SMTP.Send grant on Exchange Online; no service principal → false", async () => {
  const appId = "12345678-1234-1234-1234-123456789abc";
  let r = await collectIn(em, { user: "mfp@contoso.com", oauthAppId: appId }, { only: ["graph.oauthConsent"] });
  assert.equal(r.case.account?.oauthApp?.permissionConsented, false, "never consented: no service principal in the tenant");
  em.fixture.enterpriseApps = [{ appId, id: "sp-mfp", appRoleAssignments: [{ resourceId: "sp-exo-0001", appRoleId: "role-full-access" }], grants: [{ resourceId: "sp-graph", scope: "SMTP.Send" }] }];
  r = await collectIn(em, { user: "mfp@contoso.com", oauthAppId: appId }, { only: ["graph.oauthConsent"] });
  assert.equal(r.case.account?.oauthApp?.permissionConsented, false, "other roles, or SMTP.Send on another resource, do not count");
  em.fixture.enterpriseApps[0]!.appRoleAssignments.push({ resourceId: "sp-exo-0001", appRoleId: "role-smtp-sendasapp" });
  r = await collectIn(em, { user: "mfp@contoso.com", oauthAppId: appId }, { only: ["graph.oauthConsent"] });
  assert.equal(r.case.account?.oauthApp?.permissionConsented, true);
  em.fixture.enterpriseApps[0]!.appRoleAssignments = [];
  em.fixture.enterpriseApps[0]!.grants = [{ resourceId: "sp-exo-0001", scope: "offline_access SMTP.Send" }];
  r = await collectIn(em, { user: "mfp@contoso.com", oauthAppId: appId }, { only: ["graph.oauthConsent"] });
  assert.equal(r.case.account?.oauthApp?.permissionConsented, true);
  assert.equal(r.case.sources?.["account.oauthApp.permissionConsented"]?.kind, "live");
});
