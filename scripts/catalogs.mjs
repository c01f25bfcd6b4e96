// The message catalogs as the bundle reads them: one JSON file per area and language in
// dist/i18n/<area>.<lang>.json, and a tiny module standing in for src/i18n/store.ts that finds a
// key's area (by the key's first segment, plus the few keys that live outside their prefix's area)
// and reads that file synchronously the first time the area is needed.
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

/** Write dist/i18n/<area>.<lang>.json. */
export async function writeCatalogs(areas, outDir) {
  await mkdir(outDir, { recursive: true });
  for (const a of areas) for (const lang of LANGS) await writeFile(join(outDir, `${a.name}.${lang}.json`), JSON.stringify(a[lang]));
}

/** The bundle's stand-in for src/i18n/store.ts (same exports as used by src/i18n/index.ts). */
export function storeModule(index) {
  return `import { readFileSync } from "node:fs";
const PREFIXES = ${JSON.stringify(index.prefixes)};
const EXCEPTIONS = ${JSON.stringify(index.exceptions)};
// The catalogs sit in dist/i18n/, beside dist/cli.js and dist/chunks/.
let base;
export function areaOf(key) {
  if (Object.hasOwn(EXCEPTIONS, key)) return EXCEPTIONS[key];
  const dot = key.indexOf(".");
  const prefix = dot < 0 ? key : key.slice(0, dot);
  return Object.hasOwn(PREFIXES, prefix) ? PREFIXES[prefix] : undefined;
}
export function loadArea(area, lang) {
  if (!base) {
    const here = new URL(".", import.meta.url);
    base = new URL(here.pathname.endsWith("/chunks/") ? "../i18n/" : "./i18n/", here);
  }
  return JSON.parse(readFileSync(new URL(area + "." + lang + ".json", base), "utf8"));
}
`;
}

/** The esbuild plugin that puts the store module in place of src/i18n/store.ts. */
export function i18nStorePlugin(index) {
  return {
    name: "i18n-store",
    setup(b) {
      b.onResolve({ filter: /^\.\/store\.js$/ }, (args) => (/[/\\]src[/\\]i18n[/\\]index\.ts$/.test(args.importer) ? { path: "store", namespace: "i18n-store" } : undefined));
      b.onLoad({ filter: /.*/, namespace: "i18n-store" }, () => ({ contents: storeModule(index), loader: "js", resolveDir: b.initialOptions.absWorkingDir }));
    },
  };
}
