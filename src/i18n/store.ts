// Where the message tables come from. Under tsx (tests, development) this module imports every
// area's TypeScript catalog. In the bundle it is replaced (scripts/build.mjs, plugin "i18n-store")
// by a tiny module that reads, from one JSON file per area and language in dist/i18n/, only the part
// of it (a shard) that holds the key asked for, and decodes only the messages asked for, so a command
// loads only the messages near those it prints, in its language. Both give the same answers: `areaOf(key)` (the area holding a key, or
// undefined), `shardOf(key)` and `messageIn(id, lang, key)` (the message under a key of that shard,
// or undefined).
import type { Lang } from "./catalog.js";
import audit from "./areas/audit.js";
import causes from "./areas/causes.js";
import cli from "./areas/cli.js";
import common from "./areas/common.js";
import devices from "./areas/devices.js";
import live from "./areas/live.js";
import plan from "./areas/plan.js";
import probe from "./areas/probe.js";
import questions from "./areas/questions.js";
import whatif from "./areas/whatif.js";
import wizard from "./areas/wizard.js";

/** Every area by name (the name of its file in ./areas). */
export const AREAS = { audit, causes, cli, common, devices, live, plan, probe, questions, whatif, wizard } as const;
export type AreaName = keyof typeof AREAS;

let owner: Map<string, AreaName> | undefined;

export function areaOf(key: string): AreaName | undefined {
  if (!owner) {
    owner = new Map();
    for (const [name, area] of Object.entries(AREAS) as [AreaName, { en: Record<string, string> }][]) for (const k of Object.keys(area.en)) owner.set(k, name);
  }
  return owner.get(key);
}

export function loadArea(area: AreaName, lang: Lang): Readonly<Record<string, string>> {
  return AREAS[area][lang] as Readonly<Record<string, string>>;
}

/**
 * The part of the tables read at once: here a whole area. The bundle's store splits each area into
 * shards by the keys' segments and reads only the one asked for (scripts/catalogs.mjs shardIndex).
 */
export type ShardId = AreaName;
export const shardOf: (key: string) => ShardId | undefined = areaOf;

/** The message under `key` in shard `id` and `lang`, or undefined. */
export function messageIn(id: ShardId, lang: Lang, key: string): string | undefined {
  const table = loadArea(id, lang);
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
