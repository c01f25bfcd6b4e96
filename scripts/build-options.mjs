// What every part of the bundle is built with (scripts/build.mjs), and what the benchmarks build the
// code they time with (bench/_shipped.ts): the figures are those of the code users run, not of the
// development transform (which keeps function names with a call at every closure). Their plugins
// (the reply parser's tables computed at build time, scripts/reply-tables.mjs) come first in any list.
import { replyTablesPlugin } from "./reply-tables.mjs";

/** @param {{ absWorkingDir: string, outdir?: string, minify: boolean }} o */
export function bundleOptions({ absWorkingDir, outdir, minify }) {
  return { absWorkingDir, ...(outdir ? { outdir } : {}), bundle: true, platform: "node", target: "node20", minify, sourcemap: false, legalComments: "linked", logLevel: "warning", plugins: [replyTablesPlugin()] };
}
