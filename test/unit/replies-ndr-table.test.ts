// Replies of Microsoft Learn's table "Email non-delivery reports and SMTP errors in Exchange Online" that a device or an
// app sending through Exchange Online meets, read as the causes they name (they were "not a reply this tool knows").
import assert from "node:assert/strict";
import { test } from "node:test";
import { analyzeReply } from "../../src/replies/index.js";

test("5.7.512 (the From header holds no valid address) is the sender address, with the note on the message's own From header", () => {
  const m = analyzeReply("550 5.7.512 Access denied, message must be RFC 5322 section 3.6.2 compliant and include a valid From address").primary;
  assert.deepEqual([m?.patternId, m?.candidates, m?.decisive, m?.notes], ["from-header-invalid", ["sender-address-invalid"], true, ["note.fromHeaderInvalid"]]);
  // The code alone reads the same.
  assert.deepEqual(analyzeReply("550 5.7.512 Access denied").primary?.candidates, ["sender-address-invalid"]);
});

test("5.2.121 and 5.2.122 (a recipient's hourly limits) are a sending limit, with the note that the sender must mail that recipient less often", () => {
  for (const reply of ["550 5.2.121 Recipient's per hour message receive limit from specific sender exceeded", "550 5.2.122 Recipient's per hour message receive limit exceeded"]) {
    const m = analyzeReply(reply).primary;
    assert.deepEqual([m?.candidates, m?.decisive, m?.notes], [["sending-limit"], true, ["note.recipientHourlyLimit"]], reply);
  }
});

test("5.6.11 (the recipient's server refuses bare line feeds) is a refusal at delivery with its own step: CR LF from the device or program, or the recipient's administrator", async () => {
  const { evaluate } = await import("../../src/engine/index.js");
  const { buildPlan } = await import("../../src/plan/index.js");
  const reply = "550 5.6.11 SMTPSEND.BareLinefeedsAreIllegal; message contains bare linefeeds, which cannot be sent via DATA";
  assert.deepEqual(analyzeReply(reply).primary?.candidates, ["bare-linefeeds-refused"]);
  const c = { schema: "smtp-auth-doctor/case@1" as const, device: { reply } };
  const d = evaluate(c, { today: "2026-12-05" });
  assert.deepEqual(d.causes.map((f) => `${f.id}:${f.status}`), ["bare-linefeeds-refused:blocking"]);
  assert.deepEqual(d.unknowns, []);
  for (const lang of ["en", "ja"] as const) assert.deepEqual(buildPlan(c, d, lang).steps.map((s) => s.id), ["delivery-bare-linefeeds"], lang);
});
