// Live collection, parallel vs sequential: with 300 ms of latency on every request at the local
// emulators, the wall time of a full collection against the sum of its requests' latencies, and
// against the same reads run one after another.
import { collectWith } from "../src/live/collect.js";
import { READ_ORDER } from "../src/live/collect.js";
import { startEmulators } from "../test/emulators/index.js";
import { wire } from "../test/helpers/live.js";

export async function run(): Promise<void> {
  const latencyMs = 300;
  const em = await startEmulators({ tls: false, latencyMs });
  try {
    const target = { user: "mfp@contoso.com", from: "scans@contoso.com", oauthAppId: "12345678-1234-1234-1234-123456789abc" };
    // Warm-up: Node loads its fetch implementation on first use (a one-off cost, not latency).
    em.latencyMs = 0;
    await collectWith({ ...wire(em).deps, only: ["graph.securityDefaults"] }, target);
    em.latencyMs = latencyMs;
    em.log.length = 0;
    const { deps } = wire(em);
    const t0 = performance.now();
    const parallel = await collectWith(deps, target);
    const wall = performance.now() - t0;
    const requests = em.log.length;
    const sum = em.log.reduce((s, l) => s + (l.end - l.start), 0);
    const ok = parallel.reads.filter((r) => r.status === "ok").length;

    em.log.length = 0;
    const t1 = performance.now();
    for (const id of READ_ORDER) await collectWith({ ...wire(em).deps, only: [id] }, target);
    const sequential = performance.now() - t1;

    console.log(`live: ${parallel.reads.length} reads (${ok} ok), ${requests} HTTP requests, ${latencyMs} ms latency each`);
    console.log(`live: parallel wall time        ${Math.round(wall)} ms`);
    console.log(`live: sum of request latencies  ${Math.round(sum)} ms`);
    console.log(`live: reads one after another   ${Math.round(sequential)} ms`);
    console.log(`live: speed-up vs sequential    ${(sequential / wall).toFixed(1)}x (critical path: two round trips, the account lookup before Conditional Access)`);
  } finally {
    await em.close();
  }
}

