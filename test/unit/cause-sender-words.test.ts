// The causes' titles and summaries, their notes and the Info lines name the application in an application's case (device.vendor
// "app"): a .NET application's result read 「デバイスがサインインしていません」 / "The device does not sign in" and "If this is the
// cause: The device sends without SMTP authentication." In both languages; a device's case, and a caller with no case, keep the
// device's words exactly as before.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Case } from "../../src/case/schema.js";
import { evaluate } from "../../src/engine/index.js";
import type { CauseId, Diagnosis, Info } from "../../src/engine/types.js";
import { LANGS, type Lang } from "../../src/i18n/index.js";
import causes from "../../src/i18n/areas/causes.js";
import { buildPlan } from "../../src/plan/index.js";
import { causeSummary, causeTitle, infoTitle, noteText, senderOf } from "../../src/render/labels.js";
import { toJson } from "../../src/report/json.js";
import { renderMarkdown } from "../../src/report/markdown.js";
import { renderText } from "../../src/report/text.js";
import { evidenceLine } from "../../src/report/common.js";

const DOTNET =
  "System.Net.Mail.SmtpException: The SMTP server requires a secure connection or the client was not authenticated. The server response was: 5.7.57 Client not authenticated to send mail";

/** The sender's word where the text means what sends the mail (not "device or app", "device code", a maker's device …). */
const DEVICE_WORD: Record<Lang, RegExp> = { ja: /デバイス/, en: /\bdevices?\b/i };
/** Words that say "device" of something other than the sender alone: both kinds of sender, a device code, any device. */
const BOTH = /device'?s? (or|and) (app|program|script|service)'?s?|devices and apps|device code|デバイス(または|や)(アプリ|プログラム|スクリプト|サービス)|デバイス コード/gi;
/**
 * Texts that still say "device" in an application's case, on purpose: of devices in general (Outlook's host "for devices",
 * Google's rule, a compromised device, Conditional Access's device, a relay that accepts devices by address), of a maker's
 * device (info.server-text-hidden.device; an application's has info.server-text-hidden.app). Where the two languages name
 * the sender a different number of times, an application has its own text (`<key>.app`).
 */
const LEFT = new Set([
  "note.outlookHost",
  "note.eopThrottled",
  "info.provider-google",
  "note.entra.caBlocked",
  "note.serverOffersNoSignIn",
  "info.server-text-hidden",
  "info.server-text-hidden.device",
]);

const APP = { device: { vendor: "app" as const } };
const CANON = { device: { vendor: "canon" as const } };

function saysDevice(lang: Lang, text: string): boolean {
  return DEVICE_WORD[lang].test(text.replace(BOTH, ""));
}

/** An application's or a Canon's case: the .NET reply, or settings that bring notes (implicit TLS on port 465, an IP address). */
function cases(vendor: "app" | "canon"): Case[] {
  return [
    { schema: "smtp-auth-doctor/case@1", asOf: "2026-12-06", device: { vendor, reply: DOTNET } },
    { schema: "smtp-auth-doctor/case@1", asOf: "2026-12-06", device: { vendor, host: "52.96.0.1", port: 465, security: "tls", auth: "basic" } },
    {
      schema: "smtp-auth-doctor/case@1",
      asOf: "2026-12-06",
      device: { vendor, host: "smtp.office365.com", port: 587, security: "starttls", auth: "basic", username: "billing@contoso.com" },
      tenant: { smtpClientAuthenticationDisabled: true, securityDefaultsEnabled: false },
    },
  ];
}

const ev = (c: Case): Diagnosis => evaluate(c, { today: "2026-12-06" });

/** The causes' section of the text report: from its heading to the next section. */
function causesSection(lang: Lang, text: string): string {
  const heading = lang === "ja" ? "\n原因\n" : "\nCauses\n";
  const from = text.indexOf(heading);
  assert.ok(from >= 0, text);
  const rest = text.slice(from + heading.length);
  const end = rest.search(/\n\S/);
  return end < 0 ? rest : rest.slice(0, end);
}

for (const lang of LANGS) {
  test(`${lang}: an application's causes, notes and Info lines name the application, in the text report, Markdown and JSON`, () => {
    let seen = 0;
    for (const c of cases("app")) {
      const d = ev(c);
      assert.ok(d.causes.length > 0);
      const plan = buildPlan(c, d, lang);
      const text = renderText({ case: c, diagnosis: d, plan, lang, width: 200 });
      const section = causesSection(lang, text);
      for (const f of d.causes) {
        const title = causeTitle(lang, f.id, c);
        const summary = causeSummary(lang, f.id, f.status, false, d.asOf, c) ?? "";
        assert.ok(!saysDevice(lang, title), `${f.id}: ${title}`);
        assert.ok(!saysDevice(lang, summary), `${f.id}: ${summary}`);
        assert.ok(section.includes(title), `${f.id} in ${section}`);
        for (const note of f.notes ?? []) {
          if (LEFT.has(note)) continue;
          assert.ok(!saysDevice(lang, noteText(lang, note, c)), `${note}: ${noteText(lang, note, c)}`);
          seen++;
        }
      }
      for (const i of d.info) if (!LEFT.has(`info.${i.id}`)) assert.ok(!saysDevice(lang, infoTitle(lang, i, senderOf(c))), `${i.id}: ${infoTitle(lang, i, senderOf(c))}`);
      const md = renderMarkdown({ case: c, diagnosis: d, plan, lang });
      for (const f of d.causes) assert.ok(md.includes(causeTitle(lang, f.id, c).replace(/[*_`[\]]/g, "")) || md.includes(f.id), f.id);
      const json = toJson(d, plan, c);
      for (const [n, f] of json.causes.entries()) {
        assert.equal(f.title, causeTitle(lang, d.causes[n]?.id as CauseId, c));
        assert.equal(f.id, d.causes[n]?.id, "JSON keeps the ids");
      }
    }
    assert.ok(seen > 0, "some notes were read");
    // The .NET application's case as it read (persona round 8).
    const [dotnet] = cases("app");
    const text = renderText({ case: dotnet as Case, diagnosis: ev(dotnet as Case), plan: buildPlan(dotnet as Case, ev(dotnet as Case), lang), lang, width: 200 });
    const words = lang === "ja" ? ["アプリケーションがサインインしていません", "これが原因の場合: アプリケーションが SMTP 認証なしで送信しています。"] : ["Application does not sign in", "If this is the cause: The application sends without SMTP authentication."];
    for (const w of words) assert.ok(text.includes(w), `${w} in ${text}`);
    assert.ok(!causesSection(lang, text).split("\n").some((l) => saysDevice(lang, l) && !/›|出典|Source/.test(l)), causesSection(lang, text));
  });

  test(`${lang}: every cause's title and summary, every note and Info text names the application for an application, apart from those left`, () => {
    const keys = Object.keys(causes.en).filter((k) => /^(cause|note|info)\./.test(k) && !/\.app$/.test(k));
    for (const key of keys) {
      const cause = /^cause\.(.+)\.(title|summary)$/.exec(key);
      if (cause) {
        const id = cause[1] as CauseId;
        const text = cause[2] === "title" ? causeTitle(lang, id, APP) : (causeSummary(lang, id, undefined, false, undefined, APP) ?? "");
        if (!LEFT.has(key)) assert.ok(!saysDevice(lang, text), `${key}: ${text}`);
      } else if (key.startsWith("note.") && !LEFT.has(key)) {
        assert.ok(!saysDevice(lang, noteText(lang, key, APP)), `${key}: ${noteText(lang, key, APP)}`);
      } else if (key.startsWith("info.") && !LEFT.has(key) && !key.startsWith("info.server-text-hidden")) {
        const title = infoTitle(lang, { id: key.slice("info.".length), evidence: [] } as unknown as Info, "app");
        assert.ok(!saysDevice(lang, title), `${key}: ${title}`);
      }
    }
  });

  test(`${lang}: a device's case, and a caller without a case, read the device's words exactly as before`, () => {
    const ids = Object.keys(causes.en).flatMap((k) => /^cause\.(.+)\.title$/.exec(k)?.[1] ?? []) as CauseId[];
    for (const id of ids) {
      assert.equal(causeTitle(lang, id, CANON), causeTitle(lang, id));
      assert.equal(causeSummary(lang, id, "possible", false, "2026-12-06", CANON), causeSummary(lang, id, "possible", false, "2026-12-06"));
    }
    for (const key of Object.keys(causes.en).filter((k) => k.startsWith("note."))) assert.equal(noteText(lang, key, CANON), noteText(lang, key));
    // The words a device's report said before (recorded from the build before this change).
    const before = lang === "ja"
      ? { title: "デバイスがサインインしていません", summary: "デバイスが SMTP 認証なしで送信しています。smtp.office365.com はサインインした送信だけを受け付けます。サインインなしで送信するには、ダイレクト送信またはリレー用のコネクタが必要です。", locked: "サインインの失敗が続いたため、アカウントがロックされています。誤ったパスワードで再試行を続けるデバイスがあると、ロックが解除されません。", note: "デバイスが SSL/TLS (暗黙的 TLS) に設定されています。STARTTLS に設定してください。" }
      : { title: "Device does not sign in", summary: "The device sends without SMTP authentication. smtp.office365.com only accepts signed-in submission; sending without sign-in needs Direct Send or a relay connector.", locked: "The account is locked after too many failed sign-ins. A device that keeps retrying with a wrong password keeps it locked.", note: "The device is set to SSL/TLS (implicit TLS); set it to STARTTLS." };
    for (const c of [CANON, undefined]) {
      assert.equal(causeTitle(lang, "no-authentication", c), before.title);
      assert.equal(causeSummary(lang, "no-authentication", undefined, false, undefined, c), before.summary);
      assert.equal(causeSummary(lang, "account-locked", undefined, false, undefined, c), before.locked);
      assert.equal(noteText(lang, "note.implicitTls", c), before.note);
    }
    // A device's whole report is the one a caller without the sender's words gets.
    for (const c of cases("canon")) {
      const d = ev(c);
      const plan = buildPlan(c, d, lang);
      const text = renderText({ case: c, diagnosis: d, plan, lang, width: 200 });
      for (const f of d.causes) assert.ok(causesSection(lang, text).includes(causeTitle(lang, f.id)), f.id);
    }
  });
}

/** Basic auth with no AUTH mechanism recorded: the Info line "a device with a user name and password picks LOGIN" (examples/canon-after-2026.json). */
function noMechanism(vendor: "app" | "canon"): Case {
  return {
    schema: "smtp-auth-doctor/case@1",
    asOf: "2026-12-06",
    device: { vendor, host: "smtp.office365.com", port: 587, security: "starttls", tlsVersion: "1.2", auth: "basic", username: "scanner-3f@contoso.com", from: "scanner-3f@contoso.com" },
    tenant: { smtpClientAuthenticationDisabled: false, securityDefaultsEnabled: false },
    account: { smtpClientAuthenticationDisabled: null },
  };
}

for (const lang of LANGS) {
  test(`${lang}: the evidence's inferences name the application in an application's case, the device in a device's`, () => {
    // Every inference of the catalog, as an evidence line of an application's case (parameters the text does not use are left out).
    const params = { mechanism: "LOGIN", code: "535", number: "50126", host: "smtp.office365.com", date: "2026-12-01", at: "2026-12-01", clue: "x", address: "a@b.c", name: "p", text: "x" };
    const app = noMechanism("app");
    for (const key of Object.keys(causes.en).filter((k) => k.startsWith("inference."))) {
      const line = evidenceLine(lang, app, { kind: "inference", messageKey: key, params });
      assert.ok(!saysDevice(lang, line.text), `${key}: ${line.text}`);
    }
    // In the reports: the Info line of a case with no AUTH mechanism recorded.
    const words = {
      en: { app: "an application with a user name and password picks LOGIN", device: "a device with a user name and password picks LOGIN" },
      ja: { app: "ユーザー名とパスワードを設定したアプリケーションは、その中から LOGIN を自動的に選びます。", device: "ユーザー名とパスワードを設定したデバイスは、その中から LOGIN を自動的に選びます。" },
    }[lang];
    for (const [vendor, own, other] of [["app", words.app, words.device], ["canon", words.device, words.app]] as const) {
      const c = noMechanism(vendor);
      const d = ev(c);
      assert.ok(d.info.some((i) => i.id === "assumed-auth-mechanism"), JSON.stringify(d.info));
      const plan = buildPlan(c, d, lang);
      const text = renderText({ case: c, diagnosis: d, plan, lang, width: 400 });
      const md = renderMarkdown({ case: c, diagnosis: d, plan, lang });
      for (const out of [text, md]) {
        assert.ok(out.includes(own), `${vendor}: ${out}`);
        assert.ok(!out.includes(other), `${vendor}: ${out}`);
      }
    }
  });
}

for (const lang of LANGS) {
  test(`${lang}: the probe's note on a network cause says it was measured from this PC, not from the application`, () => {
    const said = {
      en: { app: "Measured from this PC, not from the application: the application's own network path may differ.", device: "Measured from this PC, not from the device: the device's own network path may differ." },
      ja: { app: "アプリケーションではなく、この PC から測定した結果です。アプリケーションのネットワーク経路は異なる場合があります。", device: "デバイスではなく、この PC から測定した結果です。デバイスのネットワーク経路は異なる場合があります。" },
    }[lang];
    assert.equal(noteText(lang, "probe.note.fromSupportPc", APP), said.app);
    for (const c of [CANON, undefined]) assert.equal(noteText(lang, "probe.note.fromSupportPc", c), said.device);
  });
}
