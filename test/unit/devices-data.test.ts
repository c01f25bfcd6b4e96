// The device knowledge as data: every fact carries its sources and how sure it is, the sources are
// the reference's (../shared/devices.md) or named here as found while checking it, both languages
// are present, the Japanese is です・ます, and every panel code in the reference is recognised.
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { test } from "node:test";
import { KNOWN_VENDOR_IDS, VENDOR_IDS } from "../../src/devices/ids.js";
import { loadCatalog, loadVendor, matchPanel } from "../../src/devices/index.js";
import { resolve, settingHints } from "../../src/devices/resolve.js";
import { REFERENCE_PANEL } from "../helpers/devices.js";
import { CONFIDENCES, SETTING_IDS, type Sourced, type Text, type VendorProfile } from "../../src/devices/types.js";

const REFERENCE = new URL("../../../shared/devices.md", import.meta.url);
/** Sources used that are not in the reference: found while checking it (see the vendor file's comment). */
const ADDED = new Set([
  "http://global.sharp/restricted/products/copier/downloads/manuals/bp70c65/en/contents_08-03_004.html",
  "http://global.sharp/restricted/products/copier/downloads/manuals/bp70m65/en/contents_08-03_004.html",
]);

/** Every sourced fact and every text of a profile, with where it sits (for messages). */
function walk(p: VendorProfile): { facts: [string, Sourced][]; texts: [string, Text][] } {
  const facts: [string, Sourced][] = [];
  const texts: [string, Text][] = [];
  const fact = (where: string, s: Sourced) => {
    facts.push([where, s]);
    // (The tenant fact's `action` is an id, a panel entry's `action` is prose.)
    const r = s as unknown as Record<string, unknown>;
    for (const k of ["text", "note", "models", "meaning", "action"]) if (r[k] && typeof r[k] === "object") texts.push([`${where}.${k}`, r[k] as Text]);
  };
  for (const k of ["support", "token", "tenant"] as const) fact(`oauth.${k}`, p.oauth[k]);
  for (const f of p.families) for (const [k, v] of Object.entries(f.oauth ?? {})) fact(`family ${f.id}.${k}`, v);
  for (const [id, hints] of Object.entries(p.settings)) hints.forEach((h, i) => fact(`settings.${id}[${i}]`, h));
  p.connectionTests.forEach((c, i) => fact(`connectionTests[${i}]`, c));
  p.pitfalls.forEach((x, i) => fact(`pitfalls[${i}]`, x));
  p.panel.forEach((e) => fact(`panel ${e.id}`, e));
  (p.unconfirmedCodes ?? []).forEach((u, i) => fact(`unconfirmedCodes[${i}]`, u));
  return { facts, texts };
}

test("one data file per maker in the reference, and an id list with 'app' (an application or a script) and 'other'", async () => {
  assert.deepEqual([...KNOWN_VENDOR_IDS, "app", "other"], [...VENDOR_IDS]);
  assert.equal(KNOWN_VENDOR_IDS.length, 12);
  for (const id of KNOWN_VENDOR_IDS) {
    assert.ok(existsSync(new URL(`../../src/devices/vendors/${id}.ts`, import.meta.url)), `${id}.ts`);
    assert.equal((await loadVendor(id)).id, id);
  }
});

test("every fact has its confidence and at least one URL (read, or to check); unconfirmed facts name the page to check", async () => {
  const catalog = await loadCatalog();
  const reference = existsSync(REFERENCE) ? readFileSync(REFERENCE, "utf8") : undefined;
  for (const id of KNOWN_VENDOR_IDS) {
    for (const [where, s] of walk(catalog[id]).facts) {
      assert.ok(CONFIDENCES.includes(s.confidence), `${id} ${where}`);
      const urls = [...s.sources, ...(s.check ?? [])];
      assert.ok(urls.length > 0, `${id} ${where}: no source and nothing to check`);
      if (s.confidence !== "unconfirmed") assert.ok(s.sources.length > 0, `${id} ${where}: a ${s.confidence} fact rests on no page`);
      for (const u of urls) {
        assert.match(u, /^https?:\/\/[^\s]+$/, `${id} ${where}`);
        if (reference && !ADDED.has(u)) assert.ok(reference.includes(u), `${id} ${where}: ${u} is not in ../shared/devices.md`);
      }
    }
  }
});

const JA_PLAIN_ENDING = /(?:(?<![まで])した|(?<!ん)だ|である|する|ない|れる|できる|いる)$/u;

test("our prose about each maker has both languages, and the Japanese is です・ます", async () => {
  const catalog = await loadCatalog();
  for (const id of KNOWN_VENDOR_IDS) {
    for (const [where, text] of walk(catalog[id]).texts) {
      assert.ok(typeof text.en === "string" && typeof text.ja === "string" && text.en.trim() && text.ja.trim(), `${id} ${where}: ${JSON.stringify(text)}`);
      assert.match(text.ja, /[\u3040-\u30ff\u4e00-\u9fff]/u, `${id} ${where}: Japanese text has no Japanese`);
      for (const sentence of text.ja.split("。").slice(0, -1)) {
        const ending = sentence.replace(/[\s)）」』"'`*_]+$/u, "");
        assert.ok(!JA_PLAIN_ENDING.test(ending), `${id} ${where} is not です・ます: …${ending.slice(-20)}。`);
      }
    }
  }
});

test("labels are the vendors' own: a path or field has at least one language, and no label is empty", async () => {
  const catalog = await loadCatalog();
  for (const id of KNOWN_VENDOR_IDS) {
    for (const sid of SETTING_IDS) {
      for (const h of catalog[id].settings[sid] ?? []) {
        for (const labels of [h.path, h.field]) {
          if (!labels) continue;
          for (const list of [labels.en, labels.ja]) for (const l of list ?? []) assert.ok(l.trim().length > 0, `${id} ${sid}: empty label`);
        }
        assert.ok((h.path.en?.length ?? 0) + (h.path.ja?.length ?? 0) > 0 || h.note, `${id} ${sid}: a hint with no path says why in a note`);
      }
    }
  }
});

test("each panel entry recognises the way the device shows it", async () => {
  const catalog = await loadCatalog();
  for (const id of KNOWN_VENDOR_IDS) {
    for (const e of catalog[id].panel) {
      for (const shown of [...(e.shown.en ?? []), ...(e.shown.ja ?? [])]) {
        const found = matchPanel(catalog[id], shown);
        assert.ok(found.some((f) => f.kind === "known" && f.entry.id === e.id), `${id} ${e.id}: "${shown}"`);
      }
    }
  }
});

test("every panel code and message in the reference is recognised, and only for its maker", async () => {
  const catalog = await loadCatalog();
  for (const { vendor, text, entry } of REFERENCE_PANEL) {
    const found = matchPanel(catalog[vendor], text);
    assert.ok(found.some((f) => f.kind === "known" && f.entry.id === entry), `${vendor}: ${text}`);
    for (const other of KNOWN_VENDOR_IDS.filter((v) => v !== vendor)) {
      assert.ok(!matchPanel(catalog[other], text).some((f) => f.kind === "known" && f.entry.id === entry), `${other} must not claim ${entry}`);
    }
  }
});

test("codes of a maker's shape that the reference does not have are unknown; codes it could not confirm are unconfirmed", async () => {
  const catalog = await loadCatalog();
  const kinds = (vendor: (typeof KNOWN_VENDOR_IDS)[number], text: string) => matchPanel(catalog[vendor], text).map((f) => `${f.kind}:${f.excerpt}`);
  assert.deepEqual(kinds("canon", "#802"), ["unconfirmed:#802"]);
  assert.deepEqual(kinds("canon", "#999"), ["unknown-code:#999"]);
  assert.deepEqual(kinds("xerox", "016-757"), ["unconfirmed:016-757"]);
  assert.deepEqual(kinds("xerox", "005-121"), ["unknown-code:005-121"]);
  assert.deepEqual(kinds("kyocera", "Error 1101"), ["unconfirmed:1101"]);
  assert.deepEqual(kinds("kyocera", "Error 3102"), ["unknown-code:3102"]);
  // A year or a port elsewhere in a log is not a Kyocera code.
  assert.deepEqual(kinds("kyocera", "2026-11-22 10:00 port 2525"), []);
  // A known code is not reported again as unknown.
  assert.deepEqual(kinds("canon", "#839"), ["known:#839"]);
});

test("families match from the model where the reference allows; the vendor-level facts say the rest depends on the model", async () => {
  const catalog = await loadCatalog();
  const fam = (vendor: (typeof KNOWN_VENDOR_IDS)[number], model: string) => resolve(catalog[vendor], model).families.map((f) => f.id);
  assert.deepEqual(fam("canon", "imageRUNNER ADVANCE DX C5840i"), ["iradv-dx"]);
  assert.deepEqual(fam("canon", "iR-ADV DX 4935"), ["iradv-dx"]);
  assert.deepEqual(fam("canon", "imageCLASS MF445dw"), []);
  assert.deepEqual(fam("konica-minolta", "bizhub C4000i"), ["i-series"]);
  assert.deepEqual(fam("konica-minolta", "bizhub 651i"), ["i-series"]);
  assert.deepEqual(fam("konica-minolta", "bizhub C458"), []);
  assert.deepEqual(fam("konica-minolta", "ineo 4750"), ["ineo-na"]);
  assert.deepEqual(fam("sharp", "BP-70C65"), ["bp", "bp-70c65"]);
  assert.deepEqual(fam("sharp", "BP-22C20"), ["bp", "bp-web"]);
  assert.deepEqual(fam("sharp", "MX-3071"), []);
  assert.deepEqual(fam("epson", "ES-C380W"), ["es-c380w"]);
  assert.deepEqual(fam("epson", "PX-M382F"), ["older"]);
  assert.deepEqual(fam("hp", "Color LaserJet Enterprise MFP M578"), ["futuresmart"]);
  assert.deepEqual(fam("hp", "LaserJet Pro MFP M428fdw"), ["pro-no"]);
  assert.deepEqual(fam("lexmark", "CX725 FW24"), ["fw24"]);
  assert.deepEqual(fam("xerox", "AltaLink C8130"), ["connectkey-cc"]);
  assert.deepEqual(fam("xerox", "VersaLink C415"), ["connectkey-cc"]);
  assert.deepEqual(fam("xerox", "WorkCentre 6015"), ["wc6015"]);
  assert.deepEqual(fam("fujifilm", "DocuCentre-IV C2260"), ["iv"]);
  // A family's OAuth position replaces the vendor's where it differs.
  assert.equal(resolve(catalog.canon).oauth.support.value, "partial");
  assert.equal(resolve(catalog.canon, "imageRUNNER ADVANCE DX C5840i").oauth.support.value, "yes");
  assert.equal(resolve(catalog.sharp, "BP-70C65").oauth.token.method, "panel");
  assert.equal(resolve(catalog.hp, "LaserJet Pro M428fdw").oauth.support.value, "no");
  assert.equal(resolve(catalog.fujifilm, "ApeosPort-IV 3070").oauth.support.value, "no");
  // A model of another line does not get that line's settings; no model shows every line's.
  assert.equal(settingHints(resolve(catalog.xerox, "AltaLink C8130"), "server").some((h) => h.family === "wc6015"), false);
  assert.equal(settingHints(resolve(catalog.xerox, "WorkCentre 6015"), "server").every((h) => h.family === "wc6015"), true);
  assert.ok(settingHints(resolve(catalog.xerox), "server").length >= 2);
  // Control characters and huge input in the model never throw.
  assert.doesNotThrow(() => resolve(catalog.sharp, `BP-70C65\u001b[2J${"x".repeat(10_000)}`));
});

test("Canon's sign-in endpoint names the segment a Microsoft 365 account uses, not the manual's three choices as one address (persona round 3)", async () => {
  const text = JSON.stringify(await loadVendor("canon"));
  assert.ok(!text.includes("<common|organizations|consumers>"), "the three choices shown as one address");
  assert.ok(text.includes("https://login.microsoftonline.com/organizations/oauth2/v2.0"));
});
