// The wizard reads a paste once (its summary and the engine share one analysis, kept while the
// reply is unchanged) and warms the parser while the paste screen waits: neither may change a
// diagnosis. Checked against the engine itself on random cases carrying real replies.
import assert from "node:assert/strict";
import { tmpdir } from "node:os";
import { test } from "node:test";
import { makeServices } from "../../src/cli/wizard-services.js";
import { deviceFrom, evaluateDevice, loadCatalog } from "../../src/devices/index.js";
import { evaluate } from "../../src/engine/index.js";
import { analyzeReply } from "../../src/replies/index.js";
import { REAL_REPLIES } from "../helpers/real-replies.js";
import { randomCase, rng } from "../helpers/random-case.js";
import { KNOWN_VENDOR_IDS } from "../../src/devices/ids.js";

const TODAY = "2026-11-22";
const REPLIES = REAL_REPLIES;

test("the wizard's evaluate equals the engine's, with and without the maker's knowledge, whatever was analysed before", async () => {
  const catalog = await loadCatalog();
  const plain = makeServices({ today: TODAY, cwd: tmpdir(), ascii: false });
  const withDevices = makeServices({ today: TODAY, cwd: tmpdir(), ascii: false, devices: catalog });
  const next = rng(7);
  for (let i = 0; i < 600; i++) {
    const base = randomCase(next);
    const reply = REPLIES[Math.floor(next() * REPLIES.length)] as string;
    const vendor = next() < 0.5 ? KNOWN_VENDOR_IDS[i % KNOWN_VENDOR_IDS.length] : undefined;
    const c = { ...base, device: { ...(base.device ?? {}), reply, ...(vendor ? { vendor } : {}) } };
    // The same reply twice in a row (the kept analysis is used), then another one.
    for (let round = 0; round < 2; round++) {
      assert.deepEqual(plain.deps.evaluate(c), evaluate(c, { today: TODAY }), `case ${i}`);
      assert.deepEqual(withDevices.deps.evaluate(c), evaluateDevice(c, deviceFrom(c, catalog), TODAY), `case ${i} (${vendor ?? "no maker"})`);
    }
    assert.deepEqual(plain.deps.analyzeReply(reply), analyzeReply(reply));
  }
});

test("warming up while the paste screen waits leaves the user's paste and its diagnosis alone", () => {
  const services = makeServices({ today: TODAY, cwd: tmpdir(), ascii: false });
  const paste = "550 5.7.60 SMTP; Client does not have permissions to send as this sender";
  const before = services.deps.analyzeReply(paste);
  assert.ok(services.warmUp);
  services.warmUp("ja");
  services.warmUp("en");
  assert.equal(services.deps.analyzeReply(paste), before, "the kept analysis is still the paste's");
  const c = { schema: "smtp-auth-doctor/case@1" as const, device: { reply: paste } };
  assert.deepEqual(services.deps.evaluate(c), evaluate(c, { today: TODAY }));
});
