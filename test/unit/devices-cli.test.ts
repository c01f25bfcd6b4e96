// explain --vendor reads the makers' panel codes and messages (the SMTP reply, if any, still
// decides); `smtp-auth-doctor devices` lists the makers; the makers' data loads only when needed.
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { KNOWN_VENDOR_IDS, VENDOR_IDS } from "../../src/devices/ids.js";
import { loadCatalog } from "../../src/devices/index.js";
import type { DevicePlan } from "../../src/devices/report-types.js";
import { t } from "../../src/i18n/index.js";
import { runMain } from "../helpers/run-main.js";
import { REFERENCE_PANEL } from "../helpers/devices.js";

const squash = (s: string) => s.replace(/\s+/g, "");

interface ExplainJson {
  verdict: string;
  causes: { id: string; status: string; evidence: { kind: string; patternId?: string }[] }[];
  plan: { device?: DevicePlan };
}

test("every panel code and message in the reference is recognised with --vendor, with its meaning and source, in both languages", async () => {
  const catalog = await loadCatalog();
  for (const { vendor, text, entry } of REFERENCE_PANEL) {
    const e = catalog[vendor].panel.find((p) => p.id === entry);
    assert.ok(e, entry);
    for (const lang of ["ja", "en"] as const) {
      const r = await runMain(["explain", "--vendor", vendor, "--lang", lang, text]);
      assert.ok([1, 3].includes(r.code), `${vendor} ${text}: exit ${r.code} ${r.stderr}`);
      const out = squash(r.stdout);
      assert.ok(out.includes(squash(e.meaning[lang])), `${vendor} ${lang} ${text}: the meaning\n${r.stdout}`);
      for (const url of e.sources) assert.ok(r.stdout.includes(url), `${vendor} ${text}: source ${url}`);
      assert.ok(out.includes(squash(t(lang, `devices.conf.${e.confidence}`))), "how sure it is");
    }
    const json = JSON.parse((await runMain(["explain", "--vendor", vendor, "--json", text])).stdout) as ExplainJson;
    assert.equal(json.plan.device?.vendor, vendor);
    assert.ok(json.plan.device?.panel.some((l) => squash(l.text).includes(squash(e.meaning.en))));
    // The causes it points at are possible, never blocking (unless the message names its one cause in the device's
    // own words: then it blocks, as a reply naming its cause does), and their evidence is the device's message.
    for (const c of json.causes.filter((c) => e.causes.includes(c.id as never))) {
      assert.equal(c.status, e.names ? "blocking" : "possible", `${entry} → ${c.id}`);
    }
    if ((e.causes.length > 1 && entry !== "kyocera-1102") || e.names) {
      assert.ok(json.causes.some((c) => c.evidence.some((ev) => ev.patternId === `panel:${entry}`)), `${entry}: the engine used the panel code`);
    }
    if (e.causes.length === 1 && !e.names) {
      // A single cause from a device's general message stays possible, never decided: now among the causes (ninth hunt #3: Ricoh's
      // "Transmission has failed" pointed at Send As in the device section while the causes said none).
      const own = json.causes.filter((c) => c.evidence.some((ev) => ev.patternId === `panel:${entry}`));
      assert.deepEqual(own.map((c) => `${c.id}:${c.status}`), [`${e.causes[0]}:possible`], entry);
      assert.notEqual(json.verdict, "blocked", entry);
    }
  }
});

test("Sharp's 'Token update failed' names its cause: blocked, and the plan's first step gets a new token on the device (persona P2-07)", async () => {
  for (const [lang, text] of [["ja", "トークンの更新に失敗しました。トークンを削除して再取得してください。"], ["en", "Token update failed. Please delete the token and obtain it again."]] as const) {
    const r = await runMain(["explain", "--vendor", "sharp", "--lang", lang, "--json", text]);
    assert.equal(r.code, 1, r.stderr);
    const json = JSON.parse(r.stdout) as ExplainJson & { plan: { steps: { id: string; title: string }[] } };
    assert.deepEqual(json.causes.map((c) => `${c.id}:${c.status}`), ["device-oauth-token:blocking"]);
    assert.equal(json.plan.steps[0]?.id, "device-oauth-token");
    assert.equal(json.plan.steps[0]?.title, t(lang, "plan.step.device-oauth-token.title"));
  }
  const text = await runMain(["explain", "--vendor", "sharp", "Token update failed."]);
  assert.ok(squash(text.stdout).includes(squash(t("en", "cli.explain.deviceNames", { causes: t("en", "cause.device-oauth-token.title") }))), "the device names it, not the server");
  // Without --vendor the message is read as Sharp's all the same, and said so (it was bad input naming the --vendor to run
  // again with; persona round 7); the case records the maker as assumed, and the device is known to sign in with OAuth.
  for (const lang of ["ja", "en"] as const) {
    const r = await runMain(["explain", "--lang", lang, "トークンの更新に失敗しました。"]);
    assert.equal(r.code, 1, r.stderr);
    assert.ok(squash(r.stdout).includes(squash(t(lang, "cli.explain.vendorAssumed", { vendor: t(lang, "devices.vendor.sharp") }))), r.stdout);
    const j = await runMain(["explain", "--lang", lang, "--json", "トークンの更新に失敗しました。"]);
    const json = JSON.parse(j.stdout) as ExplainJson & { case?: { device?: { vendor?: string } }; plan: { options: unknown[] } };
    assert.deepEqual(json.causes.map((c) => `${c.id}:${c.status}`), ["device-oauth-token:blocking"]);
    // No Basic options for a device that shows it holds an OAuth token.
    assert.deepEqual(json.plan.options, [], lang);
  }
});

test("Xerox 027-779 is a sign-in failure; without --vendor it is read as Xerox's (only Xerox shows it), and said so", async () => {
  const bare = await runMain(["explain", "027-779"]);
  assert.equal(bare.code, 3, bare.stderr);
  assert.ok(squash(bare.stdout).includes(squash(t("en", "cli.explain.vendorAssumed", { vendor: t("en", "devices.vendor.xerox") }))), bare.stdout);
  // A code no maker's list holds stays unread.
  assert.equal((await runMain(["explain", "999-999"])).code, 2);
  const r = await runMain(["explain", "--vendor", "xerox", "027-779"]);
  assert.equal(r.code, 3, "possible causes only: undetermined");
  assert.ok(r.stdout.includes(t("en", "devices.ev.panel", { reply: "027-779" })), "the evidence is the device's message, not a server reply");
  assert.ok(r.stdout.includes("https://www.support.xerox.com/en-us/article/KB0238716"), "the Xerox KB to check");
});

test("an unknown code of the maker's shape is said to be unknown; a code the reference could not confirm is unconfirmed", async () => {
  for (const lang of ["ja", "en"] as const) {
    const unknown = await runMain(["explain", "--vendor", "canon", "--lang", lang, "#999"]);
    assert.equal(unknown.code, 3, unknown.stderr);
    assert.ok(squash(unknown.stdout).includes(squash(t(lang, "devices.panel.unknown", { code: "#999", vendor: t(lang, "devices.vendor.canon") }))), unknown.stdout);
    const unconfirmed = await runMain(["explain", "--vendor", "canon", "--lang", lang, "エラー #802"]);
    assert.equal(unconfirmed.code, 3);
    assert.ok(squash(unconfirmed.stdout).includes(squash(t(lang, "devices.conf.unconfirmed"))));
    assert.ok(unconfirmed.stdout.includes("https://anabel.icu/blog/fix-canon-smtp-error-802"), "the page to check");
  }
  // Text that is neither an SMTP reply nor a code of the maker: bad input, listing the codes we know.
  const none = await runMain(["explain", "--vendor", "sharp", "paper jam"]);
  assert.equal(none.code, 2);
  assert.ok(none.stderr.includes("Token update failed"), none.stderr);
  const toshiba = await runMain(["explain", "--vendor", "toshiba", "paper jam"]);
  assert.equal(toshiba.code, 2);
  assert.ok(toshiba.stderr.includes(t("en", "devices.panel.noneKnown", { vendor: t("en", "devices.vendor.toshiba") })));
});

test("the SMTP reply still decides: a panel message next to a server reply only adds context", async () => {
  const text = "Transmission has failed.\n550 5.7.60 SMTP; Client does not have permissions to send as this sender";
  const json = JSON.parse((await runMain(["explain", "--vendor", "ricoh", "--json", text])).stdout) as ExplainJson;
  const sendAs = json.causes.find((c) => c.id === "send-as-denied");
  assert.ok(sendAs, "the reply's cause");
  assert.ok(sendAs.evidence.every((ev) => !ev.patternId?.startsWith("panel:")), "decided by the server's reply");
  assert.ok(json.plan.device?.panel.some((l) => l.text.includes(t("en", "devices.panel.replyDecides"))));
  // A tenant refusal with a Kyocera code: the reply decides (blocking), 1102 is context.
  const k = JSON.parse((await runMain(["explain", "--vendor", "kyocera", "--json", `Send error 1102\n535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.`])).stdout) as ExplainJson;
  assert.equal(k.causes.find((c) => c.id === "tenant-smtp-auth-disabled")?.status, "blocking");
});

test("a pasted panel message in a case with device.vendor is read the same way", async () => {
  const { mkdtemp, writeFile, rm } = await import("node:fs/promises");
  const { tmpdir } = await import("node:os");
  const dir = await mkdtemp(join(tmpdir(), "sad-panel-"));
  try {
    const file = join(dir, "case.json");
    await writeFile(file, JSON.stringify({ schema: "smtp-auth-doctor/case@1", device: { vendor: "xerox", model: "WorkCentre 7345", reply: "Job failed 027-779" } }));
    const json = JSON.parse((await runMain(["diagnose", "--case", file, "--json"])).stdout) as ExplainJson;
    assert.ok(json.causes.some((c) => c.evidence.some((ev) => ev.patternId === "panel:xerox-027-779")));
    assert.ok(json.plan.device?.panel.length);
    // Without the maker the same text says nothing about a panel code.
    await writeFile(file, JSON.stringify({ schema: "smtp-auth-doctor/case@1", device: { reply: "Job failed 027-779" } }));
    const plain = JSON.parse((await runMain(["diagnose", "--case", file, "--json"])).stdout) as ExplainJson;
    assert.equal(plain.plan.device, undefined);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("--vendor outside the list is bad input listing the ids; --model is bounded", async () => {
  for (const lang of ["ja", "en"] as const) {
    const r = await runMain(["explain", "--vendor", "panasonic", "--lang", lang, "535 5.7.3 Authentication unsuccessful"]);
    assert.equal(r.code, 2);
    for (const id of VENDOR_IDS) assert.ok(r.stderr.includes(id), id);
  }
  assert.equal((await runMain(["explain", "--vendor", "canon", "--model", "x".repeat(200), "#839"])).code, 2);
  const help = await runMain(["explain", "--help", "--lang", "ja"]);
  assert.ok(help.stdout.includes("--vendor"));
});

test("devices: the table of the twelve makers with OAuth support, token method, tenant admin and sources, in both languages", async () => {
  const catalog = await loadCatalog();
  for (const lang of ["ja", "en"] as const) {
    const r = await runMain(["devices", "--lang", lang]);
    assert.equal(r.code, 0, r.stderr);
    for (const id of KNOWN_VENDOR_IDS) {
      assert.ok(r.stdout.includes(t(lang, `devices.vendor.${id}`).split(" ")[0] as string), `${lang} ${id}`);
      for (const u of catalog[id].oauth.support.sources) assert.ok(r.stdout.includes(u), `${id} ${u}`);
    }
    assert.ok(r.stdout.includes(t(lang, "devices.cmd.col.token")));
    assert.ok(squash(r.stdout).includes(squash(t(lang, "devices.cmd.legend"))));
    for (const line of r.stdout.split("\n")) if (!/^\s*\[\d+\] https?:/.test(line)) assert.ok(line.length <= 80 * 2, "fits");
  }
  const json = JSON.parse((await runMain(["devices", "--json"])).stdout) as { vendors: { id: string; oauth: { support: { value: string; confidence: string; sources: string[] }; token: { method: string }; tenant: { action: string } }; sources: string[] }[] };
  assert.deepEqual(json.vendors.map((v) => v.id), [...KNOWN_VENDOR_IDS]);
  for (const v of json.vendors) {
    assert.equal(v.oauth.support.value, catalog[v.id as (typeof KNOWN_VENDOR_IDS)[number]].oauth.support.value);
    assert.ok(v.sources.length > 0);
  }
});

test("devices ID: one maker in full; a wrong id is bad input; --help", async () => {
  for (const id of KNOWN_VENDOR_IDS) {
    for (const lang of ["ja", "en"] as const) {
      const r = await runMain(["devices", id, "--lang", lang]);
      assert.equal(r.code, 0, `${id} ${lang} ${r.stderr}`);
      assert.ok(r.stdout.includes(t(lang, "devices.cmd.codes")));
      assert.ok(r.stdout.includes(t(lang, "devices.label.settings")));
    }
    const json = JSON.parse((await runMain(["devices", id, "--json"])).stdout) as { vendor: { id: string; settings: Record<string, unknown[]> } };
    assert.equal(json.vendor.id, id);
  }
  const canon = await runMain(["devices", "canon", "--lang", "ja"]);
  assert.ok(canon.stdout.includes("OAuth 2.0(Microsoft)の設定"), "Canon's own Japanese labels");
  const bad = await runMain(["devices", "panasonic"]);
  assert.equal(bad.code, 2);
  assert.ok(bad.stderr.includes("lexmark"));
  const help = await runMain(["devices", "--help"]);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /--json/);
  assert.ok((await runMain(["--help"])).stdout.includes("devices"));
});

test("the makers' data loads only when needed: each vendor file is its own chunk, imported only dynamically", () => {
  const dist = join(process.cwd(), "dist");
  if (!existsSync(join(dist, "cli.js"))) return; // `npm test` builds first; a filtered run may not have.
  const files = [join(dist, "cli.js"), ...readdirSync(join(dist, "chunks")).map((f) => join(dist, "chunks", f))];
  const text = new Map(files.map((f) => [f, readFileSync(f, "utf8")]));
  for (const marker of ["oip.manual.canon", "global.sharp/restricted", "konicaminolta", "download4.epson.biz"]) {
    const holders = files.filter((f) => text.get(f)?.includes(marker));
    assert.equal(holders.length, 1, `${marker} in exactly one chunk: ${holders.join(", ")}`);
    const chunk = (holders[0] as string).split("/").pop() as string;
    for (const [f, body] of text) {
      if (f === holders[0]) continue;
      // A static import names the chunk in `from"./…"`; a dynamic one in `import("./…")`.
      assert.ok(!new RegExp(`from\\s*"[^"]*${chunk.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"`).test(body), `${f} imports ${chunk} statically`);
    }
  }
  assert.ok(!text.get(join(dist, "cli.js"))?.includes("oip.manual.canon"));
});

test("a maker's product lines described in our words are in the user's language; product names stay the maker's (persona run, 2026-12-04)", async () => {
  const all = (await runMain(["devices", "--lang", "ja"])).stdout;
  const one = (await runMain(["devices", "brother", "--lang", "ja"])).stdout;
  for (const text of [all, one]) assert.ok(!/printers and MFPs|Enterprise and Managed|ES scanners|BP series|\[object Object\]/.test(text), text.slice(0, 400));
  assert.match(one, /ブラザー \(brother\): Web Based Management を備えたプリンターと複合機/);
  assert.match((await runMain(["devices", "brother", "--lang", "en"])).stdout, /printers and MFPs with Web Based Management/);
  const json = JSON.parse((await runMain(["devices", "sharp", "--lang", "ja", "--json"])).stdout) as { lines?: string; vendors?: Array<{ lines: string }> };
  assert.match(JSON.stringify(json), /BP シリーズ/);
});

// Persona round 7 #13: explain's note that the server's reply is not in the text gave a Canon's help desk the developer's
// debug tips (curl -v, SMTPDebug, set_debuglevel, nodemailer). A known maker is pointed at its device's send log; an
// application (--vendor app) or no maker keeps the tips; both languages, the text report and Markdown alike.
test("explain: the server's reply hidden: a maker's device is pointed at its send log, an application at its debug log", async () => {
  const text = "エラー #839\n送信できませんでした。SMTPサーバーの認証に失敗しました。";
  // Markdown escapes its own characters (set\_debuglevel): read without the escapes.
  const plain = (s: string) => s.replace(/\\(.)/g, "$1");
  const flat = (s: string) => plain(s).replace(/\s+/g, "");
  for (const lang of ["ja", "en"] as const) {
    for (const format of ["text", "md"] as const) {
      const canon = (await runMain(["explain", "--vendor", "canon", "--lang", lang, "--format", format, text], { columns: 80 })).stdout;
      assert.ok(flat(canon).includes(flat(t(lang, "info.server-text-hidden.device", { vendor: t(lang, "devices.vendor.canon") }))), `${lang} ${format}\n${canon}`);
      for (const tip of ["SMTPDebug", "set_debuglevel", "nodemailer"]) assert.ok(!canon.includes(tip), `${lang} ${format}: ${tip}`);
      const app = plain((await runMain(["explain", "--vendor", "app", "--lang", lang, "--format", format, "Authentication failed."], { columns: 80 })).stdout);
      assert.ok(app.includes("SMTPDebug") && app.includes("set_debuglevel"), `${lang} ${format} app\n${app}`);
      const unknown = plain((await runMain(["explain", "--lang", lang, "--format", format, text], { columns: 80 })).stdout);
      assert.ok(unknown.includes("SMTPDebug"), `${lang} ${format} no maker`);
    }
  }
});

// Persona round 7, #16: "Job failed. Error 1102" was read as Kyocera's failed sign-in without a word that it took the device for a
// Kyocera. Every message only one maker's devices show, read without --vendor and without a server reply, says the maker it assumed.
test("a maker-only message read without --vendor says which maker it was taken for: Kyocera's 1102 too, in both languages", async () => {
  const makerOnly: Array<[string, "kyocera" | "xerox" | "sharp"]> = [
    ["Job failed. Error 1102", "kyocera"],
    ["送信エラー 1102", "kyocera"],
    ["027-779", "xerox"],
    ["トークンの更新に失敗しました。", "sharp"],
  ];
  for (const lang of ["ja", "en"] as const) {
    for (const [text, vendor] of makerOnly) {
      const r = await runMain(["explain", "--lang", lang, text]);
      assert.notEqual(r.code, 2, `${text}: ${r.stderr}`);
      assert.ok(squash(r.stdout).includes(squash(t(lang, "cli.explain.vendorAssumed", { vendor: t(lang, `devices.vendor.${vendor}`) }))), `${lang} ${text}: ${r.stdout}`);
    }
    const said = (out: string) => squash(out).includes(squash(t(lang, "cli.explain.vendorAssumed", { vendor: t(lang, "devices.vendor.kyocera") })));
    // --vendor given, or the server's own reply beside the code: nothing assumed.
    assert.ok(!said((await runMain(["explain", "--lang", lang, "--vendor", "kyocera", "Job failed. Error 1102"])).stdout), lang);
    assert.ok(!said((await runMain(["explain", "--lang", lang, "535 5.7.139 Authentication unsuccessful, the user credentials were incorrect.\nJob failed. Error 1102"])).stdout), lang);
  }
});
