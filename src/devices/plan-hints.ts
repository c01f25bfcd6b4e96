// The device knowledge laid over a plan: for each device-side step, where it is done on this
// vendor's device in the vendor's own labels (or that our sources do not say); the OAuth option
// with this device's position; a device section with what the panel message means. Pure: the
// profile is already loaded (./index.ts). buildPlan stays as it is; this only adds fields.
import type { FactPath } from "../case/facts.js";
import type { Case } from "../case/schema.js";
import type { Diagnosis } from "../engine/types.js";
import { t, type Lang } from "../i18n/index.js";
import type { Plan, PlanOption, PlanStep, StepId } from "../plan/types.js";
import { safeText } from "../render/sanitize.js";

import { isDeviceMessage } from "../replies/signals.js";
import type { ReplyAnalysis } from "../replies/types.js";
import type { VendorId } from "./ids.js";
import type { PanelFinding } from "./panel.js";
import type { DeviceLine, DevicePlan } from "./report-types.js";
import { connectionTests, familyName, isOtherFamily, pitfalls, settingHints, type Resolved } from "./resolve.js";
import type { Labels, SettingHint, SettingId, Sourced, Text } from "./types.js";
import { causeTitle, parenthesized } from "../render/labels.js";
import { MS_GRAPH_SENDMAIL, MS_SMTP_OAUTH } from "./sources.js";

/** What a device knows about itself: the vendor, and its profile narrowed to the model ("app" and "other": none). */
export interface DeviceKnowledge {
  vendor: VendorId;
  resolved?: Resolved;
}

const other = (lang: Lang): Lang => (lang === "ja" ? "en" : "ja");
const say = (lang: Lang, text: Text): string => text[lang];
/**
 * Sentences of a line, each ended before the next: a list of causes ran into the sentence after it ("… to sign in with The text
 * also holds …", 「…ありません文字列には…」, persona round 7).
 */
const join = (lang: Lang, parts: (string | undefined)[]): string => {
  const kept = parts.filter((p): p is string => Boolean(p));
  const ended = kept.map((p, i) => (i === kept.length - 1 || (lang === "ja" ? /[。」）)]$/ : /[.!?)"']$/).test(p) ? p : `${p}${lang === "ja" ? "。" : "."}`));
  // Japanese sentences follow each other without a space, except after a half-width parenthesis ("…のガイド) 対処:", persona round 8 #16).
  return ended.reduce((all, p, i) => (i === 0 ? p : `${all}${lang === "ja" && !all.endsWith(")") ? "" : " "}${p}`), "");
};

function line(label: string, text: string, s: Sourced): DeviceLine {
  return { label, text, confidence: s.confidence, sources: [...s.sources], check: [...(s.check ?? [])] };
}

/** Labels in the user's language, or in the other one (then `other` is true and the reader is told). */
function pick(lang: Lang, labels: Labels | undefined): { items: readonly string[]; other: boolean } | undefined {
  const own = labels?.[lang];
  if (own && own.length > 0) return { items: own, other: false };
  const theirs = labels?.[other(lang)];
  if (theirs && theirs.length > 0) return { items: theirs, other: true };
  return undefined;
}

const quote = (lang: Lang, label: string): string => (lang === "ja" ? `「${label}」` : `"${label}"`);

/** "A > B > C > "Field"" (+ that only the other language's labels are known, which models, the note). */
export function hintText(lang: Lang, r: Resolved, hint: SettingHint): string {
  const path = pick(lang, hint.path);
  const field = pick(lang, hint.field);
  const segments: string[] = [];
  if (path) segments.push(path.items.join(" > "));
  if (field) segments.push(field.items.map((f) => quote(lang, f)).join(" / "));
  const parts: string[] = [];
  if (segments.length > 0) parts.push(segments.join(" > "));
  if (path?.other || field?.other) parts.push(t(lang, other(lang) === "ja" ? "devices.onlyJa" : "devices.onlyEn"));
  const on = hint.models ? say(lang, hint.models) : isOtherFamily(r, hint.family) ? familyName(r, hint.family as string) : undefined;
  if (on) parts.push(parenthesized(lang, t(lang, "devices.on", { models: on })));
  const first = parts.join(" ");
  const note = hint.note ? say(lang, hint.note) : undefined;
  if (!note) return first;
  if (!first) return note;
  return lang === "ja" ? `${first}。${note}` : `${first}. ${note}`;
}

function vendorName(lang: Lang, vendor: VendorId): string {
  return t(lang, `devices.vendor.${vendor}`);
}

function settingLines(lang: Lang, r: Resolved, id: SettingId): DeviceLine[] {
  const label = t(lang, `devices.setting.${id}`);
  const hints = settingHints(r, id);
  if (hints.length === 0) return [{ label, text: t(lang, "devices.unknownSetting", { vendor: vendorName(lang, r.profile.id) }), confidence: "unconfirmed", sources: [], check: [] }];
  return hints.map((h) => line(label, hintText(lang, r, h), h));
}

function oauthLines(lang: Lang, r: Resolved): DeviceLine[] {
  const o = r.oauth;
  // The support text says the position itself; the token and tenant lines lead with their kind when it is known.
  return [
    line(t(lang, "devices.label.oauth"), say(lang, o.support.text), o.support),
    line(t(lang, "devices.label.token"), o.token.method === "unconfirmed" ? say(lang, o.token.text) : `${t(lang, `devices.token.${o.token.method}`)}: ${say(lang, o.token.text)}`, o.token),
    line(t(lang, "devices.label.tenant"), o.tenant.action === "unconfirmed" ? say(lang, o.tenant.text) : `${t(lang, `devices.tenant.${o.tenant.action}`)}: ${say(lang, o.tenant.text)}`, o.tenant),
  ];
}

function testLines(lang: Lang, r: Resolved, label: string): DeviceLine[] {
  const tests = connectionTests(r);
  if (tests.length === 0) return [{ label, text: t(lang, "devices.noTest"), confidence: "unconfirmed", sources: [], check: [] }];
  return tests.map((c) => line(label, say(lang, c.text), c));
}

function pitfallLines(lang: Lang, r: Resolved, ids: readonly SettingId[]): DeviceLine[] {
  return pitfalls(r, ids).map((p) => line(t(lang, "devices.label.note"), say(lang, p.text), p));
}

/** The settings each device-side step changes. */
const STEP_SETTINGS: Partial<Record<StepId, readonly SettingId[]>> = {
  "device-endpoint": ["server", "port"],
  "device-port-starttls": ["port", "encryption"],
  "device-auth-mechanism": ["authMethod"],
  "device-enable-auth": ["authMethod", "username", "password"],
  "device-credentials": ["username", "password"],
  "device-from-address": ["sender"],
  "device-sender-address": ["sender"],
  "device-firmware": ["firmware"],
  "move-to-oauth": ["oauth"],
  "device-oauth-token": ["oauth"],
};

function stepLines(lang: Lang, r: Resolved, step: PlanStep): DeviceLine[] | undefined {
  if (step.id === "oauth-consent") return [oauthLines(lang, r)[2] as DeviceLine];
  const ids = STEP_SETTINGS[step.id];
  if (!ids) return undefined;
  const lines: DeviceLine[] = [];
  // Doing the move: how the token is obtained (whether the maker supports it and the tenant's part are in the device section and the OAuth option).
  if (step.id === "move-to-oauth") lines.push(oauthLines(lang, r)[1] as DeviceLine);
  for (const id of ids) if (id !== "firmware") lines.push(...settingLines(lang, r, id));
  lines.push(...pitfallLines(lang, r, ids));
  lines.push(...testLines(lang, r, t(lang, "devices.label.verify")));
  return lines;
}

/** The settings a wizard question is about (the question then shows where they are on this device). */
const QUESTION_SETTINGS: Partial<Record<FactPath, readonly SettingId[]>> = {
  "device.host": ["server"],
  "device.port": ["port"],
  "device.security": ["encryption"],
  "device.tlsVersion": ["firmware"],
  // How the device signs in: its OAuth page first (where a maker's manual shows whether OAuth is on, in its own labels),
  // then the sign-in fields (Canon's question cited only a reseller's English path, persona round 5 C9).
  "device.auth": ["oauth", "authMethod"],
  "device.authMechanism": ["authMethod"],
  "device.username": ["username"],
  "device.from": ["sender"],
  "device.oauthSupported": ["oauth"],
  "device.oauthFlow": ["oauth"],
};

/** Where a wizard question's setting is on this device (empty when the question is not about the device's settings). */
export function questionHint(lang: Lang, dev: DeviceKnowledge | undefined, path: FactPath): DeviceLine[] {
  const ids = QUESTION_SETTINGS[path];
  const r = dev?.resolved;
  if (!ids || !r) return [];
  const lines: DeviceLine[] = [];
  if (path === "device.oauthSupported") lines.push(oauthLines(lang, r)[0] as DeviceLine);
  if (path === "device.oauthFlow") lines.push(oauthLines(lang, r)[1] as DeviceLine);
  for (const id of ids) if (id !== "firmware") lines.push(...settingLines(lang, r, id));
  lines.push(...pitfallLines(lang, r, ids));
  return lines;
}

function panelLines(lang: Lang, r: Resolved, findings: readonly PanelFinding[], analysis: ReplyAnalysis | undefined): DeviceLine[] {
  const vendor = vendorName(lang, r.profile.id);
  const label = t(lang, "devices.label.panel");
  // (A server's reply, with its code: not the device's or a program's own words, which tell no more than the panel does.)
  const smtpDecides = analysis?.primary !== undefined && analysis.primary.reply.code !== undefined && !isDeviceMessage(analysis.primary.patternId);
  // The causes a panel entry points at are listed here unless the engine used them (then the causes section shows them).
  const out: DeviceLine[] = [];
  for (const f of findings) {
    const excerpt = safeText(f.excerpt).slice(0, 200);
    if (f.kind === "known") {
      const e = f.entry;
      const usedByEngine = analysis?.primary?.patternId === `panel:${e.id}`;
      const causes = e.causes.length > 0 && !usedByEngine ? t(lang, "devices.panel.causes", { causes: e.causes.map((id) => causeTitle(lang, id)).join(lang === "ja" ? "、" : ", ") }) : undefined;
      const text = join(lang, [
        `${quote(lang, excerpt)}: ${say(lang, e.meaning)}`,
        e.models ? parenthesized(lang, t(lang, "devices.on", { models: say(lang, e.models) })) : undefined,
        e.action ? t(lang, "devices.panel.action", { action: say(lang, e.action) }) : undefined,
        causes,
        causes && smtpDecides ? t(lang, "devices.panel.replyDecides") : undefined,
      ]);
      out.push({ ...line(label, text, e), code: excerpt, reading: "known", meaning: say(lang, e.meaning) });
    } else if (f.kind === "unconfirmed") {
      out.push({ ...line(label, `${quote(lang, excerpt)}: ${say(lang, f.codes.text)}`, f.codes), code: excerpt, reading: "unconfirmed" });
    } else {
      out.push({ label, text: t(lang, "devices.panel.unknown", { code: excerpt, vendor }), confidence: "unconfirmed", sources: [], check: [], code: excerpt, reading: "unknown" });
    }
  }
  return out;
}

function modelMatch(r: Resolved): DevicePlan["modelMatch"] {
  if (r.families.length > 0) return "family";
  if (r.profile.families.length === 0) return "not-distinguished";
  return r.model === undefined ? "no-model" : "none";
}

/** Where the e-mail (SMTP) settings are, in one or two lines: the server setting's place, else any setting's. */
function settingsOverview(lang: Lang, r: Resolved): DeviceLine[] {
  const label = t(lang, "devices.label.settings");
  const order: SettingId[] = ["server", "authMethod", "username", "oauth"];
  for (const id of order) {
    const hints = settingHints(r, id);
    if (hints.length > 0) return hints.map((h) => line(label, hintText(lang, r, h), h));
  }
  return [{ label, text: t(lang, "devices.unknownSetting", { vendor: vendorName(lang, r.profile.id) }), confidence: "unconfirmed", sources: [], check: [] }];
}

export interface DeviceInput {
  dev: DeviceKnowledge;
  /** The panel findings on device.reply (./panel.ts), when there is a reply. */
  findings: readonly PanelFinding[];
  analysis?: ReplyAnalysis;
}

/**
 * An application or a script sends the mail (device.vendor "app"): no maker, no panel, no model. Where its settings are
 * and what decides OAuth for it, in general words, with Microsoft's pages; the OAuth option carries the same line. A
 * Java application's case read "Maker: another maker" and a printer's settings advice (persona round 5, C10).
 */
function appHints(plan: Plan, lang: Lang): Plan {
  const oauth: DeviceLine = { label: t(lang, "devices.label.oauth"), text: t(lang, "devices.app.oauth"), confidence: "microsoft", sources: [MS_SMTP_OAUTH, MS_GRAPH_SENDMAIL], check: [] };
  const settings: DeviceLine = { label: t(lang, "devices.label.settings"), text: t(lang, "devices.app.settings"), confidence: "unconfirmed", sources: [], check: [] };
  const device: DevicePlan = {
    vendor: "app",
    vendorName: vendorName(lang, "app"),
    families: [],
    modelMatch: "app",
    oauth: { support: "unconfirmed", token: "", tenant: "" },
    lines: [oauth, settings],
    panel: [],
    sources: [...oauth.sources],
  };
  const options = plan.options.map((o): PlanOption => (o.id === "oauth" ? { ...o, device: [oauth] } : o));
  return { ...plan, options, device };
}

/** The plan with the device's hints added (a new object; the plan given is not changed). */
export function addDeviceHints(plan: Plan, c: Case, _d: Diagnosis, input: DeviceInput, lang: Lang): Plan {
  const { dev } = input;
  const r = dev.resolved;
  const model = c.device?.model;
  if (dev.vendor === "app") return appHints(plan, lang);
  if (!r) {
    const device: DevicePlan = {
      vendor: dev.vendor,
      vendorName: vendorName(lang, dev.vendor),
      ...(model !== undefined ? { model } : {}),
      families: [],
      modelMatch: "other-maker",
      oauth: { support: "unconfirmed", token: "", tenant: "" },
      lines: [{ label: t(lang, "devices.label.settings"), text: t(lang, "devices.other"), confidence: "unconfirmed", sources: [], check: [] }],
      panel: [],
      sources: [],
    };
    return { ...plan, device };
  }
  const steps = plan.steps.map((s) => {
    const lines = stepLines(lang, r, s);
    return lines ? { ...s, device: { vendor: dev.vendor, lines } } : s;
  });
  const options = plan.options.map((o): PlanOption => (o.id === "oauth" ? { ...o, device: oauthLines(lang, r) } : o));
  let panel = panelLines(lang, r, input.findings, input.analysis);
  const reply = c.device?.reply;
  if (panel.length === 0 && reply !== undefined && reply.trim() !== "" && !input.analysis?.primary) {
    panel = [{ label: t(lang, "devices.label.panel"), text: t(lang, "devices.panel.none", { vendor: vendorName(lang, dev.vendor) }), confidence: "unconfirmed", sources: [], check: [] }];
  }
  const lines = [...oauthLines(lang, r), ...settingsOverview(lang, r), ...testLines(lang, r, t(lang, "devices.label.test"))];
  const sources: string[] = [];
  const cite = (ls: readonly DeviceLine[]) => ls.forEach((l) => [...l.sources, ...l.check].forEach((u) => sources.includes(u) || sources.push(u)));
  cite(lines);
  cite(panel);
  steps.forEach((s) => s.device && cite(s.device.lines));
  options.forEach((o) => o.device && cite(o.device));
  const device: DevicePlan = {
    vendor: dev.vendor,
    vendorName: vendorName(lang, dev.vendor),
    ...(model !== undefined ? { model } : {}),
    families: r.families.map((f) => f.name),
    modelMatch: modelMatch(r),
    oauth: { support: r.oauth.support.value, token: r.oauth.token.method, tenant: r.oauth.tenant.action },
    lines,
    panel,
    sources,
  };
  return { ...plan, steps, options, device };
}
