// The reply parser's tables in the bundle (issue 15): src/replies/patterns.ts and signals.ts derive them from the
// reply table and the signals (phrases squashed and indexed, which patterns a phrase or a code can point at), about
// 2 ms of every start when made as the module loads. The bundle is given src/replies/prebuilt.ts as a module that
// holds them as computed here, when it is built, by the sources' own patternTables() and signalTables(): the
// tables people edit stay the only source, and nothing generated is ever written to the tree.
import { build } from "esbuild";

/** The tables as the sources at `root` make them ({ patterns, signals }, src/replies/prebuilt.ts's PREBUILT). */
export async function replyTables(root) {
  const r = await build({
    absWorkingDir: root,
    stdin: { contents: 'export { patternTables } from "./src/replies/patterns.ts";\nexport { signalTables } from "./src/replies/signals.ts";\n', resolveDir: root, loader: "ts" },
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    write: false,
    logLevel: "error",
  });
  const mod = await import(`data:text/javascript;base64,${Buffer.from(r.outputFiles[0].text).toString("base64")}`);
  const patterns = mod.patternTables();
  return { patterns, signals: mod.signalTables(patterns) };
}

/** The text of src/replies/prebuilt.ts in the bundle: PREBUILT as literals (arrays of numbers and strings, nothing else). */
export async function prebuiltModule(root) {
  const tables = await replyTables(root);
  const json = JSON.stringify(tables);
  // Only what a literal holds as it is: the tables are arrays of numbers and strings, numbers and a boolean.
  if (JSON.stringify(JSON.parse(json)) !== json || !sameJson(tables, JSON.parse(json))) throw new Error("reply tables: not plain data");
  return `export const PREBUILT = ${json};\n`;
}

/** Is `a` (the tables) exactly the data `b` (its JSON read back): no undefined, hole, NaN or other value JSON changes? */
function sameJson(a, b) {
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && Array.from(a.keys()).every((i) => i in a && sameJson(a[i], b[i]));
  if (a !== null && typeof a === "object") return b !== null && typeof b === "object" && Object.keys(a).length === Object.keys(b).length && Object.keys(a).every((k) => sameJson(a[k], b[k]));
  return Object.is(a, b);
}

/**
 * The esbuild plugin that gives a bundle src/replies/prebuilt.ts with the tables of the tree it is in. The tables are made
 * once per plugin (the builds that share one, as scripts/build.mjs's parts do, share them), never kept across plugins: a
 * later build of edited sources makes them again.
 */
export function replyTablesPlugin() {
  const made = new Map();
  return {
    name: "reply-tables",
    setup(b) {
      b.onLoad({ filter: /[/\\]src[/\\]replies[/\\]prebuilt\.ts$/ }, (args) => {
        const root = args.path.slice(0, -"/src/replies/prebuilt.ts".length);
        if (!made.has(root)) made.set(root, prebuiltModule(root));
        return made.get(root).then((contents) => ({ contents, loader: "js" }));
      });
    },
  };
}
