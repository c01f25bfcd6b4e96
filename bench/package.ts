// Install footprint (issue 15): what `npx smtp-auth-doctor` fetches on a help desk's PC. The package
// has no runtime dependencies, so this one tarball is all of it; `npm pack --dry-run` says its size.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

export async function run(): Promise<void> {
  const manifest = JSON.parse(readFileSync("package.json", "utf8")) as { dependencies?: Record<string, string> };
  const r = spawnSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`npm pack: ${r.stderr}`);
  const [info] = JSON.parse(r.stdout) as { size: number; unpackedSize: number; entryCount: number }[];
  if (!info) throw new Error("npm pack printed nothing");
  const kb = (n: number) => `${Math.round(n / 1024).toLocaleString("en")} KiB`;
  const runtime = Object.keys(manifest.dependencies ?? {}).length;
  console.log(`package: ${1 + runtime} package(s) to install (${runtime} runtime dependencies), ${kb(info.size)} packed, ${(info.unpackedSize / 1024 / 1024).toFixed(1)} MiB unpacked, ${info.entryCount} files`);
}
