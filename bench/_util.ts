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
