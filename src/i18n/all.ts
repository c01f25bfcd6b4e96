// Every message of every area at once, for tests that check the catalogs as a whole (the CLI itself
// loads an area only when it prints one of its messages, see ./store.ts).
import type { Lang } from "./catalog.js";
import type { MessageKey } from "./index.js";
import { AREAS } from "./store.js";

const tables: Record<Lang, Record<string, string>> = { en: {}, ja: {} };
for (const area of Object.values(AREAS)) {
  Object.assign(tables.en, area.en);
  Object.assign(tables.ja, area.ja);
}

/** Every key. */
export const ALL_KEYS = Object.keys(tables.en) as MessageKey[];
export function rawTable(lang: Lang): Readonly<Record<string, string>> {
  return tables[lang];
}
