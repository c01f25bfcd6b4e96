// Preloaded into CLI child processes in live tests: any fetch to a host other than 127.0.0.1 or
// localhost is refused and reported on stderr, so a test can prove nothing reached Microsoft.
const realFetch = globalThis.fetch;
globalThis.fetch = (input, init) => {
  const url = new URL(typeof input === "string" || input instanceof URL ? input : input.url);
  if (url.hostname !== "127.0.0.1" && url.hostname !== "localhost") {
    process.stderr.write(`NON-LOOPBACK-FETCH ${url.host}\n`);
    return Promise.reject(new TypeError("fetch failed", { cause: { code: "ENOTLOOPBACK" } }));
  }
  return realFetch(input, init);
};
