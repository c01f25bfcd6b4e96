import assert from "node:assert/strict";
import { test } from "node:test";
import { setFact } from "../../src/case/facts.js";
import { evaluate } from "../../src/engine/index.js";
import type { Case } from "../../src/case/schema.js";
import { calendar, nextCheckpoint, previousCheckpoint, UNANNOUNCED } from "../../src/whatif/calendar.js";
import { whatIf } from "../../src/whatif/index.js";
import { healthyBasic } from "../helpers/whatif-cases.js";

const ev = (c: Case) => evaluate(c, { today: "2026-11-22" });

test("calendar: a Basic-auth printer through the end of December 2026", () => {
  const view = calendar(healthyBasic(), ev, "2026-11-22", "2027-02-01");
  assert.deepEqual(
    view.steps.map((s) => [s.date, s.checkpoint ?? null, s.diagnosis.retirement]),
    [
      ["2026-11-22", null, "before-change"],
      ["2026-12-01", "flip-month", "change-imminent"],
      ["2027-01-01", "disabled-by-default", "disabled-by-default"],
      ["2027-02-01", null, "disabled-by-default"],
    ],
  );
  const [first, , jan] = view.steps;
  assert.equal(first?.diagnosis.verdict, "clear");
  // In January nobody knows yet whether an admin re-enabled Basic: the retirement becomes a possible cause.
  assert.deepEqual(jan?.diff?.changed, [{ id: "basic-auth-retired", before: "warning", after: "possible" }]);
  // …and whether the organization was created after December 2026 (Basic unavailable by default there).
  assert.deepEqual(jan?.diff?.unknownsAdded, ["tenant.basicAuthSmtpReenabled", "tenant.createdDate"]);
  assert.equal(jan?.diagnosis.verdict, "undetermined");
  assert.deepEqual(view.unannounced, UNANNOUNCED);
});

test("calendar: re-enabled or not decides January; OAuth is untouched by the dates", () => {
  const notReenabled = setFact(healthyBasic(), "tenant.basicAuthSmtpReenabled", false);
  const view = calendar(notReenabled, ev, "2026-11-22", "2027-01-01");
  assert.equal(view.steps.at(-1)?.diagnosis.verdict, "blocked");
  const oauth = setFact(setFact(setFact(setFact(healthyBasic(), "device.auth", "oauth"), "device.authMechanism", "XOAUTH2"), "device.oauthFlow", "delegated"), "account.oauthApp.permissionConsented", true);
  const v2 = calendar(oauth, ev, "2026-11-22", "2027-06-01");
  assert.ok(v2.steps.every((s) => s.diagnosis.verdict === "clear"));
  assert.ok(v2.steps.slice(1).every((s) => s.diff?.same === false ? s.diff.retirement.changed && s.diff.added.length === 0 : true));
});

test("calendar backwards and checkpoint stepping", () => {
  const view = calendar(healthyBasic(), ev, "2027-03-01", "2026-11-01");
  assert.deepEqual(view.steps.map((s) => s.date), ["2027-03-01", "2027-01-01", "2026-12-01", "2026-11-01"]);
  assert.equal(nextCheckpoint("2026-11-22"), "2026-12-01");
  assert.equal(nextCheckpoint("2026-12-01"), "2027-01-01");
  assert.equal(previousCheckpoint("2027-01-01"), "2026-12-01");
  assert.equal(previousCheckpoint("2026-01-01"), undefined);
});

test("whatIf with a new date: the date is a marked change and the calendar runs from the case's date", () => {
  const r = whatIf(healthyBasic(), [{ path: "tenant.basicAuthSmtpReenabled", value: false }], { asOf: "2027-01-10", today: "2026-11-22", evaluate: ev });
  assert.equal(r.after.asOf, "2027-01-10");
  assert.deepEqual(r.after.sources?.asOf, { kind: "whatif", original: "2026-11-22" });
  assert.equal(r.before.verdict, "clear");
  assert.equal(r.afterDiagnosis.verdict, "blocked");
  assert.deepEqual(r.diff.changed, [{ id: "basic-auth-retired", before: "warning", after: "blocking" }]);
  assert.deepEqual(r.calendar?.steps.map((s) => s.date), ["2026-11-22", "2026-12-01", "2027-01-01", "2027-01-10"]);
});
