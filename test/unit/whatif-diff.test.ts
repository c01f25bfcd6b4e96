import assert from "node:assert/strict";
import { test } from "node:test";
import type { Diagnosis, Finding } from "../../src/engine/types.js";
import { causeMark, diffDiagnoses } from "../../src/whatif/diff.js";

const fact = (path: "tenant.securityDefaultsEnabled" | "account.perUserMfaState"): Finding["evidence"][number] => ({ kind: "fact", path, value: true });
const finding = (id: Finding["id"], status: Finding["status"]): Finding => ({ id, status, evidence: [fact("tenant.securityDefaultsEnabled")], affects: "basic" });
const diagnosis = (d: Partial<Diagnosis>): Diagnosis => ({ verdict: "clear", asOf: "2026-11-22", causes: [], unknowns: [], info: [], retirement: "before-change", ...d });

test("diff: verdict, causes added/removed/changed, unknowns added/removed", () => {
  const before = diagnosis({
    verdict: "blocked",
    causes: [finding("security-defaults", "blocking"), finding("per-user-mfa", "possible"), finding("basic-auth-retired", "warning")],
    unknowns: ["account.perUserMfaState", "device.oauthSupported"],
  });
  const after = diagnosis({
    verdict: "undetermined",
    asOf: "2027-01-01",
    retirement: "disabled-by-default",
    causes: [finding("basic-auth-retired", "possible"), finding("per-user-mfa", "possible"), finding("conditional-access", "blocking")],
    unknowns: ["device.oauthSupported", "tenant.basicAuthSmtpReenabled"],
  });
  const d = diffDiagnoses(before, after);
  assert.deepEqual(d.verdict, { before: "blocked", after: "undetermined", changed: true });
  assert.deepEqual(d.retirement, { before: "before-change", after: "disabled-by-default", changed: true });
  assert.deepEqual(d.added.map((f) => f.id), ["conditional-access"]);
  assert.deepEqual(d.removed.map((f) => f.id), ["security-defaults"]);
  assert.deepEqual(d.changed, [{ id: "basic-auth-retired", before: "warning", after: "possible" }]);
  assert.deepEqual(d.unknownsAdded, ["tenant.basicAuthSmtpReenabled"]);
  assert.deepEqual(d.unknownsRemoved, ["account.perUserMfaState"]);
  assert.equal(d.same, false);
  assert.equal(causeMark(d, "conditional-access"), "added");
  assert.equal(causeMark(d, "security-defaults"), "removed");
  assert.equal(causeMark(d, "basic-auth-retired"), "changed");
  assert.equal(causeMark(d, "per-user-mfa"), "same");
});

test("diff of a diagnosis with itself is empty", () => {
  const d = diagnosis({ verdict: "blocked", causes: [finding("security-defaults", "blocking")], unknowns: ["account.sendAs"] });
  const diff = diffDiagnoses(d, structuredClone(d));
  assert.equal(diff.same, true);
  assert.deepEqual([diff.added, diff.removed, diff.changed, diff.unknownsAdded, diff.unknownsRemoved], [[], [], [], [], []]);
});
