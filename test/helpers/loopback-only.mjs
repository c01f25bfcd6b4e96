// Preloaded into the program in tests (live tests via --import, every tmux pane via NODE_OPTIONS):
// nothing leaves the machine. A fetch to a host other than 127.0.0.1 or localhost is refused and
// reported on stderr, so a test can prove nothing reached Microsoft; a name lookup of any other
// host fails as an unknown name (ENOTFOUND), and a TCP connection to any other address is refused,
// so a wizard driven by random keys that starts the test from this PC sends no DNS query and opens
// no connection beyond loopback.
import dns from "node:dns";
import net from "node:net";
import { syncBuiltinESMExports } from "node:module";

const realFetch = globalThis.fetch;
globalThis.fetch = (input, init) => {
  const url = new URL(typeof input === "string" || input instanceof URL ? input : input.url);
  if (url.hostname !== "127.0.0.1" && url.hostname !== "localhost") {
    process.stderr.write(`NON-LOOPBACK-FETCH ${url.host}\n`);
    return Promise.reject(new TypeError("fetch failed", { cause: { code: "ENOTLOOPBACK" } }));
  }
  return realFetch(input, init);
};

const loopback = (host) => host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host) || host === "::ffff:127.0.0.1";
const notFound = (host) => Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND", syscall: "getaddrinfo", hostname: host });

const realLookup = dns.lookup;
dns.lookup = function lookup(host, options, callback) {
  const cb = typeof options === "function" ? options : callback;
  if (loopback(String(host)) || net.isIP(String(host))) return realLookup.call(dns, host, options, callback);
  process.nextTick(() => cb(notFound(host)));
  return {};
};
const realPromiseLookup = dns.promises.lookup;
dns.promises.lookup = function lookup(host, options) {
  if (loopback(String(host)) || net.isIP(String(host))) return realPromiseLookup.call(dns.promises, host, options);
  return Promise.reject(notFound(host));
};

const realConnect = net.connect;
function guardedConnect(...args) {
  const opts = typeof args[0] === "object" && args[0] !== null ? args[0] : { port: args[0], host: typeof args[1] === "string" ? args[1] : "localhost" };
  const host = opts.host ?? "localhost";
  if (opts.path === undefined && !loopback(String(host))) {
    const socket = new net.Socket();
    process.nextTick(() => socket.destroy(Object.assign(new Error(`connect ECONNREFUSED ${host} (tests reach loopback only)`), { code: "ECONNREFUSED" })));
    return socket;
  }
  return realConnect.apply(net, args);
}
net.connect = guardedConnect;
net.createConnection = guardedConnect;
syncBuiltinESMExports();
