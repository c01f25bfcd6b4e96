// The account an AUTH XOAUTH2 string names (ReplyAnalysis.oauthUser): read before the string is redacted, only a personal
// Microsoft address is kept, and neither the string nor its token ever reaches the analysis, whatever they hold.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { analyzeReply } from "../../src/replies/index.js";

const CONSUMER = ["outlook.com", "hotmail.com", "live.com", "outlook.jp", "hotmail.co.jp", "msn.com"];
const WORK = ["contoso.com", "contoso.onmicrosoft.com", "gmail.com", "outlook.example"];
const local = fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,30}$/);
const token = fc.stringMatching(/^[A-Za-z0-9._~+/-]{20,400}$/);

function xoauth2(user: string, bearer: string): string {
  return Buffer.from(`user=${user}\x01auth=Bearer ${bearer}\x01\x01`, "latin1").toString("base64");
}

function transcript(blob: string): string {
  return `C: AUTH XOAUTH2 ${blob}\nS: 535 5.7.3 Authentication unsuccessful [AB1PR01CA0001.NAMPRD01.PROD.OUTLOOK.COM]`;
}

test("a personal Microsoft address in the XOAUTH2 string is kept, a work one is not; the string and its token never are", () => {
  fc.assert(
    fc.property(local, fc.constantFrom(...CONSUMER, ...WORK), token, (name, domain, bearer) => {
      const user = `${name}@${domain}`;
      const blob = xoauth2(user, bearer);
      const a = analyzeReply(transcript(blob));
      assert.equal(a.oauthUser, CONSUMER.includes(domain) ? user : undefined);
      const all = JSON.stringify(a);
      assert.ok(!all.includes(blob.slice(0, 24)) && !all.includes(blob.slice(-24)), "the XOAUTH2 string");
      assert.ok(!all.includes(bearer.slice(0, 20)), "the token");
    }),
    { numRuns: 300 },
  );
});

test("a string cut short, or bytes that are not the format, name nobody and never throw", () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 500 }), fc.nat(60), (junk, cut) => {
      const blob = xoauth2("printer@outlook.com", "t".repeat(30));
      assert.equal(analyzeReply(transcript(blob.slice(0, Math.min(cut, 20)))).oauthUser, undefined);
      const a = analyzeReply(transcript(`dXNlcj${Buffer.from(junk).toString("base64")}`));
      assert.ok(a.oauthUser === undefined || a.oauthUser.includes("@"));
    }),
    { numRuns: 300 },
  );
});

test("a control character in the XOAUTH2 string's user (a C1 CSI, ESC) names nobody: no terminal sequence is taken for an address", () => {
  for (const control of ["\x9b", "\x1b", "\x85"]) {
    assert.equal(analyzeReply(transcript(xoauth2(`a${control}31mb@outlook.com`, "t".repeat(30)))).oauthUser, undefined, JSON.stringify(control));
  }
  assert.equal(analyzeReply(transcript(xoauth2("a31mb@outlook.com", "t".repeat(30)))).oauthUser, "a31mb@outlook.com");
});
