// Wall time of each probe phase against the local Exchange-like server (127.0.0.1), median of N
// runs, without and with AUTH LOGIN, and the TLS version test (4 extra connections).
import { runProbe } from "../src/probe/run.js";
import type { PhaseId, ProbeOptions } from "../src/probe/types.js";
import { startExchange } from "../test/emulators/exchange-smtp.js";
import { testCerts } from "../test/helpers/certs.js";

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

async function measure(label: string, options: ProbeOptions, runs: number): Promise<void> {
  const perPhase = new Map<PhaseId, number[]>();
  const totals: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const r = await runProbe(options);
    totals.push(performance.now() - start);
    if (r.problems.length > 0) throw new Error(`probe failed: ${JSON.stringify(r.problems)}`);
    for (const p of r.phases) {
      if (p.status === "skipped") continue;
      perPhase.set(p.id, [...(perPhase.get(p.id) ?? []), p.ms]);
    }
  }
  console.log(`probe: ${label} — median of ${runs} runs`);
  for (const [id, values] of perPhase) console.log(`  ${id.padEnd(14)} ${median(values).toFixed(1).padStart(8)} ms`);
  console.log(`  ${"total".padEnd(14)} ${median(totals).toFixed(1).padStart(8)} ms`);
}

export async function run(): Promise<void> {
  const certs = testCerts();
  const exo = await startExchange({ key: certs.key, cert: certs.cert, legacyTls: true, users: { "mfp@contoso.com": { password: "bench-pass" } } });
  try {
    const base: ProbeOptions = { host: "127.0.0.1", port: exo.port, ca: certs.caPem, timeoutMs: 10_000 };
    await measure("no credentials, no TLS version test", { ...base, tlsVersions: false }, 20);
    await measure("AUTH LOGIN + test message", { ...base, tlsVersions: false, username: "mfp@contoso.com", password: "bench-pass", send: true, from: "mfp@contoso.com", to: "helpdesk@contoso.com" }, 20);
    await measure("no credentials, with TLS 1.3/1.2/1.1/1.0 test", base, 5);
  } finally {
    await exo.close();
  }
}
