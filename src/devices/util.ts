// Helpers for the vendor data files.
import type { SettingHint, SettingId } from "./types.js";

/** The SMTP settings a page holds when a source says "the SMTP settings are here" without naming each field. */
export const SMTP_PAGE_SETTINGS = ["server", "port", "encryption", "authMethod", "username", "sender"] as const satisfies readonly SettingId[];

/** The same hint for each of `ids` (the source names the page, not the fields). */
export function onePage(hint: SettingHint, ids: readonly SettingId[] = SMTP_PAGE_SETTINGS): Partial<Record<SettingId, readonly SettingHint[]>> {
  return Object.fromEntries(ids.map((id) => [id, [hint]]));
}
