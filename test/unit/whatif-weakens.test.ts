// A what-if change that gives a protection up is said with the hole it opens (persona round 8 #4), in the CLI's text and JSON.
import assert from "node:assert/strict";
import { test } from "node:test";
import { protectionsGivenUp } from "../../src/whatif/weakens.js";
import { runMain } from "../helpers/run-main.js";
import { t } from "../../src/i18n/index.js";
import { writeFileSync, mkdtempSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { healthyBasic } from "../helpers/whatif-cases.js";
import { setFact } from "../../src/case/facts.js";

test("which changes give a protection up: switched off, not switched on, not unchanged", () => {
  assert.deepEqual(protectionsGivenUp([{ path: "tenant.securityDefaultsEnabled", from: true, to: false }]), [{ path: "tenant.securityDefaultsEnabled", step: "security-defaults-replace" }]);
  assert.deepEqual(protectionsGivenUp([{ path: "tenant.securityDefaultsEnabled", from: undefined, to: false }]).length, 1);
  assert.deepEqual(protectionsGivenUp([{ path: "tenant.securityDefaultsEnabled", from: false, to: true }]), []);
  assert.deepEqual(protectionsGivenUp([{ path: "account.perUserMfaState", from: "enforced", to: "disabled" }])[0]?.step, "account-per-user-mfa");
  assert.deepEqual(protectionsGivenUp([{ path: "account.legacyAuthBlockedByConditionalAccess", from: true, to: false }])[0]?.step, "account-ca-exclusion");
  assert.deepEqual(protectionsGivenUp([{ path: "account.authenticationPolicy", from: { name: "Block", allowBasicAuthSmtp: false }, to: { name: "Allow", allowBasicAuthSmtp: true } }])[0]?.step, "account-auth-policy");
  assert.deepEqual(protectionsGivenUp([{ path: "account.authenticationPolicy", from: { name: "Allow", allowBasicAuthSmtp: true }, to: null }]), []);
  assert.deepEqual(protectionsGivenUp([{ path: "device.port", from: 25, to: 587 }]), []);
});

test("whatif --set tenant.securityDefaultsEnabled=false prints what every account loses, in both languages, and lists it in --json", async () => {
  const dir = mkdtempSync(join(tmpdir(), "sad-weakens-"));
  const file = join(dir, "case.json");
  writeFileSync(file, JSON.stringify(setFact(healthyBasic(), "tenant.securityDefaultsEnabled", true)));
  for (const lang of ["en", "ja"] as const) {
    const r = await runMain(["whatif", "--case", file, "--set", "tenant.securityDefaultsEnabled=false", "--lang", lang]);
    const flat = (s: string) => s.replace(/\s+/g, lang === "en" ? " " : "");
    assert.ok(flat(r.stdout).includes(flat(t(lang, "whatif.opens"))), r.stdout);
    assert.ok(flat(r.stdout).includes(flat(t(lang, "plan.step.security-defaults-replace.opens"))), r.stdout);
  }
  const json = await runMain(["whatif", "--case", file, "--set", "tenant.securityDefaultsEnabled=false", "--json"]);
  const opens = (JSON.parse(json.stdout) as { opens: Array<{ path: string; step: string }> }).opens;
  assert.deepEqual(opens.map((o) => [o.path, o.step]), [["tenant.securityDefaultsEnabled", "security-defaults-replace"]]);
  // Switching it on gives nothing up.
  const on = await runMain(["whatif", "--case", file, "--set", "tenant.securityDefaultsEnabled=true", "--json"]);
  assert.deepEqual((JSON.parse(on.stdout) as { opens: unknown[] }).opens, []);
});
