// Same results before and after a change to the reply parser or the engine that is meant to keep
// them (a faster parser, a refactor): `record` on the code before the change writes what the parser
// and the engine return for a fixed corpus; `check` on the code after it compares, output by output.
//
//   npm run reply-diff -- record     (on main, before the change)
//   npm run reply-diff -- check      (after it: exit 1 and the first differences when any)
//   npm run reply-diff -- check --all   (a change meant to alter readings: every difference, one line
//                                        each, the reading before → now, to review them all)
//   npm run reply-diff -- check --shipped   (the parser and the engine as the bundle ships them, built
//                                        with the product's options: the reply tables the build computes,
//                                        src/replies/prebuilt.ts, instead of those the sources make)
//
// The corpus: every string literal in test/ (the real pastes, the corpus of domain.md §5, every
// fuzz and wrapper case), then seeded mutations of the real replies (transcript prefixes, line
// endings, cuts, joins, case, inserted quotes, codes and secrets), about 26,000 texts; 40,000
// evaluations of random cases carrying them, and 13,334 of cases without a reply. The outputs live
// in .tmp/reply-diff/ (not committed); `check` runs the recorded corpus again, so tests added with
// the change do not move it.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { shipped } from "../bench/_shipped.js";
import * as engine from "../src/engine/index.js";
import * as replies from "../src/replies/index.js";
import { randomCase, rng } from "../test/helpers/random-case.js";
import { REAL_REPLIES } from "../test/helpers/real-replies.js";

const OUT = join(".tmp", "reply-diff");
const MUTATIONS = 40_000;
const EVALUATIONS = 40_000;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(f) ? [p] : [];
  });
}

/** Every string literal (and template, its holes as "X") of the test files. */
function literals(): string[] {
  const found = new Set<string>();
  for (const file of sourceFiles("test")) {
    const sf = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
    const visit = (n: ts.Node): void => {
      if ((ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) && n.text.length >= 2) found.add(n.text);
      if (ts.isTemplateExpression(n)) found.add(n.head.text + n.templateSpans.map((s) => `X${s.literal.text}`).join(""));
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return [...found];
}

const PREFIXES = ["S: ", "C: ", "< ", "> ", ">>> ", "<<< ", "2024-01-02 10:11:12 ", "[ERROR] ", "DEBUG SMTP: ", "reply: b'", "* ", "##[error]", "> > ", "  ", "\t", "Rx: ", "SERVER -> CLIENT: ", "送信エラー: "];
const INSERTS = ["\n", "'", '"', "(", ")", "[", "]", "334", "535", "5.7.3", "AUTH LOGIN", "dXNlcg==", "password=hunter2", "Bearer abc.def", "Error:", "\u3000", "\uFF15\uFF13\uFF15", "&lt;", "`", "\\", "-"];

function corpus(): string[] {
  const base = [...REAL_REPLIES, ...literals()];
  const replies = REAL_REPLIES;
  const next = rng(7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const out = new Set(base);
  for (let i = 0; i < MUTATIONS; i++) {
    const r = pick(replies);
    const cut = Math.floor(next() * r.length);
    const words = r.split(" ");
    words.splice(Math.floor(next() * words.length), 0, pick(INSERTS));
    const variants = [
      r.split("\n").map((l) => pick(PREFIXES) + l).join("\n"),
      `${r}\n${pick(replies)}`,
      r.slice(0, cut),
      r.slice(cut),
      r.replace(/\n/g, pick(["\r\n", "\r", " ", "\\r\\n", "\n\n"])),
      r.toUpperCase(),
      words.join(" "),
      `${pick(base)} ${r}`,
      r.split("\n").reverse().join("\n"),
    ];
    out.add(pick(variants));
  }
  return [...out];
}

/** What each evaluation of outputs() evaluated, in its order: the reply it carried (or none). For check --all. */
const evaluated: string[] = [];

function outputs(texts: readonly string[]): string[] {
  const lines = texts.map((t) => JSON.stringify(analyzeReply(t)));
  const next = rng(99);
  for (let i = 0; i < EVALUATIONS; i++) {
    const c = randomCase(next);
    const reply = texts[i % texts.length] as string;
    lines.push(JSON.stringify(evaluate({ ...c, device: { ...(c.device ?? {}), reply } }, { today: "2026-11-22" })));
    evaluated.push(`reply ${JSON.stringify(reply).slice(0, 100)}${c.device?.provider ? `, device.provider ${c.device.provider}` : ""}`);
    if (i % 3 === 0) {
      lines.push(JSON.stringify(evaluate(c, { today: "2026-12-22" })));
      evaluated.push("no reply");
    }
  }
  return lines;
}

/** An output in one line: a parse's readings (pattern, stage, candidates, decisive; the service) or a diagnosis (verdict, causes, unknowns). */
function reading(line: string | undefined): string {
  if (line === undefined) return "(none)";
  const o = JSON.parse(line) as {
    matches?: Array<{ patternId: string; stage: string; candidates: string[]; decisive: boolean }>;
    provider?: { id: string };
    verdict?: string;
    causes?: Array<{ id: string; status: string }>;
    unknowns?: string[];
  };
  if (o.verdict !== undefined) return `${o.verdict}: ${(o.causes ?? []).map((c) => `${c.id}(${c.status})`).join(" ")} | unknowns ${(o.unknowns ?? []).length}`;
  const ms = (o.matches ?? []).map((m) => `${m.patternId}@${m.stage}[${m.candidates.join(",")}]${m.decisive ? "!" : ""}`);
  return `${ms.join(" ") || "(no reading)"}${o.provider ? ` | ${o.provider.id}` : ""}`;
}

const mode = process.argv[2];
const all = process.argv.includes("--all");
const { analyzeReply, evaluate } = process.argv.includes("--shipped") ? await shipped() : { analyzeReply: replies.analyzeReply, evaluate: engine.evaluate };
if (mode !== "record" && mode !== "check") {
  console.error("usage: npm run reply-diff -- record | check [--all] [--shipped]");
  process.exit(2);
}
mkdirSync(OUT, { recursive: true });
if (mode === "check" && !existsSync(join(OUT, "outputs.jsonl"))) {
  console.error("nothing recorded yet: run `npm run reply-diff -- record` on the code before your change");
  process.exit(2);
}
// `check` reads the recorded corpus: tests added with the change do not move it.
const texts = mode === "record" ? corpus() : (JSON.parse(readFileSync(join(OUT, "corpus.json"), "utf8")) as string[]);
const now = outputs(texts);
if (mode === "record") {
  writeFileSync(join(OUT, "corpus.json"), JSON.stringify(texts));
  writeFileSync(join(OUT, "outputs.jsonl"), now.join("\n"));
  console.log(`recorded ${texts.length.toLocaleString("en")} texts and ${(now.length - texts.length).toLocaleString("en")} evaluations in ${OUT}`);
} else {
  const before = readFileSync(join(OUT, "outputs.jsonl"), "utf8").split("\n");
  let differences = 0;
  for (let i = 0; i < Math.max(before.length, now.length); i++) {
    if (before[i] === now[i]) continue;
    if (all) {
      differences++;
      const what = i < texts.length ? `text ${JSON.stringify(texts[i]).slice(0, 160)}` : `evaluation ${i - texts.length} (${evaluated[i - texts.length] ?? "?"})`;
      console.log(`${what}\n  ${reading(before[i])}\n→ ${reading(now[i])}`);
      continue;
    }
    if (differences++ < 5) {
      const what = i < texts.length ? `text ${JSON.stringify(texts[i]).slice(0, 200)}` : `evaluation ${i - texts.length}`;
      console.log(`difference at ${what}\n  before: ${(before[i] ?? "").slice(0, 400)}\n  now:    ${(now[i] ?? "").slice(0, 400)}`);
    }
  }
  console.log(differences === 0 ? `identical: ${now.length.toLocaleString("en")} outputs` : `${differences.toLocaleString("en")} of ${now.length.toLocaleString("en")} outputs differ`);
  process.exit(differences === 0 ? 0 : 1);
}
