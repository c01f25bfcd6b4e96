// Installs what the tests need from Debian's packages when it is missing (tmux for the terminal
// end-to-end tests, Postfix with Cyrus SASL for the probe's real-server tests). Idempotent; quiet
// when all is there. Postfix is installed unconfigured and never started as a service: the probe
// tests start their own instance on a loopback port with a temporary configuration.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const has = (bin) => spawnSync("sh", ["-c", `command -v ${bin} || test -x /usr/sbin/${bin}`]).status === 0;
const needed = [
  { present: () => has("tmux"), pkg: "tmux" },
  { present: () => has("postfix"), pkg: "postfix" },
  { present: () => has("saslpasswd2"), pkg: "sasl2-bin" },
  // the LOGIN and PLAIN mechanisms for Cyrus SASL (sasldb back end)
  { present: () => ["/usr/lib/x86_64-linux-gnu/sasl2/liblogin.so", "/usr/lib/aarch64-linux-gnu/sasl2/liblogin.so"].some((p) => existsSync(p)), pkg: "libsasl2-modules" },
  { present: () => has("openssl"), pkg: "openssl" },
];
const missing = needed.filter(({ present }) => !present());
if (missing.length === 0) process.exit(0);
const pkgs = missing.map((m) => m.pkg);
console.log(`installing ${pkgs.join(" ")} from Debian packages…`);
const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
const run = (args, input) => spawnSync(args[0], args.slice(1), { stdio: [input === undefined ? "inherit" : "pipe", "inherit", "inherit"], input, env });
const sudo = process.getuid && process.getuid() !== 0 ? ["sudo"] : [];
if (pkgs.includes("postfix")) {
  // No questions, no mail system configured: the tests bring their own main.cf.
  run([...sudo, "debconf-set-selections"], "postfix postfix/main_mailer_type select No configuration\npostfix postfix/mailname string localhost\n");
}
run([...sudo, "apt-get", "update", "-qq"]);
const r = run([...sudo, "apt-get", "install", "-y", "-qq", "--no-install-recommends", ...pkgs]);
if (r.status !== 0) {
  console.error(`could not install ${pkgs.join(" ")}; install them and run the tests again`);
  process.exit(1);
}
