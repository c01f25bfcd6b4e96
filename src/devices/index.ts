// The device knowledge, loaded lazily: a vendor's data file is imported only when a case (or a
// flag) names that vendor, so commands that do not need it never load it. Glue for the commands:
// the diagnosis with the panel code taken into account (the SMTP reply, if any, still decides)
// and the plan with the device's hints.
import type { Case } from "../case/schema.js";
import { evaluateWith } from "../engine/index.js";
import type { Diagnosis } from "../engine/types.js";
import type { Lang } from "../i18n/index.js";
import { buildPlan, type Plan } from "../plan/index.js";
import { analyzeReply } from "../replies/index.js";
import type { ReplyAnalysis } from "../replies/types.js";
import { isKnownVendor, KNOWN_VENDOR_IDS, type KnownVendorId, type VendorId } from "./ids.js";
import { bareCode, firstKnownMessage, matchPanel, withPanelMatch, type PanelFinding } from "./panel.js";
import { addDeviceHints, type DeviceKnowledge } from "./plan-hints.js";
import { resolve } from "./resolve.js";
import type { VendorProfile } from "./types.js";

export type { DeviceKnowledge } from "./plan-hints.js";
export { questionHint } from "./plan-hints.js";
export { matchPanel, type PanelFinding } from "./panel.js";

const LOADERS: Record<KnownVendorId, () => Promise<{ default: VendorProfile }>> = {
  ricoh: () => import("./vendors/ricoh.js"),
  canon: () => import("./vendors/canon.js"),
  sharp: () => import("./vendors/sharp.js"),
  fujifilm: () => import("./vendors/fujifilm.js"),
  "konica-minolta": () => import("./vendors/konica-minolta.js"),
  kyocera: () => import("./vendors/kyocera.js"),
  xerox: () => import("./vendors/xerox.js"),
  brother: () => import("./vendors/brother.js"),
  epson: () => import("./vendors/epson.js"),
  toshiba: () => import("./vendors/toshiba.js"),
  hp: () => import("./vendors/hp.js"),
  lexmark: () => import("./vendors/lexmark.js"),
};

export async function loadVendor(id: KnownVendorId): Promise<VendorProfile> {
  return (await LOADERS[id]()).default;
}

export type Catalog = Readonly<Record<KnownVendorId, VendorProfile>>;

/** Every vendor (the `devices` command, the wizard). */
export async function loadCatalog(): Promise<Catalog> {
  const profiles = await Promise.all(KNOWN_VENDOR_IDS.map((id) => loadVendor(id)));
  return Object.fromEntries(KNOWN_VENDOR_IDS.map((id, i) => [id, profiles[i]])) as unknown as Catalog;
}

/**
 * The makers whose own messages (not a bare code of their shape) the text holds, with the first such message: for a
 * paste that has no SMTP reply and names no maker (explain without --vendor), to say which --vendor reads it.
 */
export async function vendorsByMessage(text: string): Promise<Array<{ vendor: KnownVendorId; excerpt: string }>> {
  return makersOfMessage(await loadCatalog(), text);
}

/** The same from an already loaded catalog (synchronous: the wizard's reducer names the maker of a pasted message). */
export function makersOfMessage(catalog: Catalog, text: string): Array<{ vendor: KnownVendorId; excerpt: string }> {
  const found: Array<{ vendor: KnownVendorId; excerpt: string }> = [];
  for (const id of KNOWN_VENDOR_IDS) {
    const excerpt = firstKnownMessage(catalog[id], text);
    if (excerpt !== undefined) found.push({ vendor: id, excerpt });
  }
  return found;
}

/**
 * The makers whose code shape the whole paste is (panel.ts bareCode: "#801" alone is a Canon's), with the code as typed: said when
 * the text holds nothing else, without a maker named.
 */
export async function vendorsByBareCode(text: string): Promise<Array<{ vendor: KnownVendorId; code: string }>> {
  return makersOfBareCode(await loadCatalog(), text);
}

/** The same from an already loaded catalog (synchronous: the wizard's reducer). */
export function makersOfBareCode(catalog: Catalog, text: string): Array<{ vendor: KnownVendorId; code: string }> {
  const found: Array<{ vendor: KnownVendorId; code: string }> = [];
  for (const id of KNOWN_VENDOR_IDS) {
    const code = bareCode(catalog[id], text);
    if (code !== undefined) found.push({ vendor: id, code });
  }
  return found;
}

function knowledge(vendor: VendorId, profile: VendorProfile | undefined, model: string | undefined): DeviceKnowledge {
  return profile ? { vendor, resolved: resolve(profile, model) } : { vendor };
}

/** The device the case names, with its profile loaded; undefined when the case names none. */
export async function loadDevice(c: Case): Promise<DeviceKnowledge | undefined> {
  const vendor = c.device?.vendor;
  if (vendor === undefined) return undefined;
  return knowledge(vendor, isKnownVendor(vendor) ? await loadVendor(vendor) : undefined, c.device?.model);
}

/** The same from an already loaded catalog (synchronous: the wizard's reducer). */
export function deviceFrom(c: Case, catalog: Catalog): DeviceKnowledge | undefined {
  const vendor = c.device?.vendor;
  if (vendor === undefined) return undefined;
  return knowledge(vendor, isKnownVendor(vendor) ? catalog[vendor] : undefined, c.device?.model);
}

function replyOf(c: Case): string | undefined {
  const reply = c.device?.reply;
  return reply !== undefined && reply.trim() !== "" ? reply : undefined;
}

/** The reply analysis with the device's panel code in it (when the text holds no SMTP failure), and the findings. */
export function analyzeWithDevice(text: string, dev: DeviceKnowledge | undefined, analysis: ReplyAnalysis | undefined = analyzeReply(text)): { analysis: ReplyAnalysis | undefined; findings: PanelFinding[] } {
  const profile = dev?.resolved?.profile;
  if (!profile) return { analysis, findings: [] };
  const findings = matchPanel(profile, text);
  return { analysis: withPanelMatch(analysis, findings, text), findings };
}

/**
 * evaluate(), with the device's panel code taken into account. `analyze` reads the reply (the
 * wizard passes one that keeps its last analysis: a paste is read once, not on every answer).
 */
export function evaluateDevice(c: Case, dev: DeviceKnowledge | undefined, today: string, analyze: (text: string) => ReplyAnalysis = analyzeReply): Diagnosis {
  const reply = replyOf(c);
  const asOf = c.asOf ?? today;
  if (reply === undefined) return evaluateWith(c, undefined, asOf);
  if (!dev?.resolved) return evaluateWith(c, analyze(reply), asOf);
  return evaluateWith(c, analyzeWithDevice(reply, dev, analyze(reply)).analysis, asOf);
}

/** buildPlan(), with the device's hints. */
export function planDevice(c: Case, d: Diagnosis, lang: Lang, dev: DeviceKnowledge | undefined, analysis?: ReplyAnalysis): Plan {
  const plan = buildPlan(c, d, lang);
  if (!dev) return plan;
  const reply = replyOf(c);
  const found = reply !== undefined ? analyzeWithDevice(reply, dev, analysis ?? analyzeReply(reply)) : { analysis: undefined, findings: [] };
  return addDeviceHints(plan, c, d, { dev, findings: found.findings, ...(found.analysis ? { analysis: found.analysis } : {}) }, lang);
}
