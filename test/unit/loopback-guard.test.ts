// The guard every tmux pane and live CLI run loads (test/helpers/loopback-only.mjs): names other than
// loopback do not resolve and connections beyond loopback are refused, so a wizard driven by random
// keys that starts the test from this PC sends no DNS query and opens no connection out.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test } from "node:test";

const guard = new URL("../helpers/loopback-only.mjs", import.meta.url).pathname;
const script = `
import { lookup } from "node:dns/promises";
import { connect, createServer } from "node:net";
const out = {};
try { await lookup("smtp.office365.com"); out.dns = "resolved"; } catch (e) { out.dns = e.code; }
out.loopbackDns = (await lookup("localhost")).address;
out.outside = await new Promise((r) => connect({ host: "203.0.113.1", port: 587 }).on("error", (e) => r(e.code)).on("connect", () => r("connected")));
const server = createServer((s) => s.end()).listen(0, "127.0.0.1");
await new Promise((r) => server.once("listening", r));
out.loopback = await new Promise((r) => connect({ host: "127.0.0.1", port: server.address().port }).on("connect", () => r("connected")).on("error", (e) => r(e.code)));
server.close();
console.log(JSON.stringify(out));
`;

test("with the guard: no name resolves but loopback, no connection leaves loopback", () => {
  const r = spawnSync(process.execPath, ["--import", guard, "--input-type=module", "-e", script], { encoding: "utf8", timeout: 20000 });
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout) as Record<string, string>;
  assert.equal(out.dns, "ENOTFOUND");
  assert.match(out.loopbackDns ?? "", /^(127\.0\.0\.1|::1)$/);
  assert.equal(out.outside, "ECONNREFUSED");
  assert.equal(out.loopback, "connected");
});
