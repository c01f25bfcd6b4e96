// The live AuditSource in-process against the plain-HTTP emulators: the real FetchHttpClient and
// paging; only the token provider is swapped. Pages go into the audit as they arrive.
import assert from "node:assert/strict";
import { after, before, beforeEach, test } from "node:test";
import { AuditCollector, runAudit } from "../../../src/audit/index.js";
import { liveAuditSource, signInsPath, type AuditReadResult } from "../../../src/audit/live-source.js";
import { NO_PROGRESS } from "../../../src/audit/progress.js";
import { isAppError } from "../../../src/errors.js";
import { startEmulators, type Emulators } from "../../emulators/index.js";
import { baseTenant, type FixtureUser } from "../../emulators/tenant.js";
import { wire } from "../../helpers/live.js";

let em: Emulators;
before(async () => {
  em = await startEmulators({ tls: false });
});
after(async () => em.close());

const user = (upn: string, setting: FixtureUser["smtpClientAuthenticationDisabled"], policy: string | null = null): FixtureUser => ({
  ...(baseTenant().users[0] as FixtureUser),
  id: `u-${upn}`,
  upn,
  smtpClientAuthenticationDisabled: setting,
  authenticationPolicy: policy,
});

beforeEach(() => {
  em.faults.length = 0;
  em.log.length = 0;
  Object.assign(em.fixture, baseTenant());
  em.fixture.users.push(user("a@contoso.com", true), user("b@contoso.com", null, "Allow SMTP Basic"), user("c@contoso.com", false), user("d@contoso.com", null), user("e@contoso.com", true));
  em.fixture.signIns["b@contoso.com"] = [{ createdDateTime: "2026-11-10T00:00:00Z", ipAddress: "192.0.2.1", conditionalAccessStatus: "notApplied", status: { errorCode: 0, failureReason: "Other." } }];
});

function source(extra: { onPage?: Parameters<typeof liveAuditSource>[0]["onPage"]; onRead?: (r: AuditReadResult) => void } = {}) {
  const { deps } = wire(em);
  return liveAuditSource({ signedIn: deps.signedIn, http: deps.http, graphBase: em.graphUrl, exchangeBase: em.exchangeUrl, since: new Date("2026-10-23T00:00:00Z"), ...extra });
}

test("each Get-CASMailbox page is in the audit before the next page is asked for", async () => {
  const seen: { mailboxes: number; at: number }[] = [];
  const src = source({ onPage: (counts) => seen.push({ mailboxes: counts.mailboxes, at: performance.now() }) });
  const run = await runAudit(src, { asOf: "2026-11-22" }, NO_PROGRESS);
  // The first time each count was reached (other reads' pages report too).
  const pages = seen.filter((s, i) => s.mailboxes > 0 && (i === 0 || s.mailboxes !== seen[i - 1]!.mailboxes));
  // 7 mailboxes in pages of 2.
  assert.deepEqual(pages.map((p) => p.mailboxes), [2, 4, 6, 7]);
  // The emulator runs in this process: its request times and ours share one clock.
  const requests = em.log.filter((l) => l.what === "Get-CASMailbox");
  assert.equal(requests.length, 4);
  pages.slice(0, -1).forEach((p, i) => assert.ok(p.at < requests[i + 1]!.start, `page ${i + 1} was in the audit before page ${i + 2} was requested`));
  assert.deepEqual([run.result.mailboxes?.disabled, run.result.mailboxes?.enabled, run.result.mailboxes?.followOrg], [2, 2, 3]);
  assert.deepEqual(src.reads.map((r) => `${r.id}:${r.status}`), ["transport:ok", "mailboxes:ok", "policies:ok", "users:ok", "securityDefaults:ok", "signIns:ok"]);
});

test("policies: the organization default, assignments from Get-User, and no policy of its own for everyone else listed", async () => {
  const run = await runAudit(source(), { asOf: "2026-11-22" }, NO_PROGRESS);
  const col = run.collector;
  assert.equal(col.orgDefaultPolicy, "Block Basic");
  assert.equal(col.policies.get("allow smtp basic"), true);
  assert.equal(col.userPolicyOf("b@contoso.com"), "Allow SMTP Basic");
  assert.equal(col.userPolicyOf("mfp@contoso.com"), null, "a sign-in account Get-User listed without a policy");
  assert.equal(run.result.signIns.entraIdP1, true);
  assert.ok(run.result.accounts.some((a) => a.upn === "b@contoso.com"));
});

test("a mailbox without the property on a later page: the read broke off half-way → unavailable, not partial counts", async () => {
  em.fixture.users.push(user("z@contoso.com", "absent"));
  await assert.rejects(runAudit(source(), { asOf: "2026-11-22" }, NO_PROGRESS), (e: unknown) => isAppError(e) && e.code === "audit.live-partial");
});

test("a read denied before it delivered anything is accounted for; the rest of the audit goes on", async () => {
  em.faults.push({ service: "exchange", match: /^Get-User$/, kind: "403" });
  const reads: AuditReadResult[] = [];
  const col = new AuditCollector();
  const src = source({ onRead: (r) => reads.push(r) });
  await src.feed(col, NO_PROGRESS);
  const users = reads.find((r) => r.id === "users");
  assert.equal(users?.status, "denied");
  assert.match(users?.missing?.join(" ") ?? "", /Exchange\.ManageAsApp/);
  assert.equal(col.mailboxCount, 7);
  assert.equal(col.hasUserPolicies, false, "no assignment guessed when Get-User was not read");
});

test("the sign-in filter: every Authenticated SMTP sign-in since the date, Graph's largest page", () => {
  const p = signInsPath(new Date("2026-10-23T00:00:00Z"), 1000);
  assert.equal(decodeURIComponent(p), "/v1.0/auditLogs/signIns?$filter=createdDateTime ge 2026-10-23T00:00:00Z and clientAppUsed eq 'Authenticated SMTP'&$top=1000");
});
