// The resume code (issue 13.2): a case in one copyable word. Round trips over every example and
// random cases; size; no secret; every way a code can be damaged is bad input with its reason.
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { decodeResume, encodeResume, MAX_CODE_CHARS } from "../../src/case/resume.js";
import { parseCase, serializeCase } from "../../src/case/io.js";
import { isAppError } from "../../src/errors.js";
import { evaluate } from "../../src/engine/index.js";
import { randomCase, rng } from "../helpers/random-case.js";

const examples = readdirSync(join(process.cwd(), "examples"))
  .filter((f) => f.endsWith(".json"))
  .map((f) => {
    const file = join(process.cwd(), "examples", f);
    return { name: f, c: parseCase(readFileSync(file, "utf8"), file) };
  });

const badInputWith = (code: string) => (e: unknown) => isAppError(e) && e.code === code && e.type === "bad-input";

test("every example round-trips to the same case file and the same diagnosis, in under 2,000 URL-safe characters", () => {
  assert.ok(examples.length >= 5);
  for (const { name, c } of examples) {
    const code = encodeResume(c);
    assert.match(code, /^sad1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{8}$/, name);
    assert.ok(code.length <= 2000, `${name}: ${code.length} characters`);
    const back = decodeResume(code);
    assert.equal(serializeCase(back), serializeCase(c), name);
    assert.deepEqual(evaluate(back, { today: "2026-12-03" }), evaluate(c, { today: "2026-12-03" }), name);
  }
});

test("random cases round-trip (property, 300 cases)", () => {
  const next = rng(13);
  for (let i = 0; i < 300; i++) {
    const c = randomCase(next);
    assert.equal(serializeCase(decodeResume(encodeResume(c))), serializeCase(c), `case ${i}`);
  }
});

test("no secret travels in the code: a pasted AUTH exchange is redacted as in a saved case file", () => {
  const password = Buffer.from("Winter2026!secret").toString("base64");
  const reply = ["334 VXNlcm5hbWU6", "c2Nhbm5lckBjb250b3NvLmNvbQ==", "334 UGFzc3dvcmQ6", password, "535 5.7.139 Authentication unsuccessful"].join("\n");
  const c = parseCase(JSON.stringify({ schema: "smtp-auth-doctor/case@1", device: { reply, username: "scanner@contoso.com" } }), "t");
  const code = encodeResume(c);
  const back = decodeResume(code);
  assert.doesNotMatch(back.device?.reply ?? "", /V2ludGVy|Winter2026/);
  assert.match(back.device?.reply ?? "", /535 5\.7\.139/);
});

test("a code copied with its command line, or wrapped over lines by a mail client, still reads", () => {
  const c = examples[0]?.c;
  assert.ok(c);
  const code = encodeResume(c);
  const wrapped = code.replace(/(.{60})/g, "$1\n  ");
  assert.equal(serializeCase(decodeResume(wrapped)), serializeCase(c));
  assert.equal(serializeCase(decodeResume(`npx smtp-auth-doctor --resume ${code}`)), serializeCase(c));
});

test("damaged codes: cut short, a changed character, another version, not a code, too long, a forged check on junk", () => {
  const c = examples[0]?.c;
  assert.ok(c);
  const code = encodeResume(c);
  assert.throws(() => decodeResume(code.slice(0, -3)), badInputWith("resume.check"), "cut in the check");
  assert.throws(() => decodeResume(code.slice(0, Math.floor(code.length / 2))), badInputWith("resume.check"), "cut in the payload");
  const i = 10;
  const flipped = code.slice(0, i) + (code[i] === "A" ? "B" : "A") + code.slice(i + 1);
  assert.throws(() => decodeResume(flipped), badInputWith("resume.check"), "a changed character");
  assert.throws(() => decodeResume(code.replace(/^sad1/, "sad2")), badInputWith("resume.version"));
  for (const junk of ["", "hello", "535 5.7.139", "sad", "abc1.xxxx.yyyy", "{\"schema\":1}"]) assert.throws(() => decodeResume(junk), (e: unknown) => isAppError(e) && e.type === "bad-input", junk);
  assert.throws(() => decodeResume(`sad1.${"A".repeat(MAX_CODE_CHARS)}.x`), badInputWith("resume.too-long"));
});

test("a well-formed code whose content is not a case is bad input, not a crash (compressed junk, a decompression bomb)", async () => {
  const { createHash } = await import("node:crypto");
  const { brotliCompressSync } = await import("node:zlib");
  const forge = (payload: Buffer | string) => {
    const p = typeof payload === "string" ? payload : payload.toString("base64url");
    return `sad1.${p}.${createHash("sha256").update(`sad1.${p}`).digest("base64url").slice(0, 8)}`;
  };
  assert.throws(() => decodeResume(forge("notbrotli")), badInputWith("resume.unreadable"));
  assert.throws(() => decodeResume(forge(brotliCompressSync(Buffer.from("[1,2,3]")))), (e: unknown) => isAppError(e) && e.type === "bad-input");
  assert.throws(() => decodeResume(forge(brotliCompressSync(Buffer.from(JSON.stringify({ schema: "smtp-auth-doctor/case@1", device: { port: "x" } }))))), (e: unknown) => isAppError(e) && e.type === "bad-input");
  // 50 MB of spaces compresses to a few hundred bytes; reading stops at the limit.
  assert.throws(() => decodeResume(forge(brotliCompressSync(Buffer.alloc(50 * 1024 * 1024, 32)))), badInputWith("resume.unreadable"));
});
