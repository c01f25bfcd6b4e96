// The probe knows its secrets: the password, the OAuth token, and what it builds from them. A
// server that repeats any of them in a reply (an AUTH LOGIN answer echoed in a 535, the XOAUTH2
// blob quoted back, a token in an error description) must not get them onto the screen, into the
// transcript or into a case file. Every reply line is scrubbed by value here, before anything else
// reads it.
import { REDACTED } from "./transcript.js";

/** Long secrets (tokens, blobs) are also found in pieces of at least this many characters (a reply that wraps or cuts them). */
const PIECE = 16;
/** Shorter raw values are not scrubbed on their own (a 3-character password would blank out ordinary words); their base64 forms still are. */
const MIN_RAW = 4;

function b64(text: string): string {
  return Buffer.from(text, "utf8").toString("base64");
}

/** How the wire reader sees the UTF-8 bytes of a value (it decodes lines as latin1). */
function wireForm(text: string): string {
  return Buffer.from(text, "utf8").toString("latin1");
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export class SecretScrubber {
  private readonly exact: RegExp | undefined;
  private readonly pieces: { value: string; grams: Set<string> }[] = [];

  constructor(opts: { username?: string | undefined; password?: string | undefined; token?: string | undefined }) {
    const forms = new Set<string>();
    const add = (v: string) => {
      if (v.length < MIN_RAW) return;
      forms.add(v);
      forms.add(wireForm(v));
    };
    const { username, password, token } = opts;
    if (password !== undefined && password !== "") {
      add(password);
      add(b64(password));
      if (username !== undefined) {
        add(`${username}:${password}`);
        add(b64(`${username}:${password}`));
        add(b64(`\u0000${username}\u0000${password}`));
        add(b64(`${username}\u0000${username}\u0000${password}`));
      }
    }
    if (token !== undefined && token !== "") {
      add(token);
      add(b64(token));
      if (username !== undefined) {
        const decoded = `user=${username}\u0001auth=Bearer ${token}\u0001\u0001`;
        add(decoded);
        add(b64(decoded));
      }
    }
    // Longest first, so that a blob is replaced whole before the token inside it. Case-insensitive:
    // a server may upper-case what it repeats; for base64 forms that can only hide more, never less.
    const all = [...forms].sort((a, b) => b.length - a.length);
    if (all.length > 0) this.exact = new RegExp(all.map(escapeRegExp).join("|"), "gi");
    for (const f of all) {
      if (f.length < PIECE * 2) continue;
      const grams = new Set<string>();
      for (let i = 0; i + PIECE <= f.length; i++) grams.add(f.slice(i, i + PIECE));
      this.pieces.push({ value: f, grams });
    }
  }

  /** The text with every known secret, whole or in long pieces, replaced by "[redacted]". */
  scrub(text: string): string {
    if (!this.exact) return text;
    let s = text.replace(this.exact, REDACTED);
    for (const p of this.pieces) s = scrubPieces(s, p.value, p.grams);
    return s;
  }
}

/** Replace every run of at least PIECE characters that also occurs in the secret. */
function scrubPieces(text: string, secret: string, grams: Set<string>): string {
  if (text.length < PIECE) return text;
  let out = "";
  let i = 0;
  let copied = 0;
  while (i + PIECE <= text.length) {
    if (!grams.has(text.slice(i, i + PIECE))) {
      i++;
      continue;
    }
    // Extend the match as far as it stays a substring of the secret.
    let end = i + PIECE;
    while (end < text.length && secret.includes(text.slice(i, end + 1))) end++;
    out += text.slice(copied, i) + REDACTED;
    copied = end;
    i = end;
  }
  return out + text.slice(copied);
}
