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

test("5.7.506 (Bad HELO) and 5.7.510 (no mail over IPv6) are refusals of mail sent to an MX host without sign-in, each with its step; no sign-in setting is asked", async () => {
  const { evaluate } = await import("../../src/engine/index.js");
  const { buildPlan } = await import("../../src/plan/index.js");
  const rows: Array<[string, string, string, string]> = [
    ["550 5.7.506 Access Denied, Bad HELO", "bad-helo", "helo-name-refused", "device-helo-name"],
    ["550 5.7.510 Access denied, [contoso.com] does not accept email over IPv6", "ipv6-not-accepted", "ipv6-not-accepted", "delivery-over-ipv4"],
  ];
  for (const [reply, pattern, cause, step] of rows) {
    const m = analyzeReply(reply).primary;
    assert.deepEqual([m?.patternId, m?.candidates, m?.decisive], [pattern, [cause], true], reply);
    // The words alone, as a bounce quotes them without the code, read the same.
    const words = reply.replace(/^550 5\.7\.5\d\d /, "");
    assert.deepEqual(analyzeReply(`550 ${words}`).primary?.candidates, [cause], words);
    const c = { schema: "smtp-auth-doctor/case@1" as const, device: { reply } };
    const d = evaluate(c, { today: "2026-12-05" });
    assert.deepEqual(d.causes.map((f) => `${f.id}:${f.status}`), [`${cause}:blocking`], reply);
    // Mail that came without sign-in: the device's sign-in and the tenant's SMTP AUTH switches are not in question.
    for (const p of ["device.username", "device.auth", "tenant.smtpClientAuthenticationDisabled", "account.perUserMfaState"]) assert.ok(!d.unknowns.includes(p as never), `${reply}: ${p}`);
    assert.ok(!d.info.some((i) => i.id === "assumed-auth-mechanism"), reply);
    for (const lang of ["en", "ja"] as const) assert.deepEqual(buildPlan(c, d, lang).steps.map((s) => s.id), [step], `${reply} ${lang}`);
  }
  // The IPv6 step says how the domain's owner accepts IPv6, with the domain quoted for pasting.
  const c = { schema: "smtp-auth-doctor/case@1" as const, device: { reply: rows[1]?.[0] as string } };
  const why = buildPlan(c, evaluate(c, { today: "2026-12-05" }), "en").steps[0]?.why ?? "";
  assert.match(why, /Enable-IPv6ForAcceptedDomain -Domain '<domain>'/);
});

test("5.7.504 and 5.7.505 (the recipient's address not valid) are the recipient refused; 5.1.0's 'SPF Permanent Error' is the sender's domain, not the recipient", () => {
  assert.deepEqual(analyzeReply("550 5.7.504 [someone@contoso.com]: Recipient address rejected: Access denied").primary?.candidates, ["recipient-refused"]);
  assert.deepEqual(analyzeReply("550 5.7.505 Access denied, banned recipient").primary?.candidates, ["recipient-refused"]);
  const spf = analyzeReply("550 5.1.0 Address rejected. Recipient address rejected: SPF Permanent Error").primary;
  assert.deepEqual([spf?.patternId, spf?.candidates], ["sender-domain-authentication", ["sender-domain-unauthenticated"]]);
});
