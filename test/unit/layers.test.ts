// Imports point downward only (issue 12). Every import and export-from statement (static or
// dynamic) of src/ and screens/ is read and resolved to its folder, and the rules of
// CONTRIBUTING.md ("Layers") are checked: a lower layer never imports a higher one.
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { test } from "node:test";

const root = resolve(new URL("../..", import.meta.url).pathname);

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(root, dir))) {
    const p = join(dir, name);
    if (statSync(join(root, p)).isDirectory()) out.push(...files(p));
    else if (/\.tsx?$/.test(name) && !name.endsWith(".d.ts")) out.push(p);
  }
  return out;
}

interface Import {
  from: string;
  /** The folder of the project it resolves to ("src/cli", "screens"), or the package name. */
  target: string;
  line: number;
}

const SPECIFIER = /(?:^|[\s;])(?:import|export)\s[^'"]*?\sfrom\s*["']([^"']+)["']|(?:^|[\s;(])import\s*["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/g;

/** The imports of a file, with comments removed first (an example in a comment is no import). */
function importsOf(file: string, text: string): Import[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, " ")).replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
  const out: Import[] = [];
  for (const m of code.matchAll(SPECIFIER)) {
    const spec = m[1] ?? m[2] ?? m[3];
    if (spec === undefined) continue;
    const line = code.slice(0, m.index).split("\n").length;
    if (spec.startsWith(".")) {
      const abs = relative(root, resolve(root, dirname(file), spec));
      const parts = abs.split("/");
      const target = parts[0] === "src" ? `src/${parts[1]?.replace(/\.(js|tsx?)$/, "")}` : (parts[0] ?? abs);
      out.push({ from: spec, target, line });
    } else {
      out.push({ from: spec, target: spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : (spec.split("/")[0] ?? spec), line });
    }
  }
  return out;
}

const all = [...files("src"), ...files("screens")].map((file) => ({ file, imports: importsOf(file, readFileSync(join(root, file), "utf8")) }));

/** Files under `dir` that import any of `forbidden` (folders or packages). */
function offenders(dir: string, forbidden: readonly string[]): string[] {
  const out: string[] = [];
  for (const { file, imports } of all) {
    if (!file.startsWith(`${dir}/`)) continue;
    for (const i of imports) if (forbidden.includes(i.target)) out.push(`${file}:${i.line} imports ${i.from}`);
  }
  return out;
}

test("the import reader finds static, type-only, re-export, side-effect and dynamic imports, and skips comments", () => {
  const text = [
    'import { a } from "../cli/x.js";',
    'import type { B } from "../cli/y.js";',
    'export { c } from "../live/z.js";',
    'import "../render/side.js";',
    'const m = await import("../plan/index.js");',
    '// import { no } from "../cli/comment.js";',
    '/* import { no } from "../cli/block.js"; */',
    'import {\n  d,\n  e,\n} from "ink";',
  ].join("\n");
  assert.deepEqual(
    importsOf("src/flow/f.ts", text).map((i) => i.target),
    ["src/cli", "src/cli", "src/live", "src/render", "src/plan", "ink"],
  );
  assert.deepEqual(importsOf("screens/App.tsx", 'import { x } from "../src/cli/a.js";\nimport { Y } from "./Choice.js";').map((i) => i.target), ["src/cli", "screens"]);
});

test("the walk reads every source file and its imports", () => {
  assert.ok(all.length > 100, `${all.length} files`);
  const app = all.find((f) => f.file === "screens/App.tsx");
  assert.ok(app?.imports.some((i) => i.target === "src/flow"), "screens/App.tsx imports the flow");
  assert.ok(all.find((f) => f.file === "src/cli/commands/wizard.ts")?.imports.some((i) => i.target === "src/flow"));
});

test("screens/ and src/flow import nothing from src/cli", () => {
  assert.deepEqual(offenders("screens", ["src/cli"]), []);
  assert.deepEqual(offenders("src/flow", ["src/cli", "screens"]), []);
});

test("src/flow is pure: no Ink, React, file system or network (effects go through its ports)", () => {
  assert.deepEqual(offenders("src/flow", ["ink", "react", "execa", "@azure/msal-node", "node:fs", "node:net", "node:tls", "node:child_process", "src/live", "src/ui", "src/probe/run"]), []);
});

test("src/live imports nothing from src/cli, the flow or the screens", () => {
  assert.deepEqual(offenders("src/live", ["src/cli", "src/flow", "screens"]), []);
});

test("src/engine imports nothing from the layers above it, nor Ink, React, msal, execa, the file system or the network", () => {
  const above = ["src/flow", "src/cli", "screens", "src/render", "src/live", "src/ui", "src/plan", "src/report", "src/whatif", "src/audit", "src/probe", "src/devices"];
  const io = ["ink", "react", "execa", "@azure/msal-node", "node:fs", "node:net", "node:tls", "node:child_process", "fs", "net", "tls"];
  assert.deepEqual(offenders("src/engine", [...above, ...io]), []);
});

test("the engine never reads the clock: the date comes in as `today`", () => {
  for (const file of files("src/engine")) {
    const text = readFileSync(join(root, file), "utf8");
    assert.doesNotMatch(text, /new Date\(\s*\)|Date\.now\(/, file);
  }
});

test("src/render (layout, theme, labels, formats, the output boundary) imports nothing from the layers that use it", () => {
  assert.deepEqual(offenders("src/render", ["src/cli", "src/flow", "screens", "src/live", "src/ui", "src/report", "src/plan", "src/audit", "src/probe", "src/devices", "ink", "react", "execa", "@azure/msal-node"]), []);
});
