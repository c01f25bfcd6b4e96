// smtp-auth-doctor devices [ID] [--json]: the makers this tool knows, for the admin planning the
// end-2026 change: OAuth 2.0 support, how the device gets its token, what the tenant admin must do,
// how sure each fact is and its sources. With an ID: one maker in full.
import { KNOWN_VENDOR_IDS, type KnownVendorId } from "../../devices/ids.js";
import { loadCatalog, loadVendor } from "../../devices/index.js";
import { hintText } from "../../devices/plan-hints.js";
import { resolve, type Resolved } from "../../devices/resolve.js";
import { SETTING_IDS, type OAuthPosition, type Sourced, type Text, type VendorProfile } from "../../devices/types.js";
import { badInput } from "../../errors.js";
import { EXIT, type ExitCode } from "../../exit.js";
import { t, type Lang } from "../../i18n/index.js";
import { parse } from "../args.js";
import { out, outJson, type Context } from "../context.js";
import { terminalWidth } from "../output.js";

export async function run(ctx: Context, argv: string[]): Promise<ExitCode> {
  const { values, positionals } = parse(argv, {}, true, "devices");
  if (values.help) {
    out(ctx, t(ctx.lang, "cli.devices.help"));
    return EXIT.clear;
  }
  if (positionals.length > 1) throw badInput("args.unexpected-positional", "cli.err.unexpectedArgument", { arg: positionals[1] ?? "" });
  const id = positionals[0]?.trim().toLowerCase();
  if (id !== undefined && !(KNOWN_VENDOR_IDS as readonly string[]).includes(id)) {
    throw badInput("args.vendor", "devices.err.devicesArg", { value: (positionals[0] ?? "").slice(0, 40), ids: KNOWN_VENDOR_IDS.join(", ") });
  }
  const lang = ctx.lang;
  const { wrap, tableRows } = values.json ? { wrap: undefined, tableRows: undefined } : await import("../../render/layout.js");
  if (id !== undefined) {
    const profile = await loadVendor(id as KnownVendorId);
    if (values.json) outJson(ctx, "devices", { lang, vendor: vendorJson(lang, profile, true) }, 2);
    else out(ctx, detailText(lang, resolve(profile), terminalWidth(ctx), wrap as Wrap));
    return EXIT.clear;
  }
  const catalog = await loadCatalog();
  const profiles = KNOWN_VENDOR_IDS.map((v) => catalog[v]);
  if (values.json) outJson(ctx, "devices", { lang, vendors: profiles.map((p) => vendorJson(lang, p, false)) }, 2);
  else out(ctx, tableText(lang, profiles, terminalWidth(ctx), wrap as Wrap, tableRows as TableRows));
  return EXIT.clear;
}

type Wrap = (text: string, width: number, rest?: number) => string[];
type TableRows = (cells: readonly string[], widths: readonly number[], indent?: string) => string[];

const conf = (lang: Lang, s: Sourced) => t(lang, `devices.conf.${s.confidence}`);
const say = (lang: Lang, text: Text) => text[lang];
/** A maker's product lines in the user's language (product names stay as the maker writes them). */
const linesOf = (lang: Lang, p: VendorProfile) => (typeof p.lines === "string" ? p.lines : p.lines[lang]);

/** Every URL a maker's facts cite (only the OAuth facts' with `oauthOnly`), in order of first use. */
function sourcesOf(p: VendorProfile, oauthOnly = false): string[] {
  const urls: string[] = [];
  const add = (s: Sourced) => [...s.sources, ...(s.check ?? [])].forEach((u) => urls.includes(u) || urls.push(u));
  const o = p.oauth;
  [o.support, o.token, o.tenant].forEach(add);
  for (const f of p.families) for (const part of Object.values(f.oauth ?? {})) add(part);
  if (oauthOnly) return urls;
  for (const hints of Object.values(p.settings)) hints.forEach(add);
  p.connectionTests.forEach(add);
  p.pitfalls.forEach(add);
  p.panel.forEach(add);
  (p.unconfirmedCodes ?? []).forEach(add);
  return urls;
}

function sourcedJson(lang: Lang, s: Sourced & { text: Text }) {
  return { text: say(lang, s.text), confidence: s.confidence, sources: [...s.sources], check: [...(s.check ?? [])] };
}

function oauthJson(lang: Lang, o: Partial<OAuthPosition>) {
  return {
    ...(o.support ? { support: { value: o.support.value, ...sourcedJson(lang, o.support) } } : {}),
    ...(o.token ? { token: { method: o.token.method, ...sourcedJson(lang, o.token) } } : {}),
    ...(o.tenant ? { tenant: { action: o.tenant.action, ...sourcedJson(lang, o.tenant) } } : {}),
  };
}

/** One maker as plain data, in the user's language (our prose) with the vendor's labels as the sources give them. */
function vendorJson(lang: Lang, p: VendorProfile, full: boolean) {
  const r = resolve(p);
  const base = {
    id: p.id,
    name: t(lang, `devices.vendor.${p.id}`),
    lines: linesOf(lang, p),
    oauth: oauthJson(lang, p.oauth),
    families: p.families.map((f) => ({ id: f.id, name: f.name, oauth: oauthJson(lang, f.oauth ?? {}) })),
    known: p.known,
    panel: p.panel.map((e) => ({ id: e.id, shown: e.shown, meaning: say(lang, e.meaning), ...(e.action ? { action: say(lang, e.action) } : {}), causes: [...e.causes], confidence: e.confidence, sources: [...e.sources], check: [...(e.check ?? [])] })),
    unconfirmedCodes: (p.unconfirmedCodes ?? []).map((u) => sourcedJson(lang, u)),
    sources: sourcesOf(p),
  };
  if (!full) return base;
  const settings = Object.fromEntries(
    SETTING_IDS.filter((id) => (p.settings[id]?.length ?? 0) > 0).map((id) => [
      id,
      (p.settings[id] ?? []).map((h) => ({
        path: h.path,
        ...(h.field ? { field: h.field } : {}),
        text: hintText(lang, r, h),
        ...(h.family ? { family: h.family } : {}),
        confidence: h.confidence,
        sources: [...h.sources],
        check: [...(h.check ?? [])],
      })),
    ]),
  );
  return {
    ...base,
    settings,
    connectionTests: p.connectionTests.map((c) => sourcedJson(lang, c)),
    pitfalls: p.pitfalls.map((x) => ({ ...sourcedJson(lang, x), settings: [...x.settings] })),
  };
}

/** The table: maker, OAuth support, token, tenant admin, sureness; then each maker's sources. */
function tableText(lang: Lang, profiles: readonly VendorProfile[], width: number, wrap: Wrap, tableRows: TableRows): string {
  const out: string[] = [];
  const para = (text: string, indent = "") => wrap(text, width - indent.length).forEach((l) => out.push(indent + l));
  para(t(lang, "devices.cmd.title"));
  out.push("");
  const cols = [t(lang, "devices.cmd.col.vendor"), t(lang, "devices.cmd.col.oauth"), t(lang, "devices.cmd.col.token"), t(lang, "devices.cmd.col.tenant"), t(lang, "devices.cmd.col.sure")];
  // Four gaps of two columns between the five columns (tableRows' TABLE_SEP; one column let a full cell run into the next).
  const gaps = 4 * 2;
  const room = Math.max(60, width) - 2 - gaps;
  const widths = [Math.round(room * 0.2), Math.round(room * 0.18), Math.round(room * 0.26), Math.round(room * 0.2)];
  widths.push(room - widths.reduce((a, b) => a + b, 0));
  const row = (cells: string[]) => out.push(...tableRows(cells, widths, "  "));
  row(cols);
  out.push(`  ${"-".repeat(room + gaps)}`);
  for (const p of profiles) {
    const o = p.oauth;
    row([t(lang, `devices.vendor.${p.id}`), t(lang, `devices.support.${o.support.value}`), t(lang, `devices.token.${o.token.method}`), t(lang, `devices.tenant.${o.tenant.action}`), conf(lang, o.support)]);
  }
  out.push("");
  for (const p of profiles) {
    out.push(`${t(lang, `devices.vendor.${p.id}`)} (${p.id}): ${linesOf(lang, p)}`);
    para(say(lang, p.oauth.support.text), "  ");
    sourcesOf(p, true).forEach((u, i) => out.push(`    [${i + 1}] ${u}`));
    out.push("");
  }
  para(t(lang, "devices.cmd.legend"));
  para(t(lang, "devices.cmd.more", { ids: KNOWN_VENDOR_IDS.join(", ") }));
  return out.join("\n");
}

/** One maker in full: OAuth, families, where each setting is, the connection test, notes, panel codes, sources. */
function detailText(lang: Lang, r: Resolved, width: number, wrap: Wrap): string {
  const p = r.profile;
  const urls = sourcesOf(p);
  const refs = (s: Sourced) => {
    const n = (list: readonly string[]) => list.map((u) => `[${urls.indexOf(u) + 1}]`).join("");
    return `(${conf(lang, s)}${s.sources.length ? ` ${n(s.sources)}` : ""}${s.check?.length ? `; ${t(lang, "devices.toCheck")} ${n(s.check)}` : ""})`;
  };
  const out: string[] = [];
  const item = (label: string, text: string, s: Sourced, indent = "  ") => wrap(`${label ? `${label}: ` : ""}${text} ${refs(s)}`, width - indent.length - 2).forEach((l, i) => out.push(`${indent}${i === 0 ? "- " : "  "}${l}`));
  const heading = (text: string) => out.push("", text);
  out.push(`${t(lang, `devices.vendor.${p.id}`)} (${p.id}): ${linesOf(lang, p)}`);
  heading(t(lang, "devices.label.oauth"));
  const o = p.oauth;
  // The support text says the position itself.
  item("", say(lang, o.support.text), o.support);
  item(t(lang, "devices.label.token"), say(lang, o.token.text), o.token);
  item(t(lang, "devices.label.tenant"), say(lang, o.tenant.text), o.tenant);
  if (p.families.length) {
    heading(t(lang, "devices.cmd.families"));
    for (const f of p.families) {
      const parts = [f.oauth?.support, f.oauth?.token].filter((x): x is NonNullable<typeof x> => x !== undefined);
      if (parts.length === 0) out.push(`  - ${f.name}`);
      for (const part of parts) item(f.name, say(lang, part.text), part);
    }
  }
  heading(t(lang, "devices.label.settings"));
  for (const id of SETTING_IDS) {
    if (id === "firmware") continue;
    const hints = p.settings[id] ?? [];
    if (hints.length === 0) out.push(...wrap(`- ${t(lang, `devices.setting.${id}`)}: ${t(lang, "devices.unknownSetting", { vendor: t(lang, `devices.vendor.${p.id}`) })}`, width - 4).map((l, i) => `  ${i === 0 ? "" : "  "}${l}`));
    for (const h of hints) item(t(lang, `devices.setting.${id}`), hintText(lang, r, h), h);
  }
  heading(t(lang, "devices.label.test"));
  if (p.connectionTests.length === 0) out.push(...wrap(t(lang, "devices.noTest"), width - 4).map((l) => `  ${l}`));
  for (const c of p.connectionTests) item(t(lang, "devices.label.test"), say(lang, c.text), c);
  if (p.pitfalls.length) {
    heading(t(lang, "devices.label.note"));
    for (const x of p.pitfalls) item(t(lang, "devices.label.note"), say(lang, x.text), x);
  }
  heading(t(lang, "devices.cmd.codes"));
  if (p.panel.length === 0 && !p.unconfirmedCodes?.length) out.push(`  ${t(lang, "devices.cmd.none")}`);
  for (const e of p.panel) {
    const shown = (e.shown[lang] ?? e.shown.en ?? e.shown.ja ?? []).join(" / ");
    item(shown, [say(lang, e.meaning), e.action ? t(lang, "devices.panel.action", { action: say(lang, e.action) }) : ""].filter(Boolean).join(" "), e);
  }
  for (const u of p.unconfirmedCodes ?? []) item(t(lang, "devices.conf.unconfirmed"), say(lang, u.text), u);
  heading(t(lang, "devices.sources"));
  urls.forEach((u, i) => out.push(`  [${i + 1}] ${u}`));
  out.push("");
  out.push(...wrap(t(lang, "devices.cmd.legend"), width));
  return out.join("\n");
}
