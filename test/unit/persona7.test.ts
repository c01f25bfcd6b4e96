// Persona round 7 (tmux, three people; /work/handoff/persona7-report.md): what it found wrong or confusing in the readings and the
// hand-over, fixed, in both languages.
import assert from "node:assert/strict";
import { test } from "node:test";
import { parseCase } from "../../src/case/io.js";
import { evaluate } from "../../src/engine/index.js";
import { t, type Lang } from "../../src/i18n/index.js";
import { buildPlan } from "../../src/plan/index.js";
import { renderHandover } from "../../src/report/handover.js";
import { runMain } from "../helpers/run-main.js";

const LANGS = ["en", "ja"] as const;
// A Canon on Basic that fails to sign in, the help desk's paste as the persona typed it from the panel.
const CANON = parseCase(
  JSON.stringify({ schema: "smtp-auth-doctor/case@1", device: { vendor: "canon", auth: "basic", username: "scan-3f@contoso.co.jp", port: 587, reply: "エラー #839\n送信できませんでした。SMTPサーバーの認証に失敗しました。" } }),
  "persona7-canon.json",
);
const handover = (today: string, lang: Lang): string => {
  const d = evaluate(CANON, { today });
  return renderHandover({ case: CANON, diagnosis: d, plan: buildPlan(CANON, d, lang), lang });
};
const flat = (s: string) => s.replace(/\s+/g, " ");

test("#1: the hand-over of a device on Basic tells the admin of the end of December, 'any day now' in December, not after the change", () => {
  for (const lang of LANGS) {
    // (The hand-over wraps its lines: the opening words of each text are looked for.)
    const opening = (key: "plan.handover.retiringImminent" | "plan.handover.retiring") => flat(t(lang, key)).slice(0, lang === "ja" ? 20 : 40);
    assert.ok(flat(handover("2026-12-06", lang)).includes(opening("plan.handover.retiringImminent")), handover("2026-12-06", lang));
    assert.ok(flat(handover("2026-11-20", lang)).includes(opening("plan.handover.retiring")), lang);
    // Only December says "any day now".
    const anyDay = lang === "ja" ? "いつ実施されても" : "any day now";
    assert.ok(flat(handover("2026-12-06", lang)).replace(/ /g, "").includes(anyDay.replace(/ /g, "")), lang);
    assert.ok(!flat(handover("2026-11-20", lang)).replace(/ /g, "").includes(anyDay.replace(/ /g, "")), lang);
    // After the change the retirement is a cause of its own (possible), listed with the others: no extra line.
    assert.ok(!flat(handover("2027-01-15", lang)).includes(opening("plan.handover.retiring")), lang);
  }
});

test("#14: a port without its server reads as a port in the hand-over, not '→ :587'", () => {
  assert.match(handover("2026-12-06", "en"), /scan-3f@contoso\.co\.jp → port 587 ·/);
  assert.match(handover("2026-12-06", "ja"), /scan-3f@contoso\.co\.jp → ポート 587 ·/);
});

test("#2: a TLS handshake alert (.NET's 'HandshakeFailure', Python's SSLV3_ALERT_HANDSHAKE_FAILURE) leaves the TLS version and the handshake possible", async () => {
  for (const text of ["System.Security.Authentication.AuthenticationException: Authentication failed because the remote party sent a TLS alert: 'HandshakeFailure'.", "ssl.SSLError: [SSL: SSLV3_ALERT_HANDSHAKE_FAILURE] sslv3 alert handshake failure (_ssl.c:1006)"]) {
    for (const lang of LANGS) {
      const r = await runMain(["explain", "--json", "--lang", lang, text]);
      assert.equal(r.code, 3, `${lang}: ${text}`);
      const j = JSON.parse(r.stdout) as { causes: Array<{ id: string; status: string }> };
      assert.deepEqual(j.causes.filter((c) => c.status !== "warning").map((c) => `${c.id}:${c.status}`).sort(), ["tls-handshake-failed:possible", "tls-version-unsupported:possible"], text);
    }
  }
});

test("#3: a maker's code beside the device's own words says no server reply decides, and its sentences end before the next", async () => {
  for (const lang of LANGS) {
    const words = await runMain(["explain", "--vendor", "canon", "--lang", lang, "#839 送信できませんでした。SMTPサーバーの認証に失敗しました。"]);
    assert.ok(!flat(words.stdout).includes(flat(t(lang, "devices.panel.replyDecides")).slice(0, 20)), words.stdout);
    const reply = await runMain(["explain", "--vendor", "canon", "--lang", lang, "-"], { stdin: "#839\n535 5.7.3 Authentication unsuccessful" });
    const out = flat(reply.stdout).replace(/ /g, "");
    // The list of causes ends before the sentence that the server's reply decides.
    const decides = flat(t(lang, "devices.panel.replyDecides")).replace(/ /g, "").slice(0, 12);
    assert.ok(out.includes(lang === "ja" ? `ありません。${decides}` : `signinwith.${decides}`), reply.stdout);
  }
});
