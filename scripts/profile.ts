// Where does the time of the reply parser or the engine go? Builds the engine and the parser as they
// ship (the product's build options) but with their names kept, runs one workload under V8's sampling
// profiler, and prints the functions with the most time of their own and each source file's share.
// What `npm run speed-ab` cannot say (it times whole calls) and what a change should aim at.
//
//   npm run profile -- case          a case with a real reply (what the engine bench times)
//   npm run profile -- parser        the parser alone on the real replies
//   npm run profile -- one-line      … on the one-line ones; several-lines: on the others
//   npm run profile -- engine        the engine on replies already parsed
//   npm run profile -- plain         a case without a reply
//
// The figures are shares of the samples (50 µs apart), so a function inlined into another is counted
// there. To weigh one piece, replace it with nothing and run `npm run speed-ab` (outputs change; read
// only the time): that shows costs the profile spreads thin (see the notes on issue 15).
// PROFILE_INCLUSIVE=1 adds each function with its callees; PROFILE_LINES=1, the lines with the most samples.
import { mkdirSync, readFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { join, resolve } from "node:path";
import { shippedFrom } from "../bench/_shipped.js";
import { randomCase, rng } from "../test/helpers/random-case.js";
import { ONE_LINE_REPLIES, REAL_REPLIES, SEVERAL_LINE_REPLIES, withRealReplies } from "../test/helpers/real-replies.js";

const WORKLOADS = ["case", "parser", "one-line", "several-lines", "engine", "plain"] as const;
type Workload = (typeof WORKLOADS)[number];
const ROUNDS = 15;
const PER_ROUND = 20_000;

async function main(): Promise<void> {
  const workload = (process.argv[2] ?? "case") as Workload;
  if (!WORKLOADS.includes(workload)) {
    console.error(`profile: unknown workload "${workload}"; one of: ${WORKLOADS.join(", ")}`);
    process.exit(2);
  }
  const root = resolve(".");
  const dir = join(root, ".tmp", "profile");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "named.mjs");
  const b = await shippedFrom(root, file, { keepNames: true });

  const next = rng(42);
  const plain = Array.from({ length: PER_ROUND }, () => randomCase(next));
  const withReply = withRealReplies(plain);
  const [oneLine, severalLines] = [ONE_LINE_REPLIES, SEVERAL_LINE_REPLIES];
  const analyses = REAL_REPLIES.map((r) => b.analyzeReply(r, { client: false }));
  const today = { today: "2026-11-22" };
  const one: Record<Workload, (i: number) => unknown> = {
    case: (i) => b.evaluate(withReply[i] as (typeof withReply)[number], today),
    parser: (i) => b.analyzeReply(REAL_REPLIES[i % REAL_REPLIES.length] as string, { client: false }),
    "one-line": (i) => b.analyzeReply(oneLine[i % oneLine.length] as string, { client: false }),
    "several-lines": (i) => b.analyzeReply(severalLines[i % severalLines.length] as string, { client: false }),
    engine: (i) => b.evaluateWith(withReply[i] as (typeof withReply)[number], analyses[i % analyses.length], "2026-11-22"),
    plain: (i) => b.evaluate(plain[i] as (typeof plain)[number], today),
  };
  const run = one[workload];
  const rounds = (n: number): void => {
    for (let r = 0; r < n; r++) for (let i = 0; i < PER_ROUND; i++) run(i);
  };
  rounds(3);

  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 50 });
  await session.post("Profiler.start");
  const start = performance.now();
  rounds(ROUNDS);
  const elapsed = performance.now() - start;
  const { profile } = await session.post("Profiler.stop");
  session.disconnect();

  // Each line of the bundle → the source file it came from (esbuild writes "// src/…" before each).
  const fileAt: string[] = [];
  let current = "(bundle)";
  readFileSync(file, "utf8")
    .split("\n")
    .forEach((line, i) => {
      const m = /^\/\/ ((?:src|test)\/\S+)/.exec(line);
      if (m) current = m[1] as string;
      fileAt[i] = current;
    });
  const time = new Map<number, number>();
  (profile.samples ?? []).forEach((id, i) => time.set(id, (time.get(id) ?? 0) + ((profile.timeDeltas ?? [])[i] ?? 0)));
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const t = time.get(node.id) ?? 0;
    total += t;
    const { functionName, url, lineNumber } = node.callFrame;
    const inBundle = url.endsWith("named.mjs");
    // Outside the bundle: V8's own entries ("(garbage collector)", builtins) and this script's loop.
    const outside = url.includes("/scripts/") ? `(this script) ${functionName}` : functionName || "(V8)";
    const where = inBundle ? (fileAt[lineNumber] ?? "(bundle)") : outside;
    byFile.set(where, (byFile.get(where) ?? 0) + t);
    const name = inBundle ? `${functionName || "(anonymous)"}  ${where}` : outside;
    byFunction.set(name, (byFunction.get(name) ?? 0) + t);
  }
  const top = (m: Map<string, number>, n: number): string[] =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `  ${((v / total) * 100).toFixed(1).padStart(5)} %  ${k}`);
  console.log(`profile: ${workload}, ${((elapsed / (ROUNDS * PER_ROUND)) * 1000).toFixed(2)} µs a call while profiled`);
  console.log("functions, by time of their own:");
  console.log(top(byFunction, 25).join("\n"));
  // PROFILE_LINES=1: the bundle's lines with the most samples (V8's position ticks), each with its source file and its code.
  // Finer than a function: a regex's time is counted on the line that runs it, so the whole-text searches show one by one.
  if (process.env.PROFILE_LINES) {
    const code = readFileSync(file, "utf8").split("\n");
    const byLine = new Map<string, number>();
    let ticks = 0;
    for (const node of profile.nodes) {
      // Lines of the bundle only: another script's line 1 (this script's loop, as tsx runs it) was counted as the bundle's, under the
      // name of the file the bundle starts with (src/case/redact.ts, which the engine never calls).
      if (!node.callFrame.url.endsWith("named.mjs")) continue;
      for (const { line, ticks: n } of node.positionTicks ?? []) {
        const key = `${fileAt[line - 1] ?? "(bundle)"}:${line}  ${(code[line - 1] ?? "").trim().slice(0, 110)}`;
        byLine.set(key, (byLine.get(key) ?? 0) + n);
        ticks += n;
      }
    }
    console.log("lines of the bundle, by samples:");
    const lines = [...byLine].sort((a, b) => b[1] - a[1]).slice(0, 40);
    console.log(lines.map(([k, n]) => `  ${((n / ticks) * 100).toFixed(1).padStart(5)} %  ${k}`).join("\n"));
  }
  // Inclusive time: each function's own time and its callees', counted once on a stack that holds it twice.
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const inclusive = new Map<string, number>();
  const label = (n: (typeof profile.nodes)[number]): string => {
    const { functionName, url, lineNumber } = n.callFrame;
    return url.endsWith("named.mjs") ? `${functionName || "(anonymous)"}  ${fileAt[lineNumber] ?? "(bundle)"}` : url.includes("/scripts/") ? `(this script) ${functionName}` : functionName || "(V8)";
  };
  const walk = (id: number, onStack: ReadonlySet<string>): number => {
    const n = byId.get(id);
    if (!n) return 0;
    const name = label(n);
    let t = time.get(id) ?? 0;
    const next = onStack.has(name) ? onStack : new Set([...onStack, name]);
    for (const c of n.children ?? []) t += walk(c, next);
    if (!onStack.has(name)) inclusive.set(name, (inclusive.get(name) ?? 0) + t);
    return t;
  };
  const top0 = profile.nodes[0];
  if (top0) walk(top0.id, new Set());
  if (process.env.PROFILE_INCLUSIVE) {
    console.log("functions, with their callees:");
    console.log(top(inclusive, 40).join("\n"));
  }
  console.log("source files:");
  console.log(top(byFile, 15).join("\n"));
}

await main();
