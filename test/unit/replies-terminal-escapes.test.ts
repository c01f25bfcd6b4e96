// A paste copied from a coloured terminal or log viewer keeps the terminal's escape sequences
// ("\x1b[31m535 5.7.139 …\x1b[0m"): the reply text normaliser drops CSI and OSC sequences whole, so
// the code is read, and no part of them ("[31m", "[0m", "]8;;…") is left in the reply shown. The
// pastes here are constructed (a coloured log line of the kind many CLIs and log viewers print), not
// taken from a public thread.
import assert from "node:assert/strict";
import { test } from "node:test";
import { normalizeText } from "../../src/replies/normalize.js";
import { analyzeReply } from "../../src/replies/index.js";
import { runMain } from "../helpers/run-main.js";
import { firstControl } from "../helpers/hostile.js";

const CRITERIA = "535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully. Contact your administrator.";
const TENANT = "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.";

const PASTES: Array<{ what: string; text: string; line: string; patternId: string; cause: string }> = [
  { what: "a red reply", text: `\u001b[31m${CRITERIA}\u001b[0m`, line: CRITERIA, patternId: "auth-criteria-not-met", cause: "per-user-mfa" },
  {
    what: "a coloured log line (bold red level, yellow reply, default colour after)",
    text: "\u001b[1;31mERROR\u001b[0m smtp: \u001b[33m535 5.7.3 Authentication unsuccessful [TY1PR01CA0183.jpnprd01.prod.outlook.com]\u001b[39m",
    line: "535 5.7.3 Authentication unsuccessful",
    patternId: "auth-unsuccessful-generic",
    cause: "wrong-credentials",
  },
  {
    what: "a terminal hyperlink (OSC 8) and a C1 CSI",
    text: `\u001b]8;;https://aka.ms/smtp_auth_disabled\u001b\\\u009b1m${TENANT}\u009b0m\u001b]8;;\u001b\\`,
    line: TENANT,
    patternId: "auth-tenant-disabled",
    cause: "tenant-smtp-auth-disabled",
  },
  // The same codes written out as text: `cat -v`'s caret notation, and a JSON log's string escapes.
  { what: "caret notation (cat -v)", text: `^[[31m${CRITERIA}^[[0m`, line: CRITERIA, patternId: "auth-criteria-not-met", cause: "per-user-mfa" },
  {
    what: "a JSON log's escaped colour codes",
    text: '{"level":"error","msg":"\\u001b[33m535 5.7.3 Authentication unsuccessful [TY1PR01CA0183.jpnprd01.prod.outlook.com]\\u001b[39m"}',
    line: "535 5.7.3 Authentication unsuccessful",
    patternId: "auth-unsuccessful-generic",
    cause: "wrong-credentials",
  },
];

test("normalizeText drops colour codes written out as text (caret notation, string escapes); other '^[' and backslashes stay", () => {
  assert.equal(normalizeText("^[[1;31mERROR^[[0m 535 5.7.3"), "ERROR 535 5.7.3");
  assert.equal(normalizeText("^[]0;title^G535 5.7.3"), "535 5.7.3");
  assert.equal(normalizeText("\\x1b[31ma\\033[0m \\e[1mb\\e[0m \\u001B[2Jc"), "a b c");
  assert.equal(normalizeText("x ^[ y"), "x ^[ y");
  assert.equal(normalizeText("C:\\data\\e"), "C:\\data\\e");
});

test("normalizeText drops CSI and OSC sequences whole; an ESC that starts neither is still a blank", () => {
  assert.equal(normalizeText("\u001b[31m535 5.7.3\u001b[0m"), "535 5.7.3");
  assert.equal(normalizeText("\u001b[38;5;196mred\u001b[m \u001b[2J\u001b[1;1H!"), "red !");
  assert.equal(normalizeText("\u001b]0;title\u0007a\u001b]8;;https://x.test/\u001b\\b\u001b]8;;\u001b\\"), "ab");
  assert.equal(normalizeText("\u009b31mC1\u009b0m \u009d2;t\u009c."), "C1 .");
  // Not a whole sequence: an ESC alone, an OSC never ended on its line.
  assert.equal(normalizeText("a\u001bb"), "a b");
  assert.equal(normalizeText("\u001b]52;c;SGFja2Vk\nnext"), " ]52;c;SGFja2Vk\nnext");
});

test("a reply pasted with a terminal's colour codes is read: its code and text, no '[31m' or '[0m' left over", () => {
  for (const p of PASTES) {
    const a = analyzeReply(p.text);
    assert.equal(a.recognized, true, p.what);
    assert.equal(a.primary?.patternId, p.patternId, p.what);
    assert.equal(a.primary?.reply.line, p.line, p.what);
    assert.equal(a.primary?.stage, "auth", p.what);
  }
});

for (const lang of ["en", "ja"] as const) {
  test(`${lang}: explain reads the coloured pastes in text and JSON, shows the reply without the codes and sends no control sequence`, async () => {
    for (const p of PASTES) {
      const text = await runMain(["explain", "-", "--lang", lang], { stdin: p.text });
      assert.equal(text.code, 1, `${p.what}: ${text.stderr}`);
      assert.equal(firstControl(text.stdout + text.stderr), undefined, p.what);
      assert.ok(text.stdout.replace(/\s+/g, " ").includes(p.line.slice(0, 60)), `${p.what}: ${text.stdout.slice(0, 300)}`);
      assert.doesNotMatch(text.stdout, /\[(?:1;31|31|33|39|0)?m|\]8;;/, p.what);
      const json = await runMain(["explain", "-", "--json", "--lang", lang], { stdin: p.text });
      assert.equal(json.code, 1, p.what);
      const j = JSON.parse(json.stdout) as { analysis: { primary: { reply: string; patternId: string } }; causes: { id: string }[] };
      assert.equal(j.analysis.primary.reply, p.line, p.what);
      assert.equal(j.analysis.primary.patternId, p.patternId, p.what);
      assert.ok(j.causes.some((c) => c.id === p.cause), `${p.what}: ${j.causes.map((c) => c.id).join(", ")}`);
      assert.doesNotMatch(json.stdout, /\\u001b|\[(?:1;31|31|33|39|0)?m/, p.what);
    }
  });
}
