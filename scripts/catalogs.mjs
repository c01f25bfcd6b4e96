// The message catalogs as the bundle reads them: one JSON file per area and language in
// dist/i18n/<area>.<lang>.json, and a tiny module standing in for src/i18n/store.ts that finds a
// key's shard (a part of an area, by the key's first segments: shardIndex below), reads only that
// part of the file, synchronously, the first time one of its keys is needed, and decodes only the
// messages asked for.
import { build } from "esbuild";
import { mkdir, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";

const LANGS = ["en", "ja"];

/** Every area of src/i18n/areas, compiled and imported: [{ name, en, ja }], sorted by name. */
export async function readAreas(root) {
  const dir = join(root, "src", "i18n", "areas");
  const names = (await readdir(dir)).filter((f) => f.endsWith(".ts")).map((f) => f.slice(0, -3)).sort();
  const out = [];
  for (const name of names) {
    const r = await build({ entryPoints: [join(dir, `${name}.ts`)], bundle: true, format: "esm", platform: "node", write: false, logLevel: "error" });
    const code = r.outputFiles[0].text;
    const mod = await import(`data:text/javascript;base64,${Buffer.from(code).toString("base64")}`);
    out.push({ name, en: mod.default.en, ja: mod.default.ja });
  }
  return out;
}

/** Which area holds each key: the area most keys of a prefix live in, and the exceptions. */
export function catalogIndex(areas) {
  const owner = new Map();
  for (const a of areas) {
    for (const key of Object.keys(a.en)) {
      if (owner.has(key)) throw new Error(`message key ${key} is in two areas: ${owner.get(key)} and ${a.name}`);
      owner.set(key, a.name);
    }
    for (const lang of LANGS) {
      const missing = Object.keys(a.en).filter((k) => typeof a[lang][k] !== "string");
      if (missing.length || Object.keys(a[lang]).length !== Object.keys(a.en).length) throw new Error(`area ${a.name}: ${lang} has not the keys of en (${missing.slice(0, 3).join(", ")})`);
    }
  }
  const prefixOf = (key) => (key.includes(".") ? key.slice(0, key.indexOf(".")) : key);
  const counts = new Map();
  for (const [key, area] of owner) {
    const per = counts.get(prefixOf(key)) ?? new Map();
    per.set(area, (per.get(area) ?? 0) + 1);
    counts.set(prefixOf(key), per);
  }
  const prefixes = {};
  for (const [prefix, per] of counts) prefixes[prefix] = [...per].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0][0];
  const exceptions = {};
  for (const [key, area] of owner) if (prefixes[prefixOf(key)] !== area) exceptions[key] = area;
  return { prefixes, exceptions };
}

/**
 * The parts of the areas the bundle reads at once ("shards"): a command needs a few keys of an area (a
 * diagnosis uses about a tenth of the plan's), and parsing a whole area's JSON costs it start-up time and
 * memory. An area is split by its keys' segments ("plan" → "plan.step" → "plan.step.tenant-switch-on"),
 * down to four, until a part's Japanese is under SHARD_MAX bytes; the parts under SHARD_MIN bytes at one
 * level are kept together. A key finds its shard by the longest of its first segments with a route
 * (`routes`), or by name (`exceptions`: the few keys the segments would send elsewhere), checked here
 * for every key.
 */
const SHARD_MAX = 4000;
const SHARD_MIN = 1000;
const SHARD_DEPTH = 4;

const segments = (key, n) => key.split(".").slice(0, n).join(".");

export function shardIndex(areas) {
  const shards = [];
  // Where two areas' parts claim one route (the few keys outside their prefix's area), the part with more of its keys wins.
  const claims = new Map();
  const add = (area, keys, prefixes) => {
    const id = shards.length;
    shards.push({ area: area.name, keys });
    for (const p of prefixes) {
      const weight = keys.filter((k) => k === p || k.startsWith(`${p}.`)).length;
      const held = claims.get(p);
      if (held === undefined || weight > held.weight) claims.set(p, { id, weight });
    }
  };
  for (const area of areas) {
    const bytes = (key) => Buffer.byteLength(JSON.stringify(key) + JSON.stringify(area.ja[key])) + 2;
    const split = (keys, depth, parent) => {
      const groups = new Map();
      for (const k of keys) {
        const p = segments(k, depth);
        if (!groups.has(p)) groups.set(p, []);
        groups.get(p).push(k);
      }
      const rest = [];
      const restPrefixes = [];
      for (const [p, group] of groups) {
        const size = group.reduce((sum, k) => sum + bytes(k), 0);
        if (size > SHARD_MAX && depth < SHARD_DEPTH && group.some((k) => k.split(".").length > depth)) split(group, depth + 1, p);
        else if (size < SHARD_MIN) {
          rest.push(...group);
          restPrefixes.push(p);
        } else add(area, group, [p]);
      }
      // The small parts of one level, together: routed by the segment above them (or, at the top, by each).
      if (rest.length > 0) add(area, rest, parent === undefined ? restPrefixes : [parent]);
    };
    split(Object.keys(area.en), 1, undefined);
  }
  const routes = {};
  for (const [p, { id }] of [...claims].sort((a, b) => a[0].localeCompare(b[0]))) routes[p] = id;
  const exceptions = {};
  shards.forEach((s, id) => {
    for (const key of s.keys) if (routeOf(routes, {}, key) !== id) exceptions[key] = id;
  });
  return { shards, routes, exceptions };
}

/** A key's shard: by name, else by the longest of its first segments with a route (the store module's shardOf). */
function routeOf(routes, exceptions, key) {
  if (Object.hasOwn(exceptions, key)) return exceptions[key];
  const parts = key.split(".");
  for (let n = Math.min(parts.length, SHARD_DEPTH); n > 0; n--) {
    const p = parts.slice(0, n).join(".");
    if (Object.hasOwn(routes, p)) return routes[p];
  }
  return undefined;
}

/**
 * The text of dist/i18n/<area>.<lang>.json: each a JSON object of the area's messages, its keys in the
 * order of the shards, so that each shard is one run of bytes ("k":"v",…) the bundle parses alone; and
 * where each shard is in its area's files: [area, enOffset, enLength, jaOffset, jaLength].
 */
export function catalogFiles(areas, index = shardIndex(areas)) {
  const files = {};
  const ranges = index.shards.map((s) => [s.area, 0, 0, 0, 0]);
  for (const a of areas) {
    for (const [li, lang] of LANGS.entries()) {
      let at = 1;
      const parts = [];
      index.shards.forEach((s, id) => {
        if (s.area !== a.name) return;
        const body = s.keys.map((k) => `${JSON.stringify(k)}:${JSON.stringify(a[lang][k])}`).join(",");
        if (parts.length > 0) at += 1;
        ranges[id][1 + li * 2] = at;
        ranges[id][2 + li * 2] = Buffer.byteLength(body);
        at += Buffer.byteLength(body);
        parts.push(body);
      });
      files[`${a.name}.${lang}.json`] = `{${parts.join(",")}}`;
    }
  }
  return { files, ranges };
}

/** Write dist/i18n/<area>.<lang>.json (catalogFiles); returns the shards' ranges. */
export async function writeCatalogs(areas, outDir, index = shardIndex(areas)) {
  await mkdir(outDir, { recursive: true });
  const { files, ranges } = catalogFiles(areas, index);
  for (const [name, text] of Object.entries(files)) await writeFile(join(outDir, name), text);
  return ranges;
}

/** The bundle's stand-in for src/i18n/store.ts (same exports as used by src/i18n/index.ts). */
export function storeModule(index, shards, ranges) {
  return `import { openSync, readSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
const PREFIXES = ${JSON.stringify(index.prefixes)};
const EXCEPTIONS = ${JSON.stringify(index.exceptions)};
// Without a prototype: V8 makes such a literal a dictionary at once, where ~180 keys in a plain one each added a hidden class at
// every start (about 0.13 M instructions, issue 15); read only with Object.hasOwn and [] (no inherited key was ever a route).
const ROUTES = { __proto__: null, ${JSON.stringify(shards.routes).slice(1)};
const KEY_ROUTES = ${JSON.stringify(shards.exceptions)};
// Each shard: its area and where it is in the area's file, in English then Japanese ([area, offset, length, offset, length]).
const SHARDS = ${JSON.stringify(ranges)};
// The catalogs sit in dist/i18n/, beside dist/cli.js and dist/chunks/; each shard's bytes are read once, alone.
let base;
const fds = Object.create(null);
const bytes = { en: [], ja: [] };
export function areaOf(key) {
  if (Object.hasOwn(EXCEPTIONS, key)) return EXCEPTIONS[key];
  const dot = key.indexOf(".");
  const prefix = dot < 0 ? key : key.slice(0, dot);
  return Object.hasOwn(PREFIXES, prefix) ? PREFIXES[prefix] : undefined;
}
export function shardOf(key) {
  if (Object.hasOwn(KEY_ROUTES, key)) return KEY_ROUTES[key];
  let end = -1;
  const ends = [];
  for (let n = 0; n < ${SHARD_DEPTH}; n++) {
    end = key.indexOf(".", end + 1);
    ends.push(end < 0 ? key.length : end);
    if (end < 0) break;
  }
  for (let n = ends.length - 1; n >= 0; n--) {
    const prefix = key.slice(0, ends[n]);
    if (Object.hasOwn(ROUTES, prefix)) return ROUTES[prefix];
  }
  return undefined;
}
/** dist/i18n/ from a module of the full part (dist/cli.js or a chunk in dist/chunks/). */
function catalogsFolder() {
  const here = new URL(".", import.meta.url);
  return fileURLToPath(new URL(here.pathname.endsWith("/chunks/") ? "../i18n/" : "./i18n/", here));
}
/** The shard's bytes ("k":"v",…) in this language, read from its area's file the first time. */
function shardBytes(id, lang) {
  const held = bytes[lang][id];
  if (held !== undefined) return held;
  // The fast part (dist/fast.cjs, CommonJS) has its folder as __dirname: a path, without Node's URL code compiled at every start.
  base ??= typeof __dirname === "string" ? join(__dirname, "i18n") : catalogsFolder();
  const s = SHARDS[id];
  const name = s[0] + "." + lang;
  const fd = (fds[name] ??= openSync(join(base, name + ".json"), "r"));
  const at = lang === "ja" ? 3 : 1;
  const buf = Buffer.allocUnsafe(s[at + 1]);
  let done = 0;
  while (done < buf.length) {
    const n = readSync(fd, buf, done, buf.length - done, s[at] + done);
    if (n === 0) throw new Error("message catalog " + name + ".json is shorter than the bundle expects");
    done += n;
  }
  bytes[lang][id] = buf;
  return buf;
}
/**
 * The message under \`key\` in shard \`id\` and \`lang\`, or undefined: found in the shard's bytes and only its value decoded
 * (JSON.parse only where the value holds an escape), rather than the whole shard parsed into an object. The key's quoted
 * form followed by ':"' occurs nowhere else in a JSON object: inside a string every quote follows a backslash.
 */
export function messageIn(id, lang, key) {
  const b = shardBytes(id, lang);
  const at = b.indexOf('"' + key + '":"');
  if (at < 0) return undefined;
  const start = at + key.length + 4;
  // The value ends at the first quote after it that no backslash escapes (an odd run of backslashes before it).
  let end = b.indexOf(0x22, start);
  for (;;) {
    let slashes = 0;
    while (b[end - 1 - slashes] === 0x5c) slashes++;
    if (slashes % 2 === 0) break;
    end = b.indexOf(0x22, end + 1);
  }
  const raw = b.toString("utf8", start, end);
  const escaped = b.indexOf(0x5c, start);
  return escaped >= 0 && escaped < end ? JSON.parse('"' + raw + '"') : raw;
}
`;
}

/** The esbuild plugin that puts the store module in place of src/i18n/store.ts. */
export function i18nStorePlugin(index, shards, ranges) {
  return {
    name: "i18n-store",
    setup(b) {
      b.onResolve({ filter: /^\.\/store\.js$/ }, (args) => (/[/\\]src[/\\]i18n[/\\]index\.ts$/.test(args.importer) ? { path: "store", namespace: "i18n-store" } : undefined));
      b.onLoad({ filter: /.*/, namespace: "i18n-store" }, () => ({ contents: storeModule(index, shards, ranges), loader: "js", resolveDir: b.initialOptions.absWorkingDir }));
    },
  };
}
