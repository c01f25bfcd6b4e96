// The device parts of a report as lines of text, for the terminal and Markdown renderers (they lay
// them out). Every line names how sure it is and its sources as numbers into the device section's
// source list. device.model is outside text: it passes through safeText here.
import { t, type Lang } from "../i18n/index.js";
import type { Plan } from "../plan/types.js";
import { parenthesized } from "../render/labels.js";
import { safeText } from "../render/sanitize.js";
import type { DeviceLine, DevicePlan } from "./report-types.js";

/** "(vendor manual [1][2]; to check [3])". */
export function sureness(lang: Lang, plan: Plan, l: DeviceLine): string {
  return surenessIn(lang, plan.device?.sources ?? [], l);
}

/** "(vendor manual [1][2]; to check [3])", the numbers into `sources`. */
function surenessIn(lang: Lang, sources: readonly string[], l: DeviceLine): string {
  const refs = (urls: readonly string[]) => urls.map((u) => `[${sources.indexOf(u) + 1}]`).join("");
  const parts = [t(lang, `devices.conf.${l.confidence}`) + (l.sources.length ? ` ${refs(l.sources)}` : "")];
  if (l.check.length) parts.push(`${t(lang, "devices.toCheck")} ${refs(l.check)}`);
  return parenthesized(lang, parts.join("; "));
}

/** One device line as text: "Label: text (sureness [n])". */
export function deviceLineText(lang: Lang, plan: Plan, l: DeviceLine): string {
  return `${l.label}: ${l.text} ${sureness(lang, plan, l)}`;
}

/** The maker (and model) line and the model-family line of the device section. */
export function deviceHead(lang: Lang, d: DevicePlan): string[] {
  // An application or a script has no maker: it read "Maker: another maker" (persona round 5, C10).
  if (d.modelMatch === "app") return [t(lang, "devices.maker.app")];
  const maker = d.model !== undefined ? t(lang, "devices.maker.model", { vendor: d.vendorName, model: safeText(d.model).slice(0, 160) }) : t(lang, "devices.maker", { vendor: d.vendorName });
  switch (d.modelMatch) {
    case "family":
      return [maker, t(lang, "devices.family", { family: d.families.join(" / ") })];
    case "none":
      return [maker, t(lang, "devices.family.none")];
    case "no-model":
      return [maker, t(lang, "devices.family.noModel")];
    case "not-distinguished":
      return [maker, t(lang, "devices.family.notDistinguished")];
    case "other-maker":
      return [maker];
  }
}

/** "On this Canon device:" (the heading of a step's device lines); "For the application or script:" for one. */
export function onDevice(lang: Lang, plan: Plan): string {
  if (plan.device?.vendor === "app") return t(lang, "devices.onApp");
  return t(lang, "devices.onDevice", { vendor: plan.device?.vendorName ?? "" });
}

/** "[1] https://…" lines (URLs are never cut). */
export function sourceLines(plan: Plan): string[] {
  return (plan.device?.sources ?? []).map((u, i) => `[${i + 1}] ${u}`);
}

/**
 * A wizard question's device lines: "On this Canon device:", then each line with how sure it is,
 * and its source URLs (indented; never cut). Empty when there is nothing to show.
 */
export function hintLines(lang: Lang, vendorName: string, lines: readonly DeviceLine[], bullet = "-"): string[] {
  if (lines.length === 0) return [];
  const out = [t(lang, "devices.onDevice", { vendor: vendorName })];
  for (const l of lines) {
    out.push(`${bullet} ${l.label}: ${l.text} ${parenthesized(lang, t(lang, `devices.conf.${l.confidence}`))}`);
    for (const u of l.sources) out.push(`    ${u}`);
    for (const u of l.check) out.push(`    ${u} (${t(lang, "devices.toCheck")})`);
  }
  return out;
}

/**
 * A wizard question's device lines for reading whole (Ctrl+O): "On this Canon device:", each line with how sure it is
 * and its sources as numbers, then the sources, each once ("[1] https://…", never cut). The lines listed each source
 * under every line that rests on it, and the view of them gave only the addresses, one of them twice (P6-8).
 */
export function hintWithSources(lang: Lang, vendorName: string, lines: readonly DeviceLine[]): { notes: string[]; sources: string[] } {
  if (lines.length === 0) return { notes: [], sources: [] };
  const sources = [...new Set(lines.flatMap((l) => [...l.sources, ...l.check]))];
  const notes = [t(lang, "devices.onDevice", { vendor: vendorName }), ...lines.map((l) => `- ${l.label}: ${l.text} ${surenessIn(lang, sources, l)}`)];
  return { notes, sources: sources.map((u, i) => `[${i + 1}] ${u}`) };
}
