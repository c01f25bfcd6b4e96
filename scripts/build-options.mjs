// What every part of the bundle is built with (scripts/build.mjs), and what the benchmarks build the
// code they time with (bench/_shipped.ts): the figures are those of the code users run, not of the
// development transform (which keeps function names with a call at every closure).
/** @param {{ absWorkingDir: string, outdir?: string, minify: boolean }} o */
export function bundleOptions({ absWorkingDir, outdir, minify }) {
  return { absWorkingDir, ...(outdir ? { outdir } : {}), bundle: true, platform: "node", target: "node20", minify, sourcemap: false, legalComments: "linked", logLevel: "warning" };
}
