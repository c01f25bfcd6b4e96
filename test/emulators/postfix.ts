// A real Postfix (Debian's package) as a second submission server for the probe tests: started
// without systemd from a temporary configuration directory, listening on 127.0.0.1 only, with
// STARTTLS (test certificate), Cyrus SASL on a temporary sasldb (PLAIN LOGIN, after TLS only), and
// every message discarded. Needs root (Postfix's master runs as root) and `postfix`/`saslpasswd2`.
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { closedPort } from "./hostile-smtp.js";

export const POSTFIX_DOMAIN = "postfix.test";

export interface PostfixServer {
  port: number;
  dir: string;
  close(): Promise<void>;
}

/** Why Postfix cannot run here, or undefined when it can. */
export function postfixUnavailable(): string | undefined {
  if (process.getuid?.() !== 0) return "Postfix's master must run as root";
  for (const bin of ["/usr/sbin/postfix", "/usr/sbin/saslpasswd2", "/usr/lib/postfix/sbin/master"]) {
    if (!existsSync(bin)) return `${bin} is missing (run node scripts/test-setup.mjs)`;
  }
  return undefined;
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ host: "127.0.0.1", port });
    s.once("connect", () => {
      s.destroy();
      resolve(true);
    });
    s.once("error", () => resolve(false));
  });
}

export async function startPostfix(opts: { key: string; cert: string; users: Record<string, string> }): Promise<PostfixServer> {
  const dir = mkdtempSync(join(tmpdir(), "sad-postfix-"));
  chmodSync(dir, 0o755);
  const conf = join(dir, "conf");
  for (const d of ["conf", "conf/sasl", "queue", "data"]) mkdirSync(join(dir, d), { recursive: true });
  const uid = Number(execFileSync("id", ["-u", "postfix"]).toString().trim());
  const gid = Number(execFileSync("id", ["-g", "postfix"]).toString().trim());
  chownSync(join(dir, "data"), uid, gid);
  writeFileSync(join(dir, "cert.pem"), opts.cert, { mode: 0o644 });
  writeFileSync(join(dir, "key.pem"), opts.key, { mode: 0o640 });
  chownSync(join(dir, "key.pem"), 0, gid);
  const port = await closedPort();
  writeFileSync(
    join(conf, "main.cf"),
    [
      "compatibility_level = 3.6",
      `queue_directory = ${dir}/queue`,
      `data_directory = ${dir}/data`,
      "command_directory = /usr/sbin",
      "daemon_directory = /usr/lib/postfix/sbin",
      "shlib_directory = /usr/lib/postfix",
      "meta_directory = /etc/postfix",
      "mail_owner = postfix",
      "setgid_group = postdrop",
      `myhostname = ${POSTFIX_DOMAIN}`,
      `mydomain = ${POSTFIX_DOMAIN}`,
      `myorigin = ${POSTFIX_DOMAIN}`,
      `mydestination = ${POSTFIX_DOMAIN}`,
      "inet_interfaces = 127.0.0.1",
      "inet_protocols = ipv4",
      "alias_maps =",
      "alias_database =",
      "local_recipient_maps =",
      // Nothing leaves this server: every message is accepted and discarded.
      "local_transport = discard:test",
      "default_transport = discard:test",
      "relay_transport = discard:test",
      `smtpd_tls_cert_file = ${dir}/cert.pem`,
      `smtpd_tls_key_file = ${dir}/key.pem`,
      "smtpd_tls_security_level = may",
      "smtpd_tls_auth_only = yes",
      "smtpd_sasl_auth_enable = yes",
      "smtpd_sasl_type = cyrus",
      "smtpd_sasl_path = smtpd",
      "smtpd_relay_restrictions = permit_sasl_authenticated, reject_unauth_destination",
      `maillog_file_prefixes = ${dir}`,
      `maillog_file = ${dir}/maillog`,
      "",
    ].join("\n"),
  );
  writeFileSync(
    join(conf, "master.cf"),
    [
      `127.0.0.1:${port} inet n - n - - smtpd`,
      "cleanup   unix  n - n - 0 cleanup",
      "qmgr      unix  n - n 300 1 qmgr",
      "rewrite   unix  - - n - - trivial-rewrite",
      "bounce    unix  - - n - 0 bounce",
      "defer     unix  - - n - 0 bounce",
      "trace     unix  - - n - 0 bounce",
      "verify    unix  - - n - 1 verify",
      "flush     unix  n - n 1000? 0 flush",
      "proxymap  unix  - - n - - proxymap",
      "error     unix  - - n - - error",
      "retry     unix  - - n - - error",
      "discard   unix  - - n - - discard",
      "anvil     unix  - - n - 1 anvil",
      "scache    unix  - - n - 1 scache",
      "tlsmgr    unix  - - n 1000? 1 tlsmgr",
      "postlog   unix-dgram n - n - 1 postlogd",
      "",
    ].join("\n"),
  );
  // Debian's Postfix reads Cyrus SASL's smtpd.conf from <config_directory>/sasl (cyrus_sasl_config_path is not used).
  const sasldb = join(dir, "sasldb2");
  writeFileSync(join(conf, "sasl", "smtpd.conf"), `pwcheck_method: auxprop\nauxprop_plugin: sasldb\nmech_list: PLAIN LOGIN\nsasldb_path: ${sasldb}\n`);
  for (const [user, password] of Object.entries(opts.users)) {
    const [local, realm] = user.split("@") as [string, string | undefined];
    const r = spawnSync("/usr/sbin/saslpasswd2", ["-f", sasldb, "-p", "-c", "-u", realm ?? POSTFIX_DOMAIN, local], { input: password });
    if (r.status !== 0) throw new Error(`saslpasswd2 failed: ${r.stderr.toString()}`);
  }
  chmodSync(sasldb, 0o640);
  chownSync(sasldb, 0, gid);
  const close = async () => {
    spawnSync("/usr/sbin/postfix", ["-c", conf, "stop"], { stdio: "ignore" });
    // master exits after its children; wait for the port to close before removing the directory.
    for (let i = 0; i < 100 && (await canConnect(port)); i++) await new Promise((r) => setTimeout(r, 50));
    rmSync(dir, { recursive: true, force: true });
  };
  const start = spawnSync("/usr/sbin/postfix", ["-c", conf, "start"], { encoding: "utf8" });
  if (start.status !== 0) {
    await close();
    throw new Error(`postfix start failed (exit ${start.status}): ${start.stderr}`);
  }
  for (let i = 0; i < 200; i++) {
    if (await canConnect(port)) return { port, dir, close };
    await new Promise((r) => setTimeout(r, 50));
  }
  await close();
  throw new Error("postfix did not start listening");
}
