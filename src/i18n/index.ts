// t(lang, key, params): the only way user-visible text is produced. The catalog text is ours; every
// parameter is a value that may have come from outside (a file name, a flag, a server reply, a
// tenant's policy name), so each one passes the one output sanitiser here, on one line: no value
// can put a control sequence, a line break or a bidi override into a message.
import { safeText } from "../render/sanitize.js";
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

export type { Lang } from "./catalog.js";
export { LANGS } from "./catalog.js";

const areas = [common, cli, causes, plan, questions, wizard, live, probe, audit, whatif, devices] as const;

type AreaKeys<A> = A extends { en: infer E } ? keyof E : never;
export type MessageKey = AreaKeys<(typeof areas)[number]> & string;
export type Params = Record<string, string | number>;

const tables: Record<Lang, Record<string, string>> = { en: {}, ja: {} };
for (const area of areas) {
  Object.assign(tables.en, area.en);
  Object.assign(tables.ja, area.ja);
}

/** Every key, for tests. */
export const ALL_KEYS = Object.keys(tables.en) as MessageKey[];
export function rawTable(lang: Lang): Readonly<Record<string, string>> {
  return tables[lang];
}

export function t(lang: Lang, key: MessageKey, params?: Params): string {
  const template = tables[lang][key] ?? tables.en[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? safeText(String(params[name])) : whole));
}

/** Has the catalog a message under this (dynamic) key? For keys built from ids, e.g. `cause.${id}.title`. */
export function hasKey(key: string): key is MessageKey {
  return key in tables.en;
}

/** A translator bound to one language. */
export type Translate = (key: MessageKey, params?: Params) => string;
export function translator(lang: Lang): Translate {
  return (key, params) => t(lang, key, params);
}
