// A paste that is only a maker's panel code whose meaning our sources do not have (Canon's "#801", the most common send error a
// help desk in Japan has from the panel or the job log): explain without --vendor says it looks like that maker's code, that its
// meaning is unknown, and that the server's reply in the device's job log decides; it no longer says "no SMTP reply was found".
// Look-alikes (a port, a year, a colour, an issue number in a sentence, a log line with a time) keep the general answer.
import assert from "node:assert/strict";
import { test } from "node:test";
import { loadCatalog, vendorsByBareCode } from "../../src/devices/index.js";
import { bareCode } from "../../src/devices/panel.js";
import { t } from "../../src/i18n/index.js";
import { runMain } from "../helpers/run-main.js";

const LANGS = ["en", "ja"] as const;

test("bareCode: Canon's '#' and three digits alone, or with words of an error around it; nothing else", async () => {
  const canon = (await loadCatalog()).canon;
  const found: Array<[string, string]> = [
    ["#801", "#801"],
    ["  #802\n", "#802"],
    ["# 803", "#803"],
    ["＃８１６", "#816"], // typed full-width on a Japanese keyboard
    ["エラーコード #818", "#818"],
    ["送信エラー #819 が表示されました", "#819"],
    ["スキャン送信 NG #855", "#855"], // a code of the shape the reference does not name
    ["Error code: #801", "#801"],
    ["Canon scan to e-mail failed #801", "#801"],
  ];
  for (const [text, code] of found) assert.equal(bareCode(canon, text), code, text);
  const notCodes = [
    "801", // no '#': any number
    "port 801",
    "エラー 801",
    "#80",
    "#8011",
    "#801911", // a colour
    "#801a",
    "#801 2026", // another number beside it
    "2026/12/01 10:15 #801", // a log line with a date and a time
    "#801 #802", // two codes: not "only a code"
    "Issue #801 was fixed in the release", // an issue number in a sentence
    "#801\n#802",
    `#801 ${"エラー".repeat(30)}`, // longer than a typed code
    "",
  ];
  for (const text of notCodes) assert.equal(bareCode(canon, text), undefined, text);
});

test("bareCode names only Canon: no other maker claims a shape a bare code could match", async () => {
  for (const text of ["#801", "1102", "1101", "016-506", "027-779", "2026"]) {
    const makers = (await vendorsByBareCode(text)).map((m) => m.vendor);
    assert.deepEqual(makers, text === "#801" ? ["canon"] : [], text);
  }
});

test("explain '#801' (no --vendor): a Canon code whose meaning is unknown, where the server's reply is; exit 2, both languages", async () => {
  for (const lang of LANGS) {
    for (const [text, code] of [
      ["#801", "#801"],
      ["送信エラー #818 が表示されました", "#818"],
    ] as const) {
      const r = await runMain(["explain", "--lang", lang, text]);
      assert.equal(r.code, 2, `${lang} ${text}: ${r.stderr}`);
      assert.equal(r.stdout, "");
      const said = t(lang, "devices.err.bareCode", { vendor: t(lang, "devices.vendor.canon"), code, id: "canon" });
      assert.equal(r.stderr.trim(), `smtp-auth-doctor: ${said}`);
      assert.ok(!r.stderr.includes(t(lang, "cli.err.unrecognized")), r.stderr);
    }
  }
  // The words name no cause and no menu of Canon's that our sources do not have.
  assert.match(t("en", "devices.err.bareCode", { vendor: "Canon", code: "#801", id: "canon" }), /not in this tool's sources/);
  assert.match(t("ja", "devices.err.bareCode", { vendor: "キヤノン", code: "#801", id: "canon" }), /出典には意味がなく/);
});

test("explain: look-alikes keep the general answer; a known code and --vendor read as before", async () => {
  for (const text of ["port 801", "#801911", "2026/12/01 10:15 #801", "Issue #801 was fixed in the release"]) {
    const r = await runMain(["explain", "--lang", "en", text]);
    assert.equal(r.code, 2, text);
    assert.equal(r.stderr.trim(), `smtp-auth-doctor: ${t("en", "cli.err.unrecognized")}`, text);
  }
  // #839 is in our sources (Universal Send Kit service manual): still read as Canon's sign-in failure.
  const known = await runMain(["explain", "--lang", "en", "#839"]);
  assert.equal(known.code, 3, known.stderr);
  // With --vendor canon, #801 is read as before: the reference's "not confirmed" line in the device section.
  const named = await runMain(["explain", "--vendor", "canon", "--lang", "en", "--no-color", "#801"]);
  assert.equal(named.code, 3, named.stderr);
  assert.ok(named.stdout.replace(/\s+/g, " ").includes("#801, #802, #803, #816, #818 and #819"), named.stdout);
  // An SMTP reply beside the code decides, as always.
  const reply = await runMain(["explain", "--lang", "en", "#801 535 5.7.139 Authentication unsuccessful, basic authentication is disabled."]);
  assert.notEqual(reply.code, 2, reply.stderr);
});

test("plain mode's paste screen says the same as the Ink screen for only a Canon code (pasteSummaryText), in both languages", async () => {
  const { pasteSummaryText } = await import("../../src/flow/summary.js");
  const { analyzeReply } = await import("../../src/replies/index.js");
  const { evaluate } = await import("../../src/engine/index.js");
  const { emptyCase } = await import("../../src/case/schema.js");
  const diagnosis = evaluate(emptyCase(), { today: "2026-11-22" });
  for (const lang of LANGS) {
    const summary = { analysis: analyzeReply("#801"), resolved: [], bareCode: { vendor: "canon" as const, code: "#801" } };
    const lines = pasteSummaryText(lang, summary, diagnosis, { bullet: "-", ok: "v" });
    assert.ok(lines.includes(t(lang, "wizard.pasteSummary.bareCode", { vendor: t(lang, "devices.vendor.canon"), code: "#801" })), lines.join("\n"));
    assert.ok(!lines.includes(t(lang, "wizard.pasteSummary.unrecognized")), lines.join("\n"));
  }
});

// "port 843" was read as Canon's #843 (a sign-in failure) and "port 1102" as Kyocera's 1102 with no maker named: their patterns
// took the number without its "#" or a word of an error. Without --vendor those forms no longer name a maker (nor in the
// wizard, makersOfMessage); with the maker known they read as before; the panel's own forms read without it as before.
test("a known code's bare number names no maker without --vendor ('port 843', 'port 1102'); with the maker known it reads as before", async () => {
  const { makersOfMessage } = await import("../../src/devices/index.js");
  const catalog = await loadCatalog();
  for (const text of ["port 843", "Job 839 finished", "port 1102", "listening on 1102", "2026-12-01 08:43:39"]) {
    assert.deepEqual(makersOfMessage(catalog, text), [], text);
    const r = await runMain(["explain", "--lang", "en", text]);
    assert.equal(r.code, 2, `${text}: ${r.stdout}`);
    assert.equal(r.stderr.trim(), `smtp-auth-doctor: ${t("en", "cli.err.unrecognized")}`, text);
  }
  for (const [text, vendor] of [
    ["#839", "canon"],
    ["エラー #843", "canon"],
    ["Send error 1102", "kyocera"],
    ["送信エラー 1102", "kyocera"],
    ["1102", "kyocera"],
    ["0x1102", "kyocera"],
  ] as const) {
    assert.deepEqual(makersOfMessage(catalog, text).map((m) => m.vendor), [vendor], text);
  }
  for (const [vendor, text] of [
    ["canon", "839"],
    ["kyocera", "port 1102"],
  ] as const) {
    const r = await runMain(["explain", "--vendor", vendor, "--lang", "en", "--json", text]);
    assert.equal(r.code, 3, `${vendor} ${text}: ${r.stderr}`);
    assert.match(r.stdout, new RegExp(`panel:${vendor}-`), text);
  }
});
