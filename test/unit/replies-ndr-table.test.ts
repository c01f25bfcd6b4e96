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

test("5.7.511 (the sending IP banned) is Microsoft's block of the address, with the note that it is delisted by mail, not by the portal", () => {
  const m = analyzeReply("550 5.7.511 Access denied, banned sender[192.0.2.1]. To request removal from this list please forward this message to delist@messaging.microsoft.com.").primary;
  assert.deepEqual([m?.candidates, m?.decisive, m?.notes], [["sending-ip-blocked"], true, ["note.delistByMail"]]);
  // 5.7.606-649 keep the portal.
  assert.deepEqual(analyzeReply("550 5.7.606 Access denied, banned sending IP [192.0.2.1]").primary?.notes ?? [], []);
});

test("5.7.511's step is the delisting by mail; 5.7.606's keeps the portal", async () => {
  const { evaluate } = await import("../../src/engine/index.js");
  const { buildPlan } = await import("../../src/plan/index.js");
  const { t } = await import("../../src/i18n/index.js");
  const step = (reply: string, lang: "en" | "ja") => {
    const c = { schema: "smtp-auth-doctor/case@1" as const, device: { reply } };
    return buildPlan(c, evaluate(c, { today: "2026-12-05" }), lang).steps.find((s) => s.id === "delist-sending-ip");
  };
  for (const lang of ["en", "ja"] as const) {
    assert.equal(step("550 5.7.511 Access denied, banned sender[192.0.2.1].", lang)?.title, t(lang, "plan.step.delist-sending-ip.byMail.title"), lang);
    assert.equal(step("550 5.7.606 Access denied, banned sending IP [192.0.2.1]", lang)?.title, t(lang, "plan.step.delist-sending-ip.title"), lang);
  }
});

test("5.7.513 and 5.7.507 (the recipient's organization blocks the sending IP with its own list) are the recipient's refusal, with the note that only its administrator removes it", () => {
  for (const reply of ["550 5.7.513 Service unavailable, Client host [192.0.2.1] blocked by contoso.com using Customer Block list (AS16012607)", "550 5.7.507 Access denied, rejected by recipient"]) {
    const m = analyzeReply(reply).primary;
    assert.deepEqual([m?.candidates, m?.decisive, m?.notes], [["delivery-not-authorized"], true, ["note.recipientBlocksIp"]], reply);
  }
});
