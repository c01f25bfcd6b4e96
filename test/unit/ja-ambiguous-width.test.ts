// Japanese output holds no East Asian ambiguous-width character: a terminal set so (Windows' Japanese console, a CJK font, a
// terminal's "ambiguous characters are wide") draws each in two columns while the layout counts one, and the line overruns its
// width. Found in tmux (persona run, ja): Canon's menu path read "Network Settings – E-Mail/I-Fax Settings" (en dash) and the
// hand-over's device line "キヤノン … · scan@contoso.com → smtp.office365.com:587 STARTTLS · 基本認証" (middle dot, arrow).
// English keeps its own separators.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Case } from "../../src/case/schema.js";
import { evaluateDevice, loadDevice, planDevice } from "../../src/devices/index.js";
import { t } from "../../src/i18n/index.js";
import { deviceLine, renderHandover } from "../../src/report/handover.js";
import { renderText } from "../../src/report/text.js";

/** The ambiguous-width characters (Unicode's EastAsianWidth.txt, "A") that text of this kind is likely to hold. */
const AMBIGUOUS = /[\u00a7\u00a8\u00b0\u00b1\u00b4\u00b6\u00b7\u00d7\u00f7\u2010\u2013-\u2016\u2018\u2019\u201c\u201d\u2020-\u2022\u2024-\u2027\u2030\u2032\u2033\u203b\u2190-\u2199\u21d2\u21d4\u2460-\u24ff\u2500-\u257f\u2580-\u259f\u25a0-\u25ff\u2605\u2606\u2640\u2642\u2660-\u266f\ufffd]/u;

// Microsoft's 5.7.139 security-defaults text (domain.md's reply table); the devices and settings are made up.
const REPLY = "535 5.7.139 Authentication unsuccessful, user is locked by your organization's security defaults policy.";
const device = (vendor: "canon" | "hp", model: string): Case => ({
  schema: "smtp-auth-doctor/case@1",
  asOf: "2026-12-06",
  device: { vendor, model, reply: REPLY, username: "scan@contoso.com", from: "scan@contoso.com", host: "smtp.office365.com", port: 587, security: "starttls", auth: "basic" },
});
const CASES = [device("canon", "imageRUNNER ADVANCE DX C3826F"), device("hp", "Color LaserJet Pro MFP M479fdw")];

const offending = (text: string) => text.split("\n").filter((l) => AMBIGUOUS.test(l));

test("ja: the text report with the maker's notes and the hand-over hold no ambiguous-width character", async () => {
  for (const c of CASES) {
    const dev = await loadDevice(c);
    assert.ok(dev, c.device?.vendor);
    const d = evaluateDevice(c, dev, "2026-12-06");
    const input = { case: c, diagnosis: d, plan: planDevice(c, d, "ja", dev), lang: "ja" as const };
    const text = renderText(input);
    assert.ok(text.includes("出典 (デバイス)"), "the maker's notes are in the report");
    assert.deepEqual(offending(text), [], c.device?.vendor);
    assert.deepEqual(offending(renderHandover(input)), [], c.device?.vendor);
    assert.deepEqual(offending(deviceLine(input) ?? ""), []);
  }
  assert.equal(deviceLine({ case: CASES[0]!, lang: "ja" }), "キヤノン imageRUNNER ADVANCE DX C3826F・scan@contoso.com -> smtp.office365.com:587 STARTTLS・基本認証 (パスワード)");
  assert.doesNotMatch(t("ja", "questions.deviceHintMore", { n: "3" }), AMBIGUOUS);
});

test("en: the hand-over's device line keeps its separators", () => {
  assert.equal(deviceLine({ case: CASES[0]!, lang: "en" }), "Canon imageRUNNER ADVANCE DX C3826F · scan@contoso.com → smtp.office365.com:587 STARTTLS · Basic auth (password)");
});

test("ja: the catalog holds no ambiguous-width character but the replacement character a note names as what is shown", async () => {
  const { rawTable } = await import("../../src/i18n/all.js");
  const found = Object.entries(rawTable("ja")).flatMap(([key, text]) => [...text].filter((ch) => AMBIGUOUS.test(ch) && !(ch === "\ufffd" && key.startsWith("note.tlsBeforeEhlo"))).map((ch) => `${key}: U+${ch.codePointAt(0)?.toString(16)}`));
  assert.deepEqual(found, []);
});
