// Generated large exports: the audit's counts equal what the generator wrote (correctness only; the
// speed and memory targets are measured by bench/audit.ts, never here).
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { offlineSource, runAudit } from "../../../src/audit/index.js";
import type { InputKind } from "../../../src/audit/inputs.js";
import { NO_PROGRESS } from "../../../src/audit/progress.js";
import { mailboxAddress, mailboxSetting, writeMailboxesCsv, writeMailboxesJsonUtf16, writeSignInsCsv, writeSignInsGraphJson } from "../../helpers/audit-data.js";

const dir = mkdtempSync(join(tmpdir(), "audit-large-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const ALL: InputKind[] = ["mailboxes", "transport", "signins", "smtp-report"];
const src = (...paths: string[]) => offlineSource(paths.map((path) => ({ path, option: "--input", expected: ALL })));

test("100,000 mailboxes and 60,000 sign-ins (portal CSV) plus 30,000 (Graph pages): exact counts, accounts and plans", async () => {
  const mb = join(dir, "mailboxes.csv");
  const exp = await writeMailboxesCsv(mb, 100_000);
  const csv = join(dir, "signins.csv");
  const e1 = await writeSignInsCsv(csv, 60_000, 300);
  const json = join(dir, "signins.json");
  const e2 = await writeSignInsGraphJson(json, 30_000, 300);
  const run = await runAudit(src(mb, csv, json), { asOf: "2026-11-22", tenantDisabled: false, change: "disable-unused" }, NO_PROGRESS);
  const r = run.result;
  assert.deepEqual(
    [r.mailboxes?.total, r.mailboxes?.disabled, r.mailboxes?.enabled, r.mailboxes?.followOrg],
    [exp.total, exp.disabled, exp.enabled, exp.followOrg],
  );
  assert.equal(r.mailboxes?.effectiveEnabled, exp.enabled + exp.followOrg);
  assert.equal(r.followingEnabledTenant, exp.followOrg);
  assert.equal(r.signIns.records, e1.smtpRecords + e2.smtpRecords);
  assert.equal(r.signIns.otherClientApps, e1.records - e1.smtpRecords);
  assert.equal(r.accounts.length, 300);
  const failures = r.accounts.reduce((n, a) => n + (a.signIns?.failures ?? 0), 0);
  assert.equal(failures, e1.failures + e2.failures);
  assert.ok(r.accounts.every((a) => a.readiness === "breaks-at-change" || a.readiness === "blocked-now"));
  // disable-unused: every effectively-on mailbox except the 300 devices seen.
  const plan = run.plan;
  assert.ok(plan);
  let expected = 0;
  for (let i = 0; i < exp.total; i++) if (mailboxSetting(i) !== "True") expected++;
  const identities = [...plan.listIdentities()];
  assert.equal(plan.count, identities.length);
  assert.equal(identities.length, expected - 300);
  assert.ok(!identities.includes(mailboxAddress(0)), "a device seen in sign-ins is not disabled");
  assert.ok(identities.includes(mailboxAddress(1)));
  assert.ok(!identities.includes(mailboxAddress(7)), "explicitly off already");
});

test("100,000 mailboxes from ConvertTo-Json in UTF-16LE: exact counts", async () => {
  const f = join(dir, "mailboxes.json");
  const exp = writeMailboxesJsonUtf16(f, 100_000);
  const run = await runAudit(src(f), { asOf: "2026-11-22" }, NO_PROGRESS);
  const m = run.result.mailboxes;
  assert.deepEqual([m?.total, m?.disabled, m?.enabled, m?.followOrg, m?.effectiveUnknown], [exp.total, exp.disabled, exp.enabled, exp.followOrg, exp.followOrg]);
  assert.equal(run.result.inputs[0]?.encoding, "utf-16le");
});
