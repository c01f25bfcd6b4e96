import { spawnSync } from "node:child_process";

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Wall time of a command, in milliseconds, median of n runs after one warm-up. */
export function timeCommand(cmd: string, args: string[], n: number, env: NodeJS.ProcessEnv = process.env): number {
  spawnSync(cmd, args, { env, stdio: "ignore" });
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = process.hrtime.bigint();
    spawnSync(cmd, args, { env, stdio: "ignore" });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(times);
}

export function fmt(ms: number): string {
  return `${ms.toFixed(1)} ms`;
}

/**
 * Paired, alternating timing of two commands (A B A B …) after warm-up runs of both: the ratio is
 * taken pair by pair, so a machine whose speed drifts during the run still gives a fair ratio.
 * Returns the medians of A, of B and of the pairwise ratios A/B.
 */
export function timePaired(a: [string, string[]], b: [string, string[]], n: number, env: NodeJS.ProcessEnv = process.env, warmup = 2): { a: number; b: number; ratio: number } {
  const once = ([cmd, args]: [string, string[]]) => {
    const start = process.hrtime.bigint();
    spawnSync(cmd, args, { env, stdio: "ignore" });
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  for (let i = 0; i < warmup; i++) {
    once(a);
    once(b);
  }
  const as: number[] = [];
  const bs: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < n; i++) {
    const ta = once(a);
    const tb = once(b);
    as.push(ta);
    bs.push(tb);
    ratios.push(ta / tb);
  }
  return { a: median(as), b: median(bs), ratio: median(ratios) };
}

/** One row of the goal table: what, the goal, the figure, and whether it is met. */
export function goalRow(what: string, goal: string, figure: string, met: boolean): string {
  return `${what.padEnd(48)} goal ${goal.padEnd(16)} now ${figure.padEnd(24)} ${met ? "met" : "NOT met"}`;
}
