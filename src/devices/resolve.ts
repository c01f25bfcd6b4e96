// A vendor profile narrowed to one device: the families device.model matches (where the reference
// allows), the OAuth position with the family's differences laid over the vendor's, and the hints
// that apply. Pure.
import type { ConnectionTest, Family, OAuthPosition, Pitfall, SettingHint, SettingId, VendorProfile } from "./types.js";

export interface Resolved {
  profile: VendorProfile;
  /** Families the model matched, in the profile's order (a later one is more specific). */
  families: readonly Family[];
  model?: string;
  oauth: OAuthPosition;
}

/** Matching looks at a bounded, single-line copy of the model text. */
function matchText(model: string): string {
  return model.slice(0, 256).replace(/\s+/g, " ");
}

export function resolve(profile: VendorProfile, model?: string): Resolved {
  const text = model !== undefined ? matchText(model) : undefined;
  const families = text ? profile.families.filter((f) => f.match.some((re) => re.test(text))) : [];
  let oauth = profile.oauth;
  for (const f of families) if (f.oauth) oauth = { ...oauth, ...f.oauth };
  return { profile, families, oauth, ...(model !== undefined ? { model } : {}) };
}

/** A family-scoped fact applies when its family matched, or (no family matched) as "on <family>". */
function applies(r: Resolved, family: string | undefined): boolean {
  if (family === undefined) return true;
  if (r.families.some((f) => f.id === family)) return true;
  // A model matched other families: this one is not about it.
  return r.families.length === 0;
}

export function settingHints(r: Resolved, id: SettingId): readonly SettingHint[] {
  const all = r.profile.settings[id] ?? [];
  const scoped = all.filter((h) => applies(r, h.family));
  // When the model's family has its own hints, the vendor-wide ones for other product lines step back.
  const own = scoped.filter((h) => h.family !== undefined && r.families.some((f) => f.id === h.family));
  return own.length > 0 ? own : scoped;
}

export function connectionTests(r: Resolved): readonly ConnectionTest[] {
  return r.profile.connectionTests.filter((t) => applies(r, t.family));
}

export function pitfalls(r: Resolved, ids: readonly SettingId[]): readonly Pitfall[] {
  return r.profile.pitfalls.filter((p) => applies(r, p.family) && p.settings.some((s) => ids.includes(s)));
}

/** The name of a family id in this profile (for "on <family>"). */
export function familyName(r: Resolved, id: string): string {
  return r.profile.families.find((f) => f.id === id)?.name ?? id;
}

/** Is this hint about a family the model did not match (shown with "on <family>")? */
export function isOtherFamily(r: Resolved, family: string | undefined): boolean {
  return family !== undefined && !r.families.some((f) => f.id === family);
}
