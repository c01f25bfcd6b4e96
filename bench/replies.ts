// Reply parser throughput (the shipped build): every §5 reply, bare and in each client wrapper, plus one 64 KiB log.
import { CORPUS, wrapped } from "../test/fixtures/replies-corpus.js";
import { shipped } from "./_shipped.js";

export async function run(): Promise<void> {
  // The shipped parser (bundled and minified, bench/_shipped.ts).
  const { analyzeReply } = await shipped();
  const inputs = CORPUS.flatMap((row) => [row.reply, ...wrapped(row.reply)]);
  for (const input of inputs) analyzeReply(input); // warm-up
  const rounds = 20;
  const start = performance.now();
  for (let i = 0; i < rounds; i++) for (const input of inputs) analyzeReply(input);
  const seconds = (performance.now() - start) / 1000;
  const parses = rounds * inputs.length;
  console.log(`replies: ${inputs.length} inputs (§5 corpus × wrappers), ${Math.round(parses / seconds)} parses/s`);

  const line = CORPUS.map((r) => `2026-11-22T09:00:00Z S: ${r.reply}`).join("\r\n");
  const big = line.repeat(Math.ceil((64 * 1024) / line.length)).slice(0, 64 * 1024);
  const t = performance.now();
  const a = analyzeReply(big);
  console.log(`replies: 64 KiB transcript (${a.replies.length} distinct replies) in ${(performance.now() - t).toFixed(1)} ms`);
}
