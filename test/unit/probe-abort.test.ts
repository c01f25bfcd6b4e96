// Leaving the wizard (Ctrl+C) during a connection test stops it at once (issue 13): the connection
// is closed and the probe's promise settles while the server still holds the line. No timing is
// asserted: without the abort these awaits would wait for the 15-minute phase limit set here.
import assert from "node:assert/strict";
import { createServer, type Server, type Socket } from "node:net";
import { after, before, test } from "node:test";
import { runProbe } from "../../src/probe/run.js";
import { makeServices } from "../../src/cli/wizard-services.js";

let server: Server;
let port = 0;
const sockets: Socket[] = [];
let closed = 0;
let connected: () => void = () => undefined;

before(async () => {
  // Accepts and never greets: a stalled server.
  server = createServer((s) => {
    sockets.push(s);
    s.on("close", () => closed++);
    s.on("error", () => undefined);
    connected();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as { port: number }).port;
});
after(() => {
  for (const s of sockets) s.destroy();
  server.close();
});

const waitConnected = () => new Promise<void>((r) => (connected = r));

test("runProbe: an abort while the banner is awaited closes the connection and ends the probe", async () => {
  const stop = new AbortController();
  const seen = waitConnected();
  const phases: { id: string }[] = [];
  const running = runProbe({ host: "127.0.0.1", port, timeoutMs: 15 * 60_000, tlsVersions: false, signal: stop.signal }, (p) => phases.push(p));
  await seen;
  // Once the probe waits for the greeting (its connect phase is over), abort.
  await new Promise<void>((resolve) => {
    const check = () => (phases.some((p) => p.id === "connect") ? resolve() : setImmediate(check));
    check();
  });
  const before = closed;
  stop.abort();
  const r = await running;
  assert.ok(["connect", "banner"].includes(r.phases.find((p) => p.status === "failed")?.id ?? ""), JSON.stringify(r.phases));
  await new Promise<void>((resolve) => {
    const check = () => (closed > before ? resolve() : setImmediate(check));
    check();
  });
});

test("an abort before the connection: nothing is opened", async () => {
  const stop = new AbortController();
  stop.abort();
  const r = await runProbe({ host: "127.0.0.1", port, timeoutMs: 15 * 60_000, tlsVersions: false, signal: stop.signal });
  assert.equal(r.phases.find((p) => p.status === "failed")?.id, "connect");
});

test("the wizard's services: dispose() stops a running connection test", async () => {
  const services = makeServices({ today: "2026-12-03", cwd: process.cwd(), ascii: false, probeTimeoutMs: 15 * 60_000, probeTlsVersions: false });
  const seen = waitConnected();
  const running = services.probe("en", { host: "127.0.0.1", port }, undefined, () => undefined);
  await seen;
  services.dispose();
  const r = await running;
  assert.ok(r.phases.some((p) => (p.id === "banner" || p.id === "connect") && p.status === "failed"), JSON.stringify(r.phases));
});
