import assert from "node:assert/strict";
import { test } from "node:test";
import { cycleValue, isTyped } from "../../src/whatif/edit.js";

test("booleans toggle; an unknown boolean becomes true (false going left)", () => {
  assert.deepEqual(cycleValue("tenant.securityDefaultsEnabled", true, 1, {}), { value: false });
  assert.deepEqual(cycleValue("tenant.securityDefaultsEnabled", false, -1, {}), { value: true });
  assert.deepEqual(cycleValue("tenant.securityDefaultsEnabled", undefined, 1, {}), { value: true });
  assert.deepEqual(cycleValue("tenant.securityDefaultsEnabled", undefined, -1, {}), { value: false });
});

test("the mailbox setting cycles on / off / follow the organization, both ways", () => {
  const seq = [false, true, null];
  for (let i = 0; i < 3; i++) {
    assert.deepEqual(cycleValue("account.smtpClientAuthenticationDisabled", seq[i], 1, {}), { value: seq[(i + 1) % 3] });
    assert.deepEqual(cycleValue("account.smtpClientAuthenticationDisabled", seq[i], -1, {}), { value: seq[(i + 2) % 3] });
  }
  assert.deepEqual(cycleValue("account.smtpClientAuthenticationDisabled", undefined, 1, {}), { value: false });
});

test("enums, ports and policies cycle; text is typed", () => {
  assert.deepEqual(cycleValue("account.perUserMfaState", "enforced", 1, {}), { value: "disabled" });
  assert.deepEqual(cycleValue("device.security", "starttls", -1, {}), { value: "none" });
  assert.deepEqual(cycleValue("device.port", 587, 1, {}), { value: 25 });
  assert.deepEqual(cycleValue("device.port", 465, 1, {}), { value: 587 });
  assert.deepEqual(cycleValue("account.authenticationPolicy", null, 1, { originalPolicyName: "Org" }), { value: { name: "Org", allowBasicAuthSmtp: false } });
  assert.deepEqual(cycleValue("account.authenticationPolicy", { name: "P", allowBasicAuthSmtp: false }, 1, {}), { value: { name: "P", allowBasicAuthSmtp: true } });
  assert.deepEqual(cycleValue("account.authenticationPolicy", { name: "P", allowBasicAuthSmtp: true }, 1, {}), { value: null });
  assert.equal(cycleValue("device.username", "a@b.c", 1, {}), undefined);
  assert.ok(isTyped("device.username") && isTyped("asOf") && isTyped("device.port") && !isTyped("tenant.securityDefaultsEnabled"));
});

test("dates step through the retirement checkpoints and the case's own date", () => {
  assert.deepEqual(cycleValue("asOf", "2026-11-22", 1, { dates: ["2026-11-22"] }), { value: "2026-12-01" });
  assert.deepEqual(cycleValue("asOf", "2026-12-01", 1, { dates: ["2026-11-22"] }), { value: "2027-01-01" });
  assert.deepEqual(cycleValue("asOf", "2026-12-01", -1, { dates: ["2026-11-22"] }), { value: "2026-11-22" });
  assert.equal(cycleValue("asOf", "2026-11-22", -1, { dates: ["2026-11-22"] }), undefined);
  assert.equal(cycleValue("asOf", "2028-10-01", 1, {}), undefined);
});
