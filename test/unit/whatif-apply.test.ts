import assert from "node:assert/strict";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { getFact } from "../../src/case/facts.js";
import { parseCase, saveCase, serializeCase } from "../../src/case/io.js";
import { ABSENT, applyChanges, changedFacts, hypotheticalFacts, unmarkedChanges, withEdits } from "../../src/whatif/apply.js";
import { healthyBasic } from "../helpers/whatif-cases.js";

test("a change is marked with its original value and the case becomes hypothetical; the real case is untouched", () => {
  const real = healthyBasic();
  const snapshot = structuredClone(real);
  const after = applyChanges(real, [
    { path: "tenant.securityDefaultsEnabled", value: true },
    { path: "account.smtpClientAuthenticationDisabled", value: null },
    { path: "device.oauthFlow", value: "app" },
  ]);
  assert.deepEqual(real, snapshot);
  assert.equal(after.hypothetical, true);
  assert.deepEqual(after.sources?.["tenant.securityDefaultsEnabled"], { kind: "whatif", original: false });
  // The previous provenance (an answer) is replaced by the what-if mark, which keeps the real value.
  assert.deepEqual(after.sources?.["account.smtpClientAuthenticationDisabled"], { kind: "whatif", original: false });
  assert.deepEqual(after.sources?.["device.oauthFlow"], { kind: "whatif", original: ABSENT });
  // Untouched facts keep their provenance.
  assert.deepEqual(after.sources?.["tenant.smtpClientAuthenticationDisabled"], real.sources?.["tenant.smtpClientAuthenticationDisabled"]);
  assert.deepEqual(changedFacts(real, after).sort(), ["account.smtpClientAuthenticationDisabled", "device.oauthFlow", "tenant.securityDefaultsEnabled"]);
  assert.deepEqual(unmarkedChanges(real, after), []);
});

test("making a fact unknown is a marked change too; setting the same value is no change", () => {
  const real = healthyBasic();
  const same = applyChanges(real, [{ path: "device.port", value: 587 }]);
  assert.equal(same, real);
  const unknown = applyChanges(real, [{ path: "account.perUserMfaState", value: undefined }]);
  assert.equal(getFact(unknown, "account.perUserMfaState"), undefined);
  assert.deepEqual(unknown.sources?.["account.perUserMfaState"], { kind: "whatif", original: "disabled" });
  assert.equal(unknown.hypothetical, true);
});

test("a fact changed twice (or in a saved hypothetical case) keeps the real case's original", () => {
  const real = healthyBasic();
  const once = applyChanges(real, [{ path: "account.perUserMfaState", value: "enabled" }]);
  const reloaded = parseCase(serializeCase(once), "saved.json");
  const twice = applyChanges(reloaded, [{ path: "account.perUserMfaState", value: "enforced" }]);
  assert.deepEqual(twice.sources?.["account.perUserMfaState"], { kind: "whatif", original: "disabled" });
  assert.deepEqual(hypotheticalFacts(twice), [{ path: "account.perUserMfaState", value: "enforced", original: "disabled" }]);
});

test("edits relative to the real case: dropping an edit resets the fact and its provenance", () => {
  const real = healthyBasic();
  const edited = withEdits(real, new Map([["account.smtpClientAuthenticationDisabled", true]]));
  assert.equal(edited.sources?.["account.smtpClientAuthenticationDisabled"]?.kind, "whatif");
  const reset = withEdits(real, new Map());
  assert.deepEqual(reset, real);
  assert.equal(reset.hypothetical, undefined);
});

test("what-if changes never reach a saved case unmarked", async () => {
  const dir = await mkdtemp(join(tmpdir(), "whatif-"));
  const real = healthyBasic();
  const after = applyChanges(real, [
    { path: "tenant.securityDefaultsEnabled", value: true },
    { path: "account.authenticationPolicy", value: { name: "Allow SMTP Basic", allowBasicAuthSmtp: true } },
  ]);
  const file = join(dir, "hypothesis.json");
  await saveCase(file, after, { overwrite: false });
  const saved = parseCase(await readFile(file, "utf8"), file);
  assert.equal(saved.hypothetical, true);
  for (const path of changedFacts(real, saved)) assert.equal(saved.sources?.[path]?.kind, "whatif", `${path} is marked`);
  assert.deepEqual(unmarkedChanges(real, saved), []);
  // A case whose values were changed behind what-if's back is caught.
  const tampered = structuredClone(saved);
  tampered.account = { ...tampered.account, perUserMfaState: "enforced" };
  assert.deepEqual(unmarkedChanges(real, tampered), ["account.perUserMfaState"]);
  const unflagged = structuredClone(saved);
  delete unflagged.hypothetical;
  assert.notDeepEqual(unmarkedChanges(real, unflagged), []);
});
