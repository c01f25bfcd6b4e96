// The real FetchHttpClient and readers against the emulators (plain HTTP in-process): retries,
// Retry-After, the 401 re-acquire, 403, timeouts, truncated and malformed answers, paging.
import assert from "node:assert/strict";
import { after, before, beforeEach, test } from "node:test";
import { collectWith } from "../../src/live/collect.js";
import { GraphReader } from "../../src/live/graph.js";
import { retryAfterMs } from "../../src/live/http.js";
import { ReadError } from "../../src/live/types.js";
import { startEmulators, type Emulators } from "../emulators/index.js";
import { baseTenant } from "../emulators/tenant.js";
import { wire } from "../helpers/live.js";

let em: Emulators;
before(async () => {
  em = await startEmulators({ tls: false });
});
after(async () => em.close());
beforeEach(() => {
  em.faults.length = 0;
  em.log.length = 0;
  Object.assign(em.fixture, baseTenant());
});

const SD = /identitySecurityDefaultsEnforcementPolicy/;

async function rejection(p: Promise<unknown>): Promise<ReadError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof ReadError, `expected a ReadError, got ${String(e)}`);
    return e;
  }
  assert.fail("expected the request to fail");
}

test("429 with Retry-After is retried after the time asked for", async () => {
  em.faults.push({ service: "graph", match: SD, kind: "429", retryAfter: "1" });
  const { client } = wire(em);
  const t0 = performance.now();
  assert.equal(await new GraphReader(client, em.graphUrl).securityDefaultsEnabled(), false);
  const elapsed = performance.now() - t0;
  assert.ok(elapsed >= 950, `waited ${elapsed} ms`);
  assert.deepEqual(em.log.filter((l) => SD.test(l.path)).map((l) => l.status), [429, 200]);
});

test("503 is retried; the number of retries is bounded", async () => {
  em.faults.push({ service: "graph", match: SD, kind: "503", retryAfter: "0", times: 2 });
  const { client } = wire(em, { maxRetries: 3 });
  assert.equal(await new GraphReader(client, em.graphUrl).securityDefaultsEnabled(), false);
  em.log.length = 0;
  em.faults.push({ service: "graph", match: SD, kind: "503", retryAfter: "0", times: Infinity });
  const e = await rejection(new GraphReader(client, em.graphUrl).securityDefaultsEnabled());
  assert.equal(e.kind, "failed");
  assert.match(e.reason, /503 after 3 retries/);
  assert.equal(em.log.length, 4);
});

test("a Retry-After beyond the total wait budget fails at once instead of hanging", async () => {
  em.faults.push({ service: "graph", match: SD, kind: "429", retryAfter: "3600" });
  const { client } = wire(em, { maxRetryWaitMs: 30_000 });
  const t0 = performance.now();
  const e = await rejection(new GraphReader(client, em.graphUrl).securityDefaultsEnabled());
  assert.ok(performance.now() - t0 < 2000);
  assert.match(e.reason, /wait 3600 s/);
  assert.equal(retryAfterMs("Wed, 21 Oct 2015 07:28:00 GMT", Date.parse("Wed, 21 Oct 2015 07:27:00 GMT")), 60_000);
  assert.equal(retryAfterMs("soon"), undefined);
});

test("500 is not retried and is reported with the server's code", async () => {
  em.faults.push({ service: "graph", match: SD, kind: "500", times: Infinity });
  const { client } = wire(em);
  const e = await rejection(new GraphReader(client, em.graphUrl).securityDefaultsEnabled());
  assert.equal(e.kind, "failed");
  assert.match(e.reason, /HTTP 500 \(InternalServerError/);
  assert.equal(em.log.length, 1);
});

test("401 (expired token) triggers exactly one silent re-acquire, then succeeds", async () => {
  em.faults.push({ service: "graph", match: SD, kind: "expired-token" });
  const { client, tokens } = wire(em);
  assert.equal(await new GraphReader(client, em.graphUrl).securityDefaultsEnabled(), false);
  assert.deepEqual(tokens.calls, [{ resource: "graph", forceRefresh: false }, { resource: "graph", forceRefresh: true }]);
  em.faults.push({ service: "graph", match: SD, kind: "expired-token", times: Infinity });
  const e = await rejection(new GraphReader(client, em.graphUrl).securityDefaultsEnabled());
  assert.match(e.reason, /401/);
  assert.equal(tokens.calls.filter((c) => c.forceRefresh).length, 2, "one re-acquire per request, not a loop");
});

test("a slow answer times out; a truncated or malformed one fails without crashing", async () => {
  em.faults.push({ service: "graph", match: SD, kind: "slow", delayMs: 1500 });
  const slow = await rejection(new GraphReader(wire(em, { timeoutMs: 300 }).client, em.graphUrl).securityDefaultsEnabled());
  assert.match(slow.reason, /timed out/);
  em.faults.push({ service: "graph", match: /conditionalAccess/, kind: "truncated" });
  const cut = await rejection(new GraphReader(wire(em).client, em.graphUrl).conditionalAccessPolicies());
  assert.match(cut.reason, /cut off|not valid JSON/);
  em.faults.push({ service: "exchange", match: /Get-TransportConfig/, kind: "malformed" });
  const { deps } = wire(em);
  const r = await collectWith({ ...deps, only: ["exchange.transportConfig"] }, { user: "mfp@contoso.com" });
  assert.equal(r.reads[0]?.status, "failed");
  assert.match(r.reads[0]?.reason ?? "", /not valid JSON/);
  assert.equal(r.case.tenant?.smtpClientAuthenticationDisabled, undefined);
});

test("403 makes only that fact unknown and names the missing permission", async () => {
  em.faults.push({ service: "graph", match: /conditionalAccess/, kind: "403", times: Infinity });
  const { deps } = wire(em);
  const r = await collectWith(deps, { user: "mfp@contoso.com" });
  const ca = r.reads.find((x) => x.id === "graph.conditionalAccess");
  assert.equal(ca?.status, "denied");
  assert.ok(ca?.missing?.some((m) => m.startsWith("Policy.Read.All (Microsoft Graph, application)")), JSON.stringify(ca?.missing));
  assert.equal(r.case.account?.legacyAuthBlockedByConditionalAccess, undefined);
  assert.equal(r.case.tenant?.securityDefaultsEnabled, false, "other facts still read");
  em.faults.length = 0;
  em.faults.push({ service: "exchange", match: /Get-CASMailbox/, kind: "403", times: Infinity });
  const r2 = await collectWith({ ...deps, signedIn: { ...deps.signedIn, flow: "delegated", username: "admin@contoso.com" }, only: ["exchange.casMailbox"] }, { user: "mfp@contoso.com" });
  assert.equal(r2.reads[0]?.status, "denied");
  assert.match((r2.reads[0]?.missing ?? []).join(";"), /Exchange\.Manage \(Office 365 Exchange Online, delegated\)/);
});

test("paging: every page of CA policies and memberships is read; nextLink to another host is refused", async () => {
  em.fixture.pageSize = 1;
  em.fixture.caPolicies = [
    { id: "a", displayName: "MFA for admins", state: "enabled", conditions: { clientAppTypes: ["all"], applications: { includeApplications: ["All"] }, users: { includeRoles: ["62e90394-69f5-4237-9190-012177145e10"] } }, grantControls: { builtInControls: ["mfa"] } },
    { id: "b", displayName: "Report-only legacy block", state: "enabledForReportingButNotEnforced", conditions: { clientAppTypes: ["other"], applications: { includeApplications: ["All"] }, users: { includeUsers: ["All"] } }, grantControls: { builtInControls: ["block"] } },
    { id: "c", displayName: "Block legacy for devices", state: "enabled", conditions: { clientAppTypes: ["exchangeActiveSync", "other"], applications: { includeApplications: ["Office365"] }, users: { includeGroups: ["g-all-devices"] } }, grantControls: { builtInControls: ["block"] } },
  ];
  const { deps } = wire(em);
  const r = await collectWith({ ...deps, only: ["graph.conditionalAccess"] }, { user: "mfp@contoso.com" });
  assert.equal(r.case.account?.legacyAuthBlockedByConditionalAccess, true, "the third page holds the policy, reached through a nested group");
  assert.equal(em.log.filter((l) => l.path.endsWith("/conditionalAccess/policies")).length, 3);
  assert.equal(em.log.filter((l) => l.path.endsWith("/transitiveMemberOf")).length, 2);
  assert.equal(r.reads[0]?.reasonParams?.policies, "Block legacy for devices");

  const { client } = wire(em);
  const evil = { request: async () => ({ status: 200, json: { value: [], "@odata.nextLink": "https://evil.example/steal" } }) };
  const e = await rejection(new GraphReader(evil, em.graphUrl).getAll("/v1.0/x"));
  assert.match(e.reason, /another host/);
  void client;
});
