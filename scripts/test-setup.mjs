// Installs what the tests need from Debian's packages when it is missing (tmux for the terminal
// end-to-end tests, Postfix for the probe's real-server tests). Idempotent; quiet when all is there.
import { spawnSync } from "node:child_process";

const needed = [
  { bin: "tmux", pkg: "tmux" },
];
const missing = needed.filter(({ bin }) => spawnSync("sh", ["-c", `command -v ${bin}`]).status !== 0);
if (missing.length === 0) process.exit(0);
const pkgs = missing.map((m) => m.pkg);
console.log(`installing ${pkgs.join(" ")} from Debian packages…`);
const run = (args) => spawnSync(args[0], args.slice(1), { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
const sudo = process.getuid && process.getuid() !== 0 ? ["sudo"] : [];
run([...sudo, "apt-get", "update", "-qq"]);
const r = run([...sudo, "apt-get", "install", "-y", "-qq", "--no-install-recommends", ...pkgs]);
if (r.status !== 0) {
  console.error(`could not install ${pkgs.join(" ")}; install them and run the tests again`);
  process.exit(1);
}
