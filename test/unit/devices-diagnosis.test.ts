// For each of the twelve makers, in Japanese and English: the diagnosis of a blocked Basic-auth case
// and of a case after the end-of-December-2026 change names where that maker's settings are (or
// says our sources do not know) and its OAuth position, with sources; through the real CLI.
import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { KNOWN_VENDOR_IDS, type KnownVendorId } from "../../src/devices/ids.js";
import { deviceFrom, loadCatalog, type Catalog } from "../../src/devices/index.js";
import { questionHint } from "../../src/devices/plan-hints.js";
import type { DeviceLine, DevicePlan } from "../../src/devices/report-types.js";
import { resolve, settingHints } from "../../src/devices/resolve.js";
import type { SettingId } from "../../src/devices/types.js";
import { t, type Lang } from "../../src/i18n/index.js";
import { runMain } from "../helpers/run-main.js";

let dir = "";
let catalog: Catalog;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), "sad-devices-"));
  catalog = await loadCatalog();
});
after(() => rm(dir, { recursive: true, force: true }));

/** Whitespace-free: the terminal report wraps lines (and Japanese wraps between characters). */
const squash = (s: string) => s.replace(/\s+/g, "");

const TENANT_OFF = "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.";

async function caseFile(name: string, body: object): Promise<string> {
  const path = join(dir, `${name}.json`);
  await writeFile(path, JSON.stringify({ schema: "smtp-auth-doctor/case@1", ...body }));
  return path;
}

/** What the report must name for a setting: the first hint's path (in the reader's language, or the one there is), or "not in our sources". */
function expectedPlace(lang: Lang, vendor: KnownVendorId, id: SettingId): string {
  const hint = settingHints(resolve(catalog[vendor]), id)[0];
  if (!hint) return t(lang, "devices.unknownSetting", { vendor: t(lang, `devices.vendor.${vendor}`) });
  const path = hint.path[lang]?.length ? hint.path[lang] : (hint.path.en ?? hint.path.ja ?? []);
  return path.join(" > ");
}

interface Json {
  verdict: string;
  causes: { id: string }[];
  plan: { device?: DevicePlan; steps: { id: string; device?: { lines: DeviceLine[] } }[]; options: { id: string; device?: DeviceLine[] }[] };
}

for (const vendor of KNOWN_VENDOR_IDS) {
  for (const lang of ["ja", "en"] as const) {
    test(`${vendor} ${lang}: a blocked Basic-auth case names where the settings are and the OAuth position`, async () => {
      const file = await caseFile(`blocked-${vendor}`, { asOf: "2026-11-22", device: { vendor, auth: "basic", username: "mfp@contoso.com", from: "mfp@contoso.com", reply: TENANT_OFF } });
      const text = await runMain(["diagnose", "--case", file, "--lang", lang]);
      assert.equal(text.code, 1, text.stderr);
      const out = squash(text.stdout);
      assert.ok(text.stdout.includes(t(lang, "devices.section")), "the device section");
      assert.ok(out.includes(squash(t(lang, "devices.maker", { vendor: t(lang, `devices.vendor.${vendor}`) }))), "names the maker");
      assert.ok(out.includes(squash(t(lang, "devices.label.settings"))));
      assert.ok(out.includes(squash(expectedPlace(lang, vendor, "server"))) || out.includes(squash(expectedPlace(lang, vendor, "authMethod"))) || out.includes(squash(expectedPlace(lang, vendor, "oauth"))), `the settings place:\n${text.stdout}`);
      assert.ok(out.includes(squash(catalog[vendor].oauth.support.text[lang])), "the OAuth position in the reader's language");
      assert.ok(out.includes(squash(t(lang, "devices.label.tenant"))), "what the tenant admin must do");
      assert.ok(out.includes(squash(t(lang, `devices.conf.${catalog[vendor].oauth.support.confidence}`))), "how sure it is");
      for (const url of [...catalog[vendor].oauth.support.sources, ...(catalog[vendor].oauth.support.check ?? [])]) assert.ok(text.stdout.includes(url), `source ${url}`);
      // The OAuth option carries the same position.
      const json = JSON.parse((await runMain(["diagnose", "--case", file, "--lang", lang, "--json"])).stdout) as Json;
      assert.equal(json.verdict, "blocked");
      assert.ok(json.causes.some((c) => c.id === "tenant-smtp-auth-disabled"));
      assert.equal(json.plan.device?.vendor, vendor);
      assert.equal(json.plan.device?.oauth.support, catalog[vendor].oauth.support.value);
      const oauth = json.plan.options.find((o) => o.id === "oauth");
      assert.ok(oauth?.device?.some((l) => l.text.includes(catalog[vendor].oauth.support.text[lang])), "the OAuth option says whether this maker supports it");
      assert.ok(oauth?.device?.some((l) => l.label === t(lang, "devices.label.token")) && oauth.device.some((l) => l.label === t(lang, "devices.label.tenant")));
    });

    test(`${vendor} ${lang}: after December 2026 the move to OAuth says where OAuth is set on this device (or that it is unknown) and its position`, async () => {
      const file = await caseFile(`after-${vendor}`, {
        asOf: "2027-01-15",
        device: { vendor, host: "smtp.office365.com", port: 587, security: "starttls", tlsVersion: "1.2", auth: "basic", username: "mfp@contoso.com", from: "mfp@contoso.com" },
        tenant: { smtpClientAuthenticationDisabled: false, securityDefaultsEnabled: false, basicAuthSmtpReenabled: false },
      });
      const r = await runMain(["diagnose", "--case", file, "--lang", lang, "--json"]);
      const json = JSON.parse(r.stdout) as Json;
      assert.ok(json.causes.some((c) => c.id === "basic-auth-retired"), r.stdout.slice(0, 400));
      const step = json.plan.steps.find((s) => s.id === "move-to-oauth");
      assert.ok(step?.device, "the move-to-OAuth step has the device's lines");
      const lines = step.device.lines;
      const oauthLabel = t(lang, "devices.setting.oauth");
      const place = lines.find((l) => l.label === oauthLabel);
      assert.ok(place, "where OAuth is set");
      assert.ok(squash(place.text).includes(squash(expectedPlace(lang, vendor, "oauth"))), place.text);
      if (!settingHints(resolve(catalog[vendor]), "oauth").length) assert.equal(place.confidence, "unconfirmed", "an unknown place is said to be unknown");
      assert.ok(lines.some((l) => l.label === t(lang, "devices.label.verify")), "the verify step names the device's connection test (or says there is none in our sources)");
      for (const l of lines) assert.ok(l.sources.length + l.check.length > 0 || l.confidence === "unconfirmed", `${l.label}: sourced`);
      // The text report, in the reader's language, with the position.
      const text = await runMain(["diagnose", "--case", file, "--lang", lang]);
      const out = squash(text.stdout);
      assert.ok(out.includes(squash(t(lang, "devices.onDevice", { vendor: t(lang, `devices.vendor.${vendor}`) }))));
      assert.ok(out.includes(squash(catalog[vendor].oauth.support.text[lang])));
      assert.ok(out.includes(squash(expectedPlace(lang, vendor, "oauth"))));
    });
  }
}

test("a model narrows the position: Canon imageRUNNER ADVANCE DX, Konica Minolta i-Series, Sharp BP-70C65 (panel only), HP LaserJet Pro M428 (no)", async () => {
  const cases: [KnownVendorId, string, string][] = [
    ["canon", "imageRUNNER ADVANCE DX C5840i", "yes"],
    ["konica-minolta", "bizhub C4000i", "yes"],
    ["sharp", "BP-70C65", "yes"],
    ["hp", "LaserJet Pro MFP M428fdw", "no"],
    ["fujifilm", "DocuCentre-IV C2260", "no"],
    ["toshiba", "e-STUDIO 2515AC", "partial"],
  ];
  for (const [vendor, model, support] of cases) {
    const file = await caseFile(`model-${vendor}`, { asOf: "2027-01-15", device: { vendor, model, auth: "basic" } });
    const json = JSON.parse((await runMain(["diagnose", "--case", file, "--json"])).stdout) as Json;
    assert.equal(json.plan.device?.oauth.support, support, `${vendor} ${model}`);
    assert.equal(json.plan.device?.model, model);
    assert.equal(json.plan.device?.modelMatch, vendor === "toshiba" ? "not-distinguished" : "family");
  }
  const sharp = JSON.parse((await runMain(["diagnose", "--case", await caseFile("bp", { device: { vendor: "sharp", model: "BP-70C65", auth: "basic" } }), "--json"])).stdout) as Json;
  assert.equal(sharp.plan.device?.oauth.token, "panel");
  // No model: the maker's facts, and "depends on the model" said plainly.
  const text = await runMain(["diagnose", "--case", await caseFile("nomodel", { device: { vendor: "canon", auth: "basic" } })]);
  assert.ok(squash(text.stdout).includes(squash(t("en", "devices.family.noModel"))));
  const other = await runMain(["diagnose", "--case", await caseFile("canon-mf", { device: { vendor: "canon", model: "imageCLASS MF445dw", auth: "basic" } })]);
  assert.ok(squash(other.stdout).includes(squash(t("en", "devices.family.none"))));
});

test("the model is outside text: control characters never reach the terminal raw", async () => {
  const file = await caseFile("evil", { device: { vendor: "sharp", model: "BP-70C65\u001b]52;c;ZXZpbA==\u0007\u202e", auth: "basic" } });
  for (const format of ["text", "md"]) {
    const r = await runMain(["diagnose", "--case", file, "--format", format]);
    assert.ok(!r.stdout.includes("\u001b") && !r.stdout.includes("\u0007") && !r.stdout.includes("\u202e"), format);
    // Shown visibly (Markdown escapes the backslash and the bracket once more).
    assert.ok(r.stdout.includes("\\x1b]52") || r.stdout.includes("\\\\x1b\\]52"), `${format}: shown visibly`);
  }
});

test("device.vendor outside the list is bad input (exit 2) with a message that lists the ids, in both languages", async () => {
  const file = await caseFile("bad-vendor", { device: { vendor: "panasonic" } });
  for (const lang of ["ja", "en"] as const) {
    const r = await runMain(["diagnose", "--case", file, "--lang", lang]);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, "");
    for (const id of [...KNOWN_VENDOR_IDS, "other"]) assert.ok(r.stderr.includes(id), `${lang}: ${id} listed`);
    assert.equal(r.stderr.trim().split("\n").length, 1, "one line");
    if (lang === "ja") assert.match(r.stderr, /いずれか/);
  }
  const json = await runMain(["diagnose", "--case", file, "--json"]);
  assert.equal((JSON.parse(json.stdout) as { error: { code: string } }).error.code, "case.enum");
  const long = await caseFile("long-model", { device: { vendor: "canon", model: "x".repeat(129) } });
  assert.equal((await runMain(["diagnose", "--case", long])).code, 2, "the model is bounded");
  const other = await caseFile("other", { device: { vendor: "other", model: "Panasonic DP-MB545", auth: "basic" }, asOf: "2027-01-15" });
  const r = await runMain(["diagnose", "--case", other]);
  assert.ok(squash(r.stdout).includes(squash(t("en", "devices.other"))), "another maker: said, and the steps stay general");
});

test("a case without a maker has no device section and does not load any maker's data", async () => {
  const file = await caseFile("plain", { device: { auth: "basic", reply: TENANT_OFF } });
  const r = await runMain(["diagnose", "--case", file, "--json"]);
  const json = JSON.parse(r.stdout) as Json;
  assert.equal(json.plan.device, undefined);
  assert.ok(json.plan.steps.every((s) => s.device === undefined));
});

test("the device parts of the terminal report fit 80 columns in both languages (source URLs stand on their own lines, never cut)", async () => {
  const { evaluateDevice, planDevice, loadDevice } = await import("../../src/devices/index.js");
  const { renderText } = await import("../../src/report/index.js");
  const stringWidth = (await import("string-width")).default;
  for (const vendor of KNOWN_VENDOR_IDS) {
    const c = { schema: "smtp-auth-doctor/case@1" as const, asOf: "2027-01-15", device: { vendor, model: "Model 1234", host: "10.0.0.5", port: 465, security: "tls" as const, auth: "basic" as const, reply: TENANT_OFF } };
    const dev = await loadDevice(c);
    const d = evaluateDevice(c, dev, "2027-01-15");
    for (const lang of ["ja", "en"] as const) {
      const plan = planDevice(c, d, lang, dev);
      const commands = new Set(plan.steps.flatMap((s) => [...s.check, ...s.commands, ...s.verify.commands, ...(s.undo?.commands ?? [])].map((x) => x.text)));
      for (const line of renderText({ case: c, diagnosis: d, plan, lang, width: 80 }).split("\n")) {
        if (commands.has(line.trim()) || /^\s+\[\d+\] https?:\/\//.test(line)) continue;
        assert.ok(stringWidth(line) <= 80, `${vendor} ${lang}: ${line}`);
      }
    }
  }
});

test("the 'how does the device sign in?' question shows the maker's OAuth page first, in its own labels (persona round 5, C9: Canon's cited a reseller's English path)", async () => {
  const catalog = await loadCatalog();
  const dev = deviceFrom({ schema: "smtp-auth-doctor/case@1", device: { vendor: "canon" } }, catalog);
  const lines = questionHint("ja", dev, "device.auth");
  const first = lines.find((l) => !l.text.startsWith("http"));
  assert.ok(first?.text.includes("OAuth 2.0(Microsoft)の設定"), JSON.stringify(lines.slice(0, 2)));
});
