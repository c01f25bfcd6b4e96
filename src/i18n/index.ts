// t(lang, key, params): the only way user-visible text is produced. The catalog text is ours; every
// parameter is a value that may have come from outside (a file name, a flag, a server reply, a
// tenant's policy name), so each one passes the one output sanitiser here, on one line: no value
// can put a control sequence, a line break or a bidi override into a message.
//
// The tables are filled on demand, one message at a time, from one shard (a part of an area) and one
// language (./store.ts): a command that prints only command-line messages in Japanese never loads the
// plan's or the English ones, and a diagnosis reads only the parts of the plan's messages it prints.
import { safeText } from "../render/sanitize.js";
import type { Lang } from "./catalog.js";
import { messageIn, shardOf, type AREAS, type AreaName } from "./store.js";

export type { Lang } from "./catalog.js";
export { LANGS } from "./catalog.js";

type AreaKeys<A> = A extends { en: infer E } ? keyof E : never;
export type MessageKey = AreaKeys<(typeof AREAS)[AreaName]> & string;
export type Params = Record<string, string | number>;

/** The messages looked up so far, per language, and the keys found to have none. */
const tables: Record<Lang, Record<string, string>> = { en: Object.create(null) as Record<string, string>, ja: Object.create(null) as Record<string, string> };
const missing: Record<Lang, Set<string>> = { en: new Set(), ja: new Set() };
/** The language last asked for: hasKey() looks there first (both languages have the same keys). */
let lastLang: Lang = "en";

/**
 * The message under `key` in `lang`, read from its shard on first use; undefined when there is none. One message at a
 * time: parsing a whole shard into an object was most of the memory a command's start allocated for its messages
 * (explain: ~0.8 MB of short-lived objects for ~110 KB of JSON, issue 15).
 */
function lookup(lang: Lang, key: string): string | undefined {
  const table = tables[lang];
  const hit = table[key];
  if (hit !== undefined) return hit;
  if (missing[lang].has(key)) return undefined;
  const shard = shardOf(key);
  const found = shard === undefined ? undefined : messageIn(shard, lang, key);
  if (found === undefined) missing[lang].add(key);
  else table[key] = found;
  return found;
}

/**
 * The words for what sends the mail where a message names it ({sender}, {Sender} at the start of a label or a sentence,
 * {senderA}, {SenderA} at the start of a sentence, {senderGuide}) and the caller chose none:
 * a device's. src/render/labels.ts senderParams() passes an application's words for an application or a script (persona round 7, #11).
 */
const SENDER_DEFAULTS: Readonly<Record<string, string>> = { sender: "plan.sender.device", Sender: "plan.sender.device.cap", senderA: "plan.sender.device.a", SenderA: "plan.sender.device.A", senderGuide: "plan.sender.device.guide" };

export function t(lang: Lang, key: MessageKey, params?: Params): string {
  lastLang = lang;
  const template = lookup(lang, key) ?? lookup("en", key) ?? key;
  const names = template.includes("{sender") || template.includes("{Sender");
  if (!params && !names) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string, at: number) => {
    // The caller's value, else a sender's default for a {sender…} name the caller left out.
    const own = params !== undefined && name in params;
    const fallback = !own && names && Object.hasOwn(SENDER_DEFAULTS, name) ? SENDER_DEFAULTS[name] : undefined;
    const value = own ? safeText(String(params[name])) : fallback !== undefined ? lookup(lang, fallback) : undefined;
    if (value === undefined) return whole;
    return lang === "ja" ? spacedInJapanese(value, template.charCodeAt(at - 1), template.charCodeAt(at + whole.length)) : value;
  });
}

/** Kana and kanji (the Japanese around a placeholder). */
function isJapanese(c: number): boolean {
  return (c >= 0x3040 && c <= 0x30ff) || (c >= 0x4e00 && c <= 0x9fff);
}
/** A letter, a digit or a parenthesis of ASCII: where Latin text meets Japanese. */
function isLatinEdge(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x28 || c === 0x29;
}

/**
 * A value set into Japanese text with a half-width space where its Latin letters, digits or parentheses meet the template's
 * kana or kanji, as Microsoft's Japanese style has it and as the catalog writes its own words ("TLS (STARTTLS) の段階", not
 * "TLS (STARTTLS)の段階"; "ゼロックス (Xerox) のデバイス": persona round 7).
 */
function spacedInJapanese(value: string, before: number, after: number): string {
  if (value === "") return value;
  const head = isJapanese(before) && isLatinEdge(value.charCodeAt(0)) ? " " : "";
  const tail = isJapanese(after) && isLatinEdge(value.charCodeAt(value.length - 1)) ? " " : "";
  return head + value + tail;
}

/** Has the catalog a message under this (dynamic) key? For keys built from ids, e.g. `cause.${id}.title`. */
export function hasKey(key: string): key is MessageKey {
  return lookup(lastLang, key) !== undefined;
}

/** A translator bound to one language. */
export type Translate = (key: MessageKey, params?: Params) => string;
export function translator(lang: Lang): Translate {
  return (key, params) => t(lang, key, params);
}
