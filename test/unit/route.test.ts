// Which part of the bundle runs a command line (src/cli/route.ts): every command is placed, and the
// fast part is chosen only where it holds everything the run can reach.
import assert from "node:assert/strict";
import { test } from "node:test";
import { COMMAND_NAMES } from "../../src/cli/main.js";
import { FAST_COMMANDS, FORMAT_NAMES, FULL_COMMANDS, fastRoute, runKind } from "../../src/cli/route.js";
import { FORMATS } from "../../src/render/formats.js";

test("every command is either fast or full, and no other word is a command", () => {
  for (const name of COMMAND_NAMES) assert.ok(FAST_COMMANDS.has(name) !== FULL_COMMANDS.has(name), name);
  for (const name of [...FAST_COMMANDS, ...FULL_COMMANDS]) assert.ok(name === "help" || COMMAND_NAMES.includes(name), name);
});

test("the wizard, screens, sign-ins and the network go to the full part", () => {
  for (const argv of [[], ["--lang", "ja"], ["--plain"], ["wizard"], ["whatif", "--case", "x"], ["probe"], ["audit", "--live"], ["collect"], ["access"], ["setup"], ["diagnose", "--live", "--case", "x"], ["diagnose", "--case", "x", "--live=true"]]) {
    assert.equal(fastRoute(argv), false, argv.join(" "));
  }
});

test("commands that only read and print go to the fast part", () => {
  for (const argv of [["--version"], ["-V"], ["--lang", "ja", "--help"], ["help"], ["diagnose", "--case", "x"], ["diagnose", "--resume", "sad1.x"], ["explain", "535"], ["options", "--case", "x"], ["devices", "canon"], ["nonsense"]]) {
    assert.equal(fastRoute(argv), true, argv.join(" "));
  }
});

test("each kind of run keeps its own code cache: the command and its output format", () => {
  assert.equal(runKind(["--version"]), "version-text");
  assert.equal(runKind(["--help"]), "help-text");
  assert.equal(runKind(["diagnose", "--case", "x"]), "diagnose-text");
  assert.equal(runKind(["diagnose", "--case", "x", "--json"]), "diagnose-json");
  assert.equal(runKind(["diagnose", "--format", "md"]), "diagnose-md");
  assert.equal(runKind(["explain", "--format=handover", "x"]), "explain-handover");
});

test("a mistyped command or format shares one cache kind, so typos leave no cache files behind", () => {
  assert.equal(runKind(["diagnose", "--format", "mdd"]), "diagnose-other");
  assert.equal(runKind(["diagnose", "--format=../../x"]), "diagnose-other");
  assert.equal(runKind(["explain", "--format"]), "explain-text");
  assert.equal(runKind(["nonsense", "--json"]), "other-json");
  assert.equal(runKind(["diagnos"]), "other-text");
});

test("the start-up's list of format names is the formats' own list", () => {
  assert.deepEqual([...FORMAT_NAMES].sort(), Object.keys(FORMATS).sort());
});
