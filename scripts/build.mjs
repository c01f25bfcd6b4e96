// Bundles src/cli/main.ts into dist/ with code splitting, so that the `diagnose` path never loads
// Ink, React, msal-node or execa: those sit in chunks that are imported only when needed.
import { build } from "esbuild";
import { rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { join, resolve } from "node:path";
import { catalogIndex, i18nStorePlugin, readAreas, writeCatalogs } from "./catalogs.mjs";

// `--outdir DIR` builds elsewhere (the package test builds a staging copy, leaving dist/ alone for
// the tests that run the built CLI at the same time).
const at = process.argv.indexOf("--outdir");
const dist = at > 0 && process.argv[at + 1] ? resolve(process.argv[at + 1]) : fileURLToPath(new URL("../dist/", import.meta.url));
const srcRoot = fileURLToPath(new URL("..", import.meta.url));
await rm(dist, { recursive: true, force: true });
// The message catalogs: one JSON file per area and language, read on first use (scripts/catalogs.mjs).
const areas = await readAreas(srcRoot);
await writeCatalogs(areas, join(dist, "i18n"));
await build({
  absWorkingDir: srcRoot,
  entryPoints: { cli: "src/cli/bin.ts" },
  outdir: dist,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  minify: true,
  sourcemap: false,
  legalComments: "linked",
  chunkNames: "chunks/[name]-[hash]",
  define: { "process.env.NODE_ENV": '"production"' },
  // CommonJS dependencies (msal-node's jsonwebtoken, smtp helpers) call require(); give them one.
  banner: { js: "import { createRequire as __sadCreateRequire } from 'node:module'; const require = __sadCreateRequire(import.meta.url);" },
  // react-devtools-core is an optional dev-only import inside Ink.
  external: ["react-devtools-core"],
  plugins: [i18nStorePlugin(catalogIndex(areas))],
  logLevel: "warning",
});
