// The three mailbox states resolved against the tenant, readiness through the engine seam, and
// which identities each bulk change selects.
import assert from "node:assert/strict";
import { test } from "node:test";
import { analyze, effectiveState } from "../../../src/audit/analyze.js";
import { AuditCollector } from "../../../src/audit/collector.js";
import type { SignInRecord } from "../../../src/audit/inputs.js";
import { buildPlan, renderApplyScript, renderList, renderVerifyScript } from "../../../src/audit/plan.js";
import { assessAccount, buildCase, optionsFor } from "../../../src/audit/readiness.js";
import { objectRecordSink, readinessSummary, runAudit, type AuditSource } from "../../../src/audit/index.js";
import { NO_PROGRESS } from "../../../src/audit/progress.js";
import { CaseSchema, type Case } from "../../../src/case/schema.js";
import type { Diagnosis } from "../../../src/engine/types.js";

test("effective state: the mailbox value wins both ways; blank follows the tenant; unknown only without the tenant", () => {
  assert.equal(effectiveState(true, false), "disabled");
  assert.equal(effectiveState(false, true), "enabled");
  assert.equal(effectiveState(null, true), "disabled");
  assert.equal(effectiveState(null, false), "enabled");
  assert.equal(effectiveState(null, undefined), "unknown");
  assert.equal(effectiveState(true, undefined), "disabled");
  assert.equal(effectiveState(false, undefined), "enabled");
});

function tenantOf(tenant: boolean | undefined): AuditCollector {
  const col = new AuditCollector();
  if (tenant !== undefined) col.transport(tenant, 2);
  col.mailbox("on@contoso.com", false, 2);
  col.mailbox("off@contoso.com", true, 3);
  col.mailbox("follow1@contoso.com", null, 4);
  col.mailbox("follow2@contoso.com", null, 5);
  col.mailbox("FOLLOW1@contoso.com", null, 6); // duplicate, counted once
  return col;
}

test("counts: the three states as the documentation's queries give them, and the -eq $false mistake made visible", () => {
  const on = analyze(tenantOf(false), [], { asOf: "2026-11-22" });
  assert.deepEqual(on.mailboxes, { total: 4, disabled: 1, enabled: 1, followOrg: 2, effectiveEnabled: 3, effectiveDisabled: 1, effectiveUnknown: 0, duplicates: 1 });
  assert.equal(on.followingEnabledTenant, 2, "a filter on $false alone would miss these two");
  const off = analyze(tenantOf(true), [], { asOf: "2026-11-22" });
  assert.deepEqual([off.mailboxes?.effectiveEnabled, off.mailboxes?.effectiveDisabled, off.followingEnabledTenant], [1, 3, 0]);
  const unknown = analyze(tenantOf(undefined), [], { asOf: "2026-11-22" });
  assert.deepEqual([unknown.mailboxes?.effectiveEnabled, unknown.mailboxes?.effectiveDisabled, unknown.mailboxes?.effectiveUnknown], [1, 1, 2]);
});

const ok = (upn: string, at: string, code = 0): SignInRecord => ({ upn, at, errorCode: code, ip: "203.0.113.5" });

test("readiness: Basic users break at the change, a blocked mailbox is blocked now, an OAuth sender keeps working", () => {
  const col = tenantOf(true);
  col.mailbox("mfp@contoso.com", false, 7);
  col.signIn(ok("mfp@contoso.com", "2026-11-20T00:00:00Z"), 2);
  col.signIn(ok("off@contoso.com", "2026-11-20T00:00:00Z"), 3); // explicitly disabled mailbox still trying
  col.smtpReport({ sender: "app@contoso.com", messages: 10, protocol: "oauth" }, 2);
  col.mailbox("app@contoso.com", false, 8);
  const r = analyze(col, [], { asOf: "2026-11-22", securityDefaultsEnabled: false });
  const by = Object.fromEntries(r.accounts.map((a) => [a.upn, a]));
  assert.equal(by["mfp@contoso.com"]?.readiness, "breaks-at-change");
  assert.deepEqual(by["mfp@contoso.com"]?.breaksBecause, ["basic-auth-retired"]);
  assert.deepEqual(by["mfp@contoso.com"]?.options, ["oauth", "hve", "smtp-relay", "direct-send"], "the plan's options, safest first");
  assert.equal(by["off@contoso.com"]?.readiness, "blocked-now");
  assert.deepEqual(by["off@contoso.com"]?.blockingNow, ["mailbox-smtp-auth-disabled"]);
  assert.equal(by["off@contoso.com"]?.options[0], "enable-mailbox");
  assert.equal(by["app@contoso.com"]?.readiness, "keeps-working");
  assert.equal(by["app@contoso.com"]?.auth, "oauth");
  assert.deepEqual(r.readinessCounts, { "keeps-working": 1, "breaks-at-change": 1, "blocked-now": 1, undetermined: 0 });
  const s = readinessSummary({ result: r, plan: undefined, collector: col });
  assert.deepEqual(s.attention.map((a) => a.upn), ["off@contoso.com", "mfp@contoso.com"]);
  assert.equal(s.tenantSmtpAuth, "off");
});

test("readiness goes through one evaluate function: every case it builds is a valid case file, evaluated today and after the change", () => {
  const seen: Case[] = [];
  const fake = (c: Case): Diagnosis => {
    seen.push(c);
    return { verdict: c.asOf === "2027-01-01" ? "blocked" : "clear", asOf: c.asOf ?? "", causes: c.asOf === "2027-01-01" ? [{ id: "basic-auth-retired", status: "blocking", affects: "basic", evidence: [{ kind: "timeline", phase: "disabled-by-default", asOf: "2027-01-01" }] }] : [], unknowns: [], info: [], retirement: "before-change" };
  };
  const col = tenantOf(false);
  col.signIn({ ...ok("follow1@contoso.com", "2026-11-20T00:00:00Z", 50126), failureReason: "bad password", conditionalAccessStatus: "notApplied" }, 2);
  col.userPolicy("follow1@contoso.com", "Allow SMTP Basic", 2);
  col.authPolicy("Allow SMTP Basic", true, 2);
  col.orgConfig(null, 2);
  const r = analyze(col, [{ file: "/x/transport.json", kind: "transport", format: "json", encoding: "utf-8", records: 1 }], { asOf: "2026-11-22", evaluate: fake });
  assert.equal(seen.length, 2);
  assert.deepEqual(seen.map((c) => c.asOf), ["2026-11-22", "2027-01-01"]);
  for (const c of seen) assert.ok(CaseSchema.safeParse(c).success, JSON.stringify(c));
  const c = seen[0] as Case;
  assert.deepEqual(c.tenant, { smtpClientAuthenticationDisabled: false, defaultAuthenticationPolicy: null });
  assert.deepEqual(c.account?.authenticationPolicy, { name: "Allow SMTP Basic", allowBasicAuthSmtp: true });
  assert.equal(c.account?.smtpClientAuthenticationDisabled, null);
  assert.deepEqual(c.account?.signIns, [{ at: "2026-11-20T00:00:00Z", errorCode: 50126, failureReason: "bad password", ipAddress: "203.0.113.5", conditionalAccessStatus: "notApplied" }]);
  assert.equal(c.device?.auth, "basic");
  assert.deepEqual(c.sources?.["tenant.smtpClientAuthenticationDisabled"], { kind: "file", note: "transport.json" });
  assert.equal(r.accounts[0]?.readiness, "breaks-at-change");
});

test("buildCase leaves unknown facts absent (never guessed)", () => {
  const c = buildCase({ upn: "x@contoso.com", sources: {} }, "2026-11-22");
  assert.deepEqual(c, { schema: "smtp-auth-doctor/case@1", asOf: "2026-11-22", device: { username: "x@contoso.com" } });
  const r = assessAccount({ upn: "x@contoso.com", sources: {} }, "2026-11-22");
  assert.equal(r.readiness, "undetermined");
  assert.deepEqual(optionsFor([], "keeps-working"), ["none"]);
  assert.deepEqual(optionsFor(["basic-auth-retired", "account-locked"], "breaks-at-change", ["oauth", "hve"]), ["fix-account", "oauth", "hve"]);
  assert.deepEqual(optionsFor(["mailbox-smtp-auth-disabled"], "blocked-now", ["oauth"]), ["enable-mailbox"]);
});

test("bulk plan enable-used: the SMTP AUTH users not explicitly on; disable-unused: every effectively-on mailbox not seen, inheriting ones included", () => {
  const col = tenantOf(false);
  col.mailbox("mfp@contoso.com", null, 7);
  col.mailbox("bad\nname", false, 8);
  col.signIn(ok("mfp@contoso.com", "2026-11-20T00:00:00Z"), 2);
  col.signIn(ok("on@contoso.com", "2026-11-20T00:00:00Z"), 2);
  col.signIn(ok("ghost@contoso.com", "2026-11-20T00:00:00Z"), 2);
  const r = analyze(col, [], { asOf: "2026-11-22" });
  const enable = buildPlan("enable-used", col, r);
  assert.deepEqual([...enable.listIdentities()], ["mfp@contoso.com"]);
  assert.deepEqual(enable.notInExport, ["ghost@contoso.com"]);
  assert.equal(enable.value, false);
  const disable = buildPlan("disable-unused", col, r);
  assert.deepEqual([...disable.listIdentities()], ["follow1@contoso.com", "follow2@contoso.com"]);
  assert.deepEqual(disable.refused, ["bad\nname"]);
  assert.equal(disable.value, true);

  assert.equal(renderList(disable), "\uFEFFfollow1@contoso.com\r\nfollow2@contoso.com\r\n");
  const apply = renderApplyScript(disable, "ja", "2026-11-22");
  assert.match(apply, /Set-CASMailbox -Identity \$id -SmtpClientAuthenticationDisabled \$true -WhatIf:\(-not \$Apply\)/);
  assert.match(apply, /Join-Path \$PSScriptRoot 'smtp-auth-disable.txt'/);
  assert.match(apply, /Connect-ExchangeOnline/);
  assert.match(apply, /# {3}Get-Content 'smtp-auth-disable\.txt' \| foreach \{Set-CASMailbox -Identity \$_ -SmtpClientAuthenticationDisabled \$true -WhatIf\}/);
  assert.doesNotMatch(apply, /follow1@contoso\.com/, "identities stay in the text file");
  const verify = renderVerifyScript(disable, "en");
  assert.match(verify, /if \(\$m\.SmtpClientAuthenticationDisabled -ne \$true\)/);
  assert.match(verify, /exit 1/);
});

test("the live seam: an AuditSource pushing Exchange REST and Graph objects goes through the same extraction", async () => {
  const source: AuditSource = {
    async feed(events) {
      const transport = objectRecordSink("transport", "live: Get-TransportConfig", events);
      transport({ SmtpClientAuthenticationDisabled: false, AllowLegacyTLSClients: null }, 1);
      const mailboxes = objectRecordSink("mailboxes", "live: Get-CASMailbox", events);
      mailboxes({ PrimarySmtpAddress: "mfp@contoso.com", SmtpClientAuthenticationDisabled: null }, 1);
      mailboxes({ PrimarySmtpAddress: "ceo@contoso.com", SmtpClientAuthenticationDisabled: true }, 2);
      const signIns = objectRecordSink("signins", "live: auditLogs/signIns", events);
      signIns({ createdDateTime: "2026-11-20T00:00:00Z", userPrincipalName: "mfp@contoso.com", clientAppUsed: "Authenticated SMTP", ipAddress: "203.0.113.9", status: { errorCode: 0 } }, 1);
      return [
        { file: "live: Get-CASMailbox", kind: "mailboxes" as const, format: "json" as const, encoding: "utf-8" as const, records: 2 },
        { file: "live: auditLogs/signIns", kind: "signins" as const, format: "json" as const, encoding: "utf-8" as const, records: 1 },
      ];
    },
  };
  const run = await runAudit(source, { asOf: "2026-11-22", change: "enable-used" }, NO_PROGRESS);
  assert.deepEqual([run.result.mailboxes?.followOrg, run.result.mailboxes?.effectiveEnabled, run.result.followingEnabledTenant], [1, 1, 1]);
  assert.equal(run.result.accounts[0]?.upn, "mfp@contoso.com");
  assert.deepEqual([...(run.plan?.listIdentities() ?? [])], ["mfp@contoso.com"]);
});
