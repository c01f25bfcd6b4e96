// The resume code (issue 13.2): a case in one copyable word, so the admin who receives a hand-over
// opens the same diagnosis with `npx smtp-auth-doctor --resume CODE`. The code is
//
//   sad1.<payload>.<check>
//
// `sad1` names the format and its version; the payload is the case file's JSON (secrets removed
// and validated exactly as when a case file is saved) compressed with Brotli, in base64url; the
// check is the first 8 base64url characters of SHA-256 over "sad1.<payload>", so a code cut short
// or mistyped is caught before anything is decoded. Every character is URL- and shell-safe
// (A–Z a–z 0–9 - _ .), so the code needs no quoting. Reading is bounded: the code's length, the
// decompressed size, then the same JSON limits and schema as a case file. Any fault is bad input
// (exit 2) with its reason in the user's language.
import { createHash } from "node:crypto";
import { brotliCompressSync, brotliDecompressSync, constants } from "node:zlib";
import { badInput } from "../errors.js";
import { parseCase, serializeCase } from "./io.js";
import type { Case } from "./schema.js";

export const RESUME_PREFIX = "sad";
export const RESUME_VERSION = 1;
/** A code longer than this is not one we wrote (a typical case makes 400–900 characters). */
export const MAX_CODE_CHARS = 64 * 1024;
/** The decompressed case may not exceed this (a hostile code cannot inflate without bound). */
const MAX_CASE_BYTES = 1024 * 1024;
const CHECK_CHARS = 8;

function check(head: string, payload: string): string {
  return createHash("sha256").update(`${head}.${payload}`).digest("base64url").slice(0, CHECK_CHARS);
}

/** The resume code of a case: secret-free (as the saved case file), compact, with its version and check. */
export function encodeResume(c: Case): string {
  const json = JSON.stringify(JSON.parse(serializeCase(c)) as unknown);
  const payload = brotliCompressSync(Buffer.from(json, "utf8"), {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT, [constants.BROTLI_PARAM_SIZE_HINT]: json.length },
  }).toString("base64url");
  const head = `${RESUME_PREFIX}${RESUME_VERSION}`;
  return `${head}.${payload}.${check(head, payload)}`;
}

/**
 * The case in a resume code. Spaces and line breaks (a code wrapped by a mail client or a chat) are
 * ignored; a code given with the whole command line (`npx smtp-auth-doctor --resume sad1.…`) is
 * accepted too. Anything else that is not a whole, unchanged code of a known version is bad input.
 */
export function decodeResume(raw: string): Case {
  if (raw.length > MAX_CODE_CHARS) throw badInput("resume.too-long", "common.err.resumeTooLong", { limit: MAX_CODE_CHARS });
  const text = raw.replace(/\s+/g, "").replace(/^.*--resume=?/, "");
  const m = /^([a-z]+)(\d+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(text);
  if (!m || m[1] !== RESUME_PREFIX) {
    // Our prefix but not three whole parts: a code cut short (the usual fault when copying).
    if (/^sad\d+\./.test(text)) throw badInput("resume.check", "common.err.resumeCheck");
    throw badInput("resume.not-a-code", "common.err.resumeNotCode");
  }
  const version = Number(m[2]);
  if (version !== RESUME_VERSION) throw badInput("resume.version", "common.err.resumeVersion", { version, supported: RESUME_VERSION });
  const head = `${m[1]}${m[2]}`;
  const payload = m[3] as string;
  if (check(head, payload) !== m[4]) throw badInput("resume.check", "common.err.resumeCheck");
  let json: string;
  try {
    json = brotliDecompressSync(Buffer.from(payload, "base64url"), { maxOutputLength: MAX_CASE_BYTES }).toString("utf8");
  } catch {
    throw badInput("resume.unreadable", "common.err.resumeUnreadable");
  }
  return parseCase(json, "--resume");
}
