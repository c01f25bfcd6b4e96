// Engine speed: evaluate 100,000 generated cases (random facts, some sign-ins and probes) and
// print cases/second and the median time of one evaluation. Run by `npm run bench`.
import { evaluate } from "../src/engine/index.js";
import { randomCase, rng } from "../test/helpers/random-case.js";

const COUNT = 100_000;

export async function run(): Promise<void> {
  const next = rng(42);
  const cases = Array.from({ length: COUNT }, () => randomCase(next));
  // Warm-up so the JIT has settled before measuring.
  for (const c of cases.slice(0, 2_000)) evaluate(c, { today: "2026-11-22" });

  const start = performance.now();
  let blocked = 0;
  for (const c of cases) if (evaluate(c, { today: "2026-11-22" }).verdict === "blocked") blocked++;
  const total = performance.now() - start;

  // Median of single evaluations, timed one by one on a sample.
  const samples: number[] = [];
  for (const c of cases.slice(0, 20_000)) {
    const t0 = performance.now();
    evaluate(c, { today: "2026-11-22" });
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)] as number;
  const p99 = samples[Math.floor(samples.length * 0.99)] as number;

  console.log(`engine: ${COUNT.toLocaleString("en")} cases in ${total.toFixed(0)} ms = ${Math.round((COUNT / total) * 1000).toLocaleString("en")} cases/s (${blocked.toLocaleString("en")} blocked)`);
  console.log(`engine: one evaluation median ${(median * 1000).toFixed(1)} µs, p99 ${(p99 * 1000).toFixed(1)} µs`);
}

