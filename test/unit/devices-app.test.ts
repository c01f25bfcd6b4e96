// Persona round 5, C10: mail sent by an application or a script (a line-of-business app, a monitoring system, a web app, a
// PowerShell script). An MSP engineer with a Java application had to answer "another maker", and every output then read
// "Maker: another maker". The case records device.vendor "app"; the questions point at the application's configuration
// and its own OAuth 2.0 or Microsoft Graph support; the reports name it and claim nothing a maker's profile would.
import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { parseCase } from "../../src/case/io.js";
import { CASE_SCHEMA_ID, CaseSchema, emptyCase, type Case } from "../../src/case/schema.js";
import { makeServices } from "../../src/cli/wizard-services.js";
import { KNOWN_VENDOR_IDS, VENDOR_IDS } from "../../src/devices/ids.js";
import { evaluateDevice, loadCatalog, loadDevice, planDevice } from "../../src/devices/index.js";
import { MS_GRAPH_SENDMAIL, MS_SMTP_OAUTH } from "../../src/devices/sources.js";
import { APP_WHERE_PATHS, question } from "../../src/flow/questions.js";
import { initFlow } from "../../src/flow/reducer.js";
import { hasKey, t, type Lang } from "../../src/i18n/index.js";
import { renderHandover } from "../../src/report/handover.js";
import { renderMarkdown, renderText, toJson } from "../../src/report/index.js";
import { runMain } from "../helpers/run-main.js";

let dir = "";
before(async () => {
  dir = await mkdtemp(join(tmpdir(), "sad-app-"));
});
after(() => rm(dir, { recursive: true, force: true }));

const squash = (s: string) => s.replace(/\s+/g, "");
const TENANT_OFF = "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.";

/** The persona's case: a Java application with a password, the tenant's SMTP AUTH off. */
const javaApp = (vendor: "app" | "other"): Case => ({
  schema: CASE_SCHEMA_ID,
  asOf: "2026-11-22",
  device: { vendor, host: "smtp.office365.com", port: 587, security: "starttls", auth: "basic", username: "orders@contoso.com", reply: `javax.mail.AuthenticationFailedException: ${TENANT_OFF}` },
});

async function reports(c: Case, lang: Lang) {
  const dev = await loadDevice(c);
  const diagnosis = evaluateDevice(c, dev, "2026-11-22");
  const plan = planDevice(c, diagnosis, lang, dev);
  const input = { case: c, diagnosis, plan, lang, width: 80 };
  return { plan, text: renderText(input), md: renderMarkdown(input), json: JSON.stringify(toJson(diagnosis, plan)), handover: renderHandover(input) };
}

test("the case schema and its quick check accept device.vendor 'app'; a case file with 'other' reads as before", async () => {
  assert.ok(VENDOR_IDS.includes("app"));
  assert.ok(!(KNOWN_VENDOR_IDS as readonly string[]).includes("app"), "not a maker with a profile");
  assert.equal(CaseSchema.safeParse(javaApp("app")).success, true);
  for (const vendor of ["app", "other"] as const) assert.equal(parseCase(JSON.stringify(javaApp(vendor)), "case").device?.vendor, vendor);
});

test("every device question that speaks of a printer has an application's directions, in both languages; only an 'app' case gets them", () => {
  const app: Case = { ...emptyCase(), device: { vendor: "app" } };
  const other: Case = { ...emptyCase(), device: { vendor: "other" } };
  for (const path of APP_WHERE_PATHS) {
    const key = `questions.${path}.where.app`;
    assert.ok(hasKey(key), key);
    assert.equal(question(path, app).where, key);
    assert.equal(question(path, other).where, question(path).where, `${path}: a maker's case keeps the device's directions`);
    assert.equal(question(path, app).prompt, question(path).prompt);
    for (const lang of ["en", "ja"] as const) {
      const text = t(lang, question(path, app).where);
      assert.notEqual(text, t(lang, question(path).where));
      // Not a printer's panel, web page or firmware.
      assert.doesNotMatch(text, lang === "ja" ? /操作パネル|ファームウェア|デバイスの/ : /panel|firmware|device's/i, `${lang} ${path}: ${text}`);
      assert.match(text, lang === "ja" ? /アプリケーション/ : /application/, `${lang} ${path}`);
    }
  }
  // The OAuth question: the application's own OAuth 2.0 for SMTP, or Microsoft Graph's sendMail.
  for (const lang of ["en", "ja"] as const) assert.match(t(lang, question("device.oauthSupported", app).where), /XOAUTH2[\s\S]*Microsoft Graph \(sendMail\)/);
  // The questions that are not about the device's own settings stay as they are.
  assert.equal(question("tenant.securityDefaultsEnabled", app), question("tenant.securityDefaultsEnabled"));
});

test("the wizard shows no maker's notes for an application (no maker's OAuth page, no 'On this … device')", async () => {
  const services = makeServices({ today: "2026-11-22", cwd: process.cwd(), ascii: false, devices: await loadCatalog() });
  for (const lang of ["en", "ja"] as const) {
    const state = initFlow(services.deps, { lang, langExplicit: true, empty: emptyCase(), loaded: { ...emptyCase(), device: { vendor: "app" } } });
    for (const path of APP_WHERE_PATHS) assert.deepEqual(services.deviceHint?.(state, path), [], `${lang} ${path}`);
  }
});

test("the reports name the application (text, Markdown, JSON, hand-over) and claim nothing a maker's profile would, in both languages", async () => {
  for (const lang of ["en", "ja"] as const) {
    const { plan, text, md, json, handover } = await reports(javaApp("app"), lang);
    const dev = plan.device;
    assert.ok(dev);
    assert.equal(dev.vendor, "app");
    assert.equal(dev.vendorName, t(lang, "devices.vendor.app"));
    assert.equal(dev.modelMatch, "app");
    assert.deepEqual(dev.panel, []);
    assert.deepEqual(dev.sources, [MS_SMTP_OAUTH, MS_GRAPH_SENDMAIL]);
    assert.deepEqual(dev.lines.map((l) => l.text), [t(lang, "devices.app.oauth"), t(lang, "devices.app.settings")]);
    // No maker's token method, tenant action, connection test or panel, and no step says where it is "on this device".
    const labels = dev.lines.map((l) => l.label);
    for (const key of ["devices.label.token", "devices.label.tenant", "devices.label.test", "devices.label.panel"] as const) assert.ok(!labels.includes(t(lang, key)), key);
    assert.ok(plan.steps.every((s) => s.device === undefined));
    // The OAuth option carries the application's line, under its own heading.
    const oauth = plan.options.find((o) => o.id === "oauth");
    assert.deepEqual(oauth?.device?.map((l) => l.text), [t(lang, "devices.app.oauth")]);

    for (const [name, out] of [["text", text], ["md", md]] as const) {
      const s = squash(out);
      assert.ok(s.includes(squash(t(lang, "devices.maker.app"))), `${lang} ${name}: names the application`);
      assert.ok(s.includes(squash(t(lang, "devices.onApp"))), `${lang} ${name}: the option's heading`);
      assert.ok(!s.includes(squash(t(lang, "devices.vendor.other"))), `${lang} ${name}: not another maker`);
      assert.ok(!s.includes(squash(t(lang, "devices.other"))), `${lang} ${name}: not a maker without a profile`);
      assert.ok(!s.includes(squash(t(lang, "devices.onDevice", { vendor: t(lang, "devices.vendor.app") }))), `${lang} ${name}: not "On this … device"`);
      assert.ok(s.includes(MS_GRAPH_SENDMAIL), `${lang} ${name}: the source`);
    }
    // The Markdown's facts table: the fact in words (what sends the mail, not "Maker of the device"), the code after it.
    assert.ok(md.includes(`| ${t(lang, "plan.report.fact.device.vendor.app")} (\`device.vendor\`) | ${t(lang, "devices.vendor.app")} (app) |`), md);
    const parsed = JSON.parse(json) as { plan: { device: { vendorName: string; modelMatch: string } } };
    assert.deepEqual([parsed.plan.device.vendorName, parsed.plan.device.modelMatch], [t(lang, "devices.vendor.app"), "app"]);
    // The hand-over's line is headed "Application:", not "Device:" (persona round 8).
    assert.match(handover, new RegExp(`${t(lang, "plan.handover.device", { Sender: t(lang, "plan.sender.app.cap") })}\\s+${t(lang, "devices.vendor.app")}${t(lang, "plan.handover.device.sep")}orders@contoso\\.com`), handover);
  }
});

test("a case with 'other' reads as before: another maker, the general steps", async () => {
  for (const lang of ["en", "ja"] as const) {
    const { plan, text } = await reports(javaApp("other"), lang);
    assert.equal(plan.device?.modelMatch, "other-maker");
    assert.ok(squash(text).includes(squash(t(lang, "devices.maker", { vendor: t(lang, "devices.vendor.other") }))), text);
    assert.ok(squash(text).includes(squash(t(lang, "devices.other"))), text);
  }
});

test("the CLI: diagnose reads a case file with 'app'; devices lists only makers; explain --vendor app reads the reply and names the application", async () => {
  const file = join(dir, "app.json");
  await writeFile(file, JSON.stringify(javaApp("app")));
  const r = await runMain(["diagnose", "--case", file, "--lang", "en"]);
  assert.equal(r.code, 1, r.stderr);
  assert.ok(squash(r.stdout).includes(squash(t("en", "devices.maker.app"))));
  const list = JSON.parse((await runMain(["devices", "--json"])).stdout) as { vendors: { id: string }[] };
  assert.deepEqual(list.vendors.map((v) => v.id), [...KNOWN_VENDOR_IDS]);
  assert.equal((await runMain(["devices", "app"])).code, 2, "not a maker to show");
  const explained = await runMain(["explain", "--vendor", "app", "--lang", "ja", TENANT_OFF]);
  assert.ok(squash(explained.stdout).includes(squash(t("ja", "devices.maker.app"))), explained.stdout);
  // Text that is no SMTP reply: an application has no panel codes to list (it is no maker's).
  const unread = await runMain(["explain", "--vendor", "app", "--lang", "en", "something went wrong"]);
  assert.equal(unread.code, 2);
  assert.ok(!unread.stderr.includes(t("en", "devices.vendor.app")), unread.stderr);
});
