// The engine and the reply parser as they ship: bundled and minified with the options of the
// product's build (scripts/build-options.mjs), not through tsx's development transform, which keeps
// every function's name with a call at each closure it creates (~1.5× slower on the engine).
import { build } from "esbuild";
import { mkdir } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import { join } from "node:path";
import { bundleOptions } from "../scripts/build-options.mjs";
import type * as Engine from "../src/engine/index.js";
import type * as Replies from "../src/replies/index.js";

export interface Shipped {
  evaluate: typeof Engine.evaluate;
  evaluateWith: typeof Engine.evaluateWith;
  analyzeReply: typeof Replies.analyzeReply;
}

/** The shipped engine and parser of this checkout (built into .tmp/bench/). */
export async function shipped(): Promise<Shipped> {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const out = join(root, ".tmp", "bench");
  await mkdir(out, { recursive: true });
  return shippedFrom(root, join(out, "shipped.mjs"));
}

/**
 * The shipped engine and parser of the source tree at `root`, built into `file` and loaded (scripts/speed-ab.ts
 * builds two). `keepNames`: minified syntax as shipped, but the names and the "// src/…" comment before each
 * file's code kept (for scripts/profile.ts).
 */
export async function shippedFrom(root: string, file: string, opts: { keepNames?: boolean } = {}): Promise<Shipped> {
  await build({
    ...bundleOptions({ absWorkingDir: root, minify: !opts.keepNames }),
    ...(opts.keepNames ? { minifySyntax: true } : {}),
    stdin: { contents: 'export { evaluate, evaluateWith } from "./src/engine/index.ts";\nexport { analyzeReply } from "./src/replies/index.ts";\n', resolveDir: root, loader: "ts" },
    format: "esm",
    outfile: file,
  });
  return (await import(pathToFileURL(file).href)) as Shipped;
}
