// The bundle holds the reply parser's tables as the build made them (scripts/reply-tables.mjs gives it
// src/replies/prebuilt.ts): the same tables the sources make as they load, the same data once written as
// literals, and the plugin really applied by the options every part of the bundle is built with.
import assert from "node:assert/strict";
import { test } from "node:test";
import { resolve } from "node:path";
import { build } from "esbuild";
import { bundleOptions } from "../../scripts/build-options.mjs";
import { prebuiltModule, replyTables } from "../../scripts/reply-tables.mjs";
import { PHRASES, patternTables } from "../../src/replies/patterns.js";
import { PREBUILT } from "../../src/replies/prebuilt.js";
import { signalTables } from "../../src/replies/signals.js";

const root = resolve(new URL("../..", import.meta.url).pathname);

/** A module's text, loaded. */
async function load(code: string): Promise<Record<string, unknown>> {
  return (await import(`data:text/javascript;base64,${Buffer.from(code).toString("base64")}`)) as Record<string, unknown>;
}

test("from the sources nothing is prebuilt, and PHRASES is what the tables say", () => {
  assert.equal(PREBUILT, undefined);
  const patterns = patternTables();
  const signals = signalTables(patterns);
  assert.deepEqual(PHRASES.phrases, [...patterns.phrases, ...signals.phrases]);
  assert.deepEqual(PHRASES.tags, signals.tags);
});

test("the build's tables are the sources' tables, the same once written as the module's literals", async () => {
  const patterns = patternTables();
  const expected = { patterns, signals: signalTables(patterns) };
  assert.deepEqual(await replyTables(root), expected);
  const mod = await load(await prebuiltModule(root));
  assert.deepEqual(mod.PREBUILT, expected);
});

test("a bundle built with the product's options holds the tables", async () => {
  const r = await build({
    ...bundleOptions({ absWorkingDir: root, minify: true }),
    stdin: { contents: 'export { PREBUILT } from "./src/replies/prebuilt.ts";\n', resolveDir: root, loader: "ts" },
    format: "esm",
    legalComments: "none",
    write: false,
  });
  const mod = await load(r.outputFiles[0]?.text ?? "");
  const patterns = patternTables();
  assert.deepEqual(mod.PREBUILT, { patterns, signals: signalTables(patterns) });
});
