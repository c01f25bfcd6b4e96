import { build } from "esbuild";
import { join } from "node:path";
import { catalogIndex, i18nStorePlugin, readAreas, writeCatalogs } from "./catalogs.mjs";
const srcRoot = "/work/main/"; const dist = process.argv[2]; const fmt = process.argv[3] ?? "esm";
const areas = await readAreas(srcRoot);
await writeCatalogs(areas, join(dist, "i18n"));
const stub = { name: "stub", setup(b) { b.onResolve({ filter: /^(ink|react|react\/.*|@azure\/.*|execa|@inquirer\/.*|react-devtools-core|ink-.*)$/ }, (a) => ({ path: a.path, namespace: "stub" })); b.onLoad({ filter: /.*/, namespace: "stub" }, () => ({ contents: "module.exports = {}", loader: "js" })); } };
const r = await build({ absWorkingDir: srcRoot, entryPoints: { cli: fmt === "cjs" ? "src/cli/_bincjs.ts" : "src/cli/bin.ts" }, outdir: dist, bundle: true, splitting: false, format: fmt, platform: "node", target: "node20", minify: true, metafile: true, outExtension: fmt === "cjs" ? { ".js": ".cjs" } : { js: "const __imu = require(\"url\").pathToFileURL(__filename).href;" },
  define: { "process.env.NODE_ENV": "\"production\"", ...(fmt === "cjs" ? { "import.meta.url": "__imu" } : {}) }, banner: fmt === "esm" ? { js: "import { createRequire as __sadCreateRequire } from 'node:module'; const require = __sadCreateRequire(import.meta.url);" } : { js: "const __imu = require(\"url\").pathToFileURL(__filename).href;" },
  plugins: [i18nStorePlugin(catalogIndex(areas)), stub], logLevel: "error" });
const big = Object.entries(r.metafile.outputs)[0][1].inputs; console.log(Object.entries(big).sort((a,b)=>b[1].bytesInOutput-a[1].bytesInOutput).slice(0,12).map(([k,v])=>v.bytesInOutput+" "+k).join("\n"));
