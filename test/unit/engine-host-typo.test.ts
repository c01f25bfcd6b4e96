// Persona round 7 (#10b): a device set to "smtp.office365.con" was only "Wrong server or port [possible]", third, with no
// word of the host meant. A host a letter or two from a Microsoft 365 SMTP host is now a blocking wrong endpoint whose
// evidence says "did you mean …?" (in both languages, in the report); other hosts read as before.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Case } from "../../src/case/schema.js";
import { evaluate } from "../../src/engine/index.js";
import { hostTypoOf } from "../../src/engine/gates/transport.js";
import { t } from "../../src/i18n/index.js";
import { buildPlan } from "../../src/plan/index.js";
import { renderText } from "../../src/report/index.js";

const TODAY = "2026-11-22";
const persona = (host: string): Case => ({
  schema: "smtp-auth-doctor/case@1",
  asOf: TODAY,
  device: { host, port: 587, security: "starttls", auth: "basic", username: "scanner@fabrikam-law.com", from: "reception@fabrikam-law.com", oauthSupported: true },
});

test("hostTypoOf: one or two letters from a known Microsoft 365 SMTP host, and nothing else", () => {
  assert.equal(hostTypoOf("smtp.office365.con"), "smtp.office365.com");
  assert.equal(hostTypoOf("SMTP.Office365.co."), "smtp.office365.com");
  assert.equal(hostTypoOf("smtp.ofice365.com"), "smtp.office365.com");
  assert.equal(hostTypoOf("smtp.office356.com"), "smtp.office365.com", "two letters swapped is one slip");
  assert.equal(hostTypoOf("smtp.offce365.con"), "smtp.office365.com");
  assert.equal(hostTypoOf("smtp.office365.uss"), "smtp.office365.us");
  assert.equal(hostTypoOf("smtp-legacy.office365.con"), "smtp-legacy.office365.com");
  assert.equal(hostTypoOf("smtp.partner.outlook.cm"), "smtp.partner.outlook.cn");
  for (const h of ["smtp.office365.com", "smtp.office365.us", "smtp-legacy.office365.com", "smtp.hve.mx.microsoft", "relay.contoso.local", "smtp.gmail.com", "mail.contoso.co.jp", "smtp.ofic365.con", "10.0.0.25", "smtp"]) {
    assert.equal(hostTypoOf(h), undefined, h);
  }
});

test("a typo of smtp.office365.com blocks, first, with 'did you mean' in both languages; a relay's name reads as before", () => {
  const d = evaluate(persona("smtp.office365.con"), { today: TODAY });
  assert.equal(d.verdict, "blocked");
  const first = d.causes[0];
  assert.equal(first?.id, "wrong-endpoint");
  assert.equal(first?.status, "blocking");
  assert.ok(first?.evidence.some((e) => e.kind === "inference" && e.messageKey === "inference.hostTypo" && e.params?.host === "smtp.office365.com"));
  assert.ok(!first?.notes?.includes("note.unknownHost"), "not 'may be a local relay'");
  for (const lang of ["en", "ja"] as const) {
    const c = persona("smtp.office365.con");
    const text = renderText({ case: c, diagnosis: d, plan: buildPlan(c, d, lang), lang, width: 200 });
    assert.ok(text.includes(t(lang, "inference.hostTypo", { host: "smtp.office365.com" })), `${lang}\n${text}`);
    assert.match(text, lang === "en" ? /did you mean smtp\.office365\.com\?/ : /smtp\.office365\.com の入力間違いではありませんか\?/);
  }
  // A host of the organization's own is still a possible relay, with its note, and nothing about a typo.
  const relay = evaluate(persona("relay.contoso.local"), { today: TODAY });
  const w = relay.causes.find((f) => f.id === "wrong-endpoint");
  assert.equal(w?.status, "possible");
  assert.deepEqual(w?.notes, ["note.unknownHost"]);
  assert.ok(!w?.evidence.some((e) => e.kind === "inference"));
  // The right host: no wrong endpoint at all.
  assert.ok(!evaluate(persona("smtp.office365.com"), { today: TODAY }).causes.some((f) => f.id === "wrong-endpoint"));
});
