// What every generated run of the command line must show (cli.fuzz.test.ts, encodings.fuzz.test.ts): an exit code from
// the documented set, no control character on either stream, JSON that parses.
import assert from "node:assert/strict";
import { firstControl } from "../helpers/hostile.js";
import type { RunResult } from "../helpers/run-main.js";

export function check(r: RunResult, codes: readonly number[], what: string, opts: { json?: boolean; crlf?: boolean } = {}): void {
  assert.ok(codes.includes(r.code), `${what}: exit ${r.code} is not one of ${codes.join(", ")}\n${r.stderr.slice(0, 400)}`);
  for (const [name, text] of [
    ["stdout", r.stdout],
    ["stderr", r.stderr],
  ] as const) {
    const hit = firstControl(text, { crlf: opts.crlf === true });
    assert.equal(hit, undefined, `${what}: ${name} has U+${hit?.char.charCodeAt(0).toString(16)} at ${hit?.at}: ${JSON.stringify(text.slice(Math.max(0, (hit?.at ?? 0) - 30), (hit?.at ?? 0) + 30))}`);
  }
  if (opts.json) JSON.parse(r.stdout);
}
