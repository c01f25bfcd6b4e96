// Types of scripts/build-options.mjs, for the benchmarks that build what they time.
import type { BuildOptions } from "esbuild";
export function bundleOptions(o: { absWorkingDir: string; outdir?: string; minify: boolean }): BuildOptions;
