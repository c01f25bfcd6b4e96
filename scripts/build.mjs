// Bundles the CLI into dist/: the full part (src/cli/bin.ts, ES modules split by command, so that
// `diagnose` never loads Ink, React, msal-node or execa), the fast part (dist/fast.cjs) and the start
// that picks between them (dist/start.js; see src/cli/route.ts).
import { build } from "esbuild";
import { readFileSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { join, resolve } from "node:path";
import { bundleOptions } from "./build-options.mjs";
import { catalogIndex, i18nStorePlugin, readAreas, shardIndex, writeCatalogs } from "./catalogs.mjs";

// `--outdir DIR` builds elsewhere (the package test builds a staging copy, leaving dist/ alone for
// the tests that run the built CLI at the same time).
const at = process.argv.indexOf("--outdir");
const dist = at > 0 && process.argv[at + 1] ? resolve(process.argv[at + 1]) : fileURLToPath(new URL("../dist/", import.meta.url));
// SMTP_AUTH_DOCTOR_MINIFY=0 builds readable code (for profiles).
const MINIFY = process.env.SMTP_AUTH_DOCTOR_MINIFY !== "0";
const srcRoot = fileURLToPath(new URL("..", import.meta.url));
await rm(dist, { recursive: true, force: true });
// The message catalogs: one JSON file per area and language, each part of it read on first use (scripts/catalogs.mjs).
const areas = await readAreas(srcRoot);
const shards = shardIndex(areas);
const ranges = await writeCatalogs(areas, join(dist, "i18n"), shards);
const store = () => i18nStorePlugin(catalogIndex(areas), shards, ranges);
// What every part of the bundle is built with: one options object, whose plugins make the reply tables once for all parts.
const shared = bundleOptions({ absWorkingDir: srcRoot, outdir: dist, minify: MINIFY });
await build({
  ...shared,
  entryPoints: { cli: "src/cli/bin.ts" },
  splitting: true,
  format: "esm",
  chunkNames: "chunks/[name]-[hash]",
  define: { "process.env.NODE_ENV": '"production"' },
  // CommonJS dependencies (msal-node's jsonwebtoken, smtp helpers) call require(); give them one.
  banner: { js: "import { createRequire as __sadCreateRequire } from 'node:module'; const require = __sadCreateRequire(import.meta.url);" },
  // react-devtools-core is an optional dev-only import inside Ink.
  external: ["react-devtools-core"],
  plugins: [...shared.plugins, store(), sameStyleFastPath()],
});

// The fast part (dist/fast.cjs): one CommonJS file for the commands that only read and print, run
// from V8's code cache by dist/start.js (src/cli/route.ts says which command lines go where). The
// modules only the full part may reach are replaced by one that fails loudly: a routing bug shows
// as an error, never as a silently different result. CommonJS has no import.meta: import.meta.url is
// made from __filename when read (the catalogs' reader uses __dirname there).
const FULL_ONLY = new RegExp(`[/\\\\]src[/\\\\](?:${fullOnlyModules().map((m) => m.replace(/\//g, "[/\\\\]")).join("|")})\\.tsx?$`);
const fast = await build({
  ...shared,
  entryPoints: { fast: "src/cli/bin-fast.ts" },
  format: "cjs",
  outExtension: { ".js": ".cjs" },
  define: { "process.env.NODE_ENV": '"production"', "import.meta.url": "__sadMeta.url" },
  // Made only if read (nothing in the fast part reads it at start: Node's URL code is not compiled for nothing).
  banner: { js: 'const __sadMeta = { get url() { return require("node:url").pathToFileURL(__filename).href; } };' },
  metafile: true,
  plugins: [
    ...shared.plugins,
    store(),
    lazySchemas(),
    {
      name: "full-only",
      setup(b) {
        b.onLoad({ filter: FULL_ONLY }, (args) => ({
          contents: `throw new Error(${JSON.stringify(`${args.path.slice(srcRoot.length)} is not in the fast part of the bundle (src/cli/route.ts)`)});`,
          loader: "js",
        }));
      },
    },
  ],
});
// Nothing in the fast part may load another file as a module (a vm.Script cannot import), and of the
// packages it holds only the case schema's validator: the screen, sign-in and process libraries stay out.
const FAST_PACKAGES = ["zod"];
if (process.env.SMTP_AUTH_DOCTOR_BUILD_META) (await import("node:fs")).writeFileSync(process.env.SMTP_AUTH_DOCTOR_BUILD_META, JSON.stringify(fast.metafile));
for (const [name, output] of Object.entries(fast.metafile.outputs)) {
  const foreign = output.imports.filter((i) => !i.path.startsWith("node:") && !/^[a-z_]+$/.test(i.path));
  if (foreign.length > 0) throw new Error(`${name} imports ${foreign.map((i) => `${i.path} (${i.kind})`).join(", ")}`);
  const packages = Object.keys(output.inputs).filter((i) => i.includes("node_modules/") && !FAST_PACKAGES.includes(/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(i)?.[1] ?? ""));
  if (packages.length > 0) throw new Error(`${name} holds packages: ${packages.join(", ")}`);
}

// The fast part as ASCII only (esbuild leaves the Japanese and other non-ASCII letters of regular expressions as they
// are): every such UTF-16 unit written as its \uXXXX escape, which means the same in a string, a template's value and a
// regular expression (a surrogate pair as two escapes is one code point under the u flag too). The start reads the
// file as latin1, a one-byte string half the size of a UTF-8 read's two-byte one and faster to make (issue 15).
// None of them follows a backslash (an identity escape "\。" would become "\\u3002"): checked, not assumed.
// Written already wrapped as CommonJS's module function (the start runs it as it is, src/cli/code-cache.ts): the start
// then compiles the string it read, not a copy joined to the wrapper (459 KB less to allocate and copy at every start).
writeAsciiOnly(join(dist, "fast.cjs"), (code) => `(function (exports, require, module, __filename, __dirname) { ${code}\n})`);

// The start (dist/start.cjs, CommonJS like bin/): picks the part and runs it.
await build({
  ...shared,
  entryPoints: { start: "src/cli/start.ts" },
  format: "cjs",
  outExtension: { ".js": ".cjs" },
  plugins: [...shared.plugins, { name: "full-part", setup: (b) => b.onResolve({ filter: /^\.\/cli\.js$/ }, () => ({ path: "./cli.js", external: true })) }],
});

/** Rewrite `file` with every non-ASCII UTF-16 unit escaped (\\uXXXX), then `wrap`ped; fails the build where an escape would change the code. */
function writeAsciiOnly(file, wrap) {
  const source = readFileSync(file, "utf8");
  if (/\\[\u0080-\uffff]/.test(source)) throw new Error(`${file}: a non-ASCII character follows a backslash; it cannot be escaped as \\uXXXX`);
  const ascii = source.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  writeFileSync(file, wrap(ascii));
}

/**
 * Ink draws every frame as a grid of cells (rows × the terminal's columns) and joins each row with
 * @alcalzone/ansi-tokenize's diffAnsiCodes(from, to) between neighbouring cells: three Sets and four arrays per cell,
 * ~2 MB per frame of the wizard, almost all for cells whose styles are the same as their neighbour's (no codes, or the
 * same codes). For those the answer is an empty list: this returns it before the Sets are made. Same result for every
 * input (both lists are reduced, as the function requires: equal lists leave nothing to undo and nothing to add). The
 * build fails if the function is not found as expected (a new version of the package is then looked at again).
 */
function sameStyleFastPath() {
  const head = "export function diffAnsiCodes(from, to) {";
  return {
    name: "same-style-fast-path",
    setup(b) {
      b.onLoad({ filter: /[/\\]@alcalzone[/\\]ansi-tokenize[/\\]build[/\\]diff\.js$/ }, (args) => {
        const source = readFileSync(args.path, "utf8");
        if (source.split(head).length !== 2) throw new Error(`${args.path}: "${head}" not found once`);
        const fast = "if (from.length === to.length && from.every((c, i) => c.code === to[i].code && c.endCode === to[i].endCode)) return [];";
        return { contents: source.replace(head, `${head} ${fast}`), loader: "js" };
      });
    },
  };
}

/**
 * The fast part builds the case schemas with zod only when they are first needed (src/case/schema-load.ts): that module
 * becomes a require() of src/case/schema-zod.ts, which esbuild bundles as a module (and zod's modules with it, still only
 * the parts it uses) run on that first require, instead of at the start of every command that reads src/case/schema.ts.
 */
function lazySchemas() {
  return {
    name: "lazy-schemas",
    setup(b) {
      b.onLoad({ filter: /[/\\]src[/\\]case[/\\]schema-load\.ts$/ }, () => ({
        contents: 'export function buildSchemas() { return require("./schema-zod.ts").build(); }',
        loader: "js",
      }));
    },
  };
}

/** FULL_ONLY_MODULES of src/cli/route.ts, read from its source (the build runs before anything is compiled). */
function fullOnlyModules() {
  const source = readFileSync(join(srcRoot, "src", "cli", "route.ts"), "utf8");
  const list = /FULL_ONLY_MODULES = \[([^\]]*)\]/.exec(source);
  if (!list) throw new Error("src/cli/route.ts: FULL_ONLY_MODULES not found");
  return [...list[1].matchAll(/"([^"]+)"/g)].map((m) => m[1]);
}
