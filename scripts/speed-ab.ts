// Is a change to the reply parser or the engine faster? Builds the shipped bundle (the product's
// build options, minified) of the working tree and of a git revision, then times both in one
// process, alternating rounds, and prints the medians and their ratio. Separate runs of
// `npm run bench` swing by a few per cent on this kind of machine; alternating in one process is
// steadier (about ±3 %), so that is how a change smaller than the swing is told from none.
//
//   npm run speed-ab              (the working tree against HEAD)
//   npm run speed-ab -- main~3    (against any revision; one that git cannot check out or build: exit 2)
//   npm run speed-ab -- --cpu     (timed by this process's CPU time, not the wall clock)
//
// --cpu: when other work shares the machine's two cores, the wall clock counts the time this process waited for a core,
// and rounds of the same code swung by ±10–15 %; its CPU time (process.cpuUsage, user and system) swung by ±3–4 % under
// the same load (two helpers measured it apart, issue 15). On a quiet machine the two agree.
//
// Timed: analyzeReply on the real replies (as the engine calls it), evaluate on random cases each
// carrying one of them, evaluate on the same cases without a reply. The revision is checked out in
// a temporary worktree under .tmp/speed-ab/ and removed afterwards.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, symlinkSync } from "node:fs";
import { join, resolve } from "node:path";
import { shippedFrom, type Shipped } from "../bench/_shipped.js";
import { randomCase, rng } from "../test/helpers/random-case.js";
import { REAL_REPLIES, withRealReplies } from "../test/helpers/real-replies.js";

const ROOT = resolve(".");
const OUT = join(ROOT, ".tmp", "speed-ab");
const ROUNDS = 25;
const PER_ROUND = 20_000;

/** The bundle of `rev`, built in a temporary worktree that shares this checkout's node_modules. */
async function shippedAt(rev: string): Promise<Shipped> {
  const tree = join(OUT, "base");
  rmSync(tree, { recursive: true, force: true });
  execFileSync("git", ["worktree", "prune"]);
  try {
    execFileSync("git", ["worktree", "add", "--detach", "--quiet", tree, rev], { stdio: ["ignore", "ignore", "pipe"] });
  } catch (e) {
    const why = (e as { stderr?: Buffer }).stderr?.toString().trim() || String(e);
    console.error(`speed-ab: cannot check out ${rev}: ${why}`);
    process.exit(2);
  }
  let failure = "";
  try {
    if (!existsSync(join(tree, "node_modules"))) symlinkSync(join(ROOT, "node_modules"), join(tree, "node_modules"), "dir");
    return await shippedFrom(tree, join(OUT, "base.mjs"));
  } catch (e) {
    failure = e instanceof Error ? (e.message.split("\n")[0] as string) : String(e);
  } finally {
    execFileSync("git", ["worktree", "remove", "--force", tree]);
  }
  // Said after the worktree is gone (exiting inside the try would leave it).
  console.error(`speed-ab: cannot build ${rev}: ${failure}`);
  process.exit(2);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const cpu = args.includes("--cpu");
  const rev = args.find((a) => a !== "--cpu") ?? "HEAD";
  mkdirSync(OUT, { recursive: true });
  const base = await shippedAt(rev);
  const now = await shippedFrom(ROOT, join(OUT, "now.mjs"));

  const replies = REAL_REPLIES;
  const next = rng(42);
  const plain = Array.from({ length: PER_ROUND }, () => randomCase(next));
  const withReply = withRealReplies(plain);
  const today = { today: "2026-11-22" };
  const kinds: Array<[string, (b: Shipped, i: number) => unknown]> = [
    ["reply parser, a real reply", (b, i) => b.analyzeReply(replies[i % replies.length] as string, { client: false })],
    ["engine, a case with a real reply", (b, i) => b.evaluate(withReply[i] as (typeof withReply)[number], today)],
    ["engine, a case without a reply", (b, i) => b.evaluate(plain[i] as (typeof plain)[number], today)],
  ];
  const time = (b: Shipped, f: (b: Shipped, i: number) => unknown): number => {
    if (cpu) {
      const t = process.cpuUsage();
      for (let i = 0; i < PER_ROUND; i++) f(b, i);
      const used = process.cpuUsage(t);
      return (used.user + used.system) / PER_ROUND;
    }
    const t = performance.now();
    for (let i = 0; i < PER_ROUND; i++) f(b, i);
    return ((performance.now() - t) / PER_ROUND) * 1000;
  };
  const figures = kinds.map(() => ({ base: [] as number[], now: [] as number[] }));
  for (let round = -3; round < ROUNDS; round++) {
    kinds.forEach(([, f], k) => {
      // Which goes first changes each round: the order of a pair moves its figures by a few per cent.
      const baseFirst = round % 2 === 0;
      const first = time(baseFirst ? base : now, f);
      const second = time(baseFirst ? now : base, f);
      // The first rounds warm both up and are not counted.
      if (round >= 0) {
        figures[k]?.base.push(baseFirst ? first : second);
        figures[k]?.now.push(baseFirst ? second : first);
      }
    });
  }
  console.log(`speed-ab: ${rev} against the working tree, ${ROUNDS} alternating rounds of ${PER_ROUND.toLocaleString("en")}, medians${cpu ? ", by CPU time" : ""}`);
  kinds.forEach(([what], k) => {
    const f = figures[k] as { base: number[]; now: number[] };
    const [a, b] = [median(f.base), median(f.now)];
    // The ratio of each round's pair, its middle half: how far the figure can be trusted.
    const ratios = f.now.map((x, i) => x / (f.base[i] as number)).sort((p, q) => p - q);
    const spread = `${(ratios[Math.floor(ratios.length / 4)] as number).toFixed(3)}–${(ratios[Math.floor((ratios.length * 3) / 4)] as number).toFixed(3)}`;
    console.log(`  ${what.padEnd(34)} ${a.toFixed(2).padStart(7)} µs → ${b.toFixed(2).padStart(7)} µs   ${(b / a).toFixed(3)}x (rounds' middle half ${spread})`);
  });
  console.log("  The same code on both sides measures within a few per cent: a change smaller than that is none.");
}

await main();
