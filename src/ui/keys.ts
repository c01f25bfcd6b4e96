// What the terminal sent, as a key the screens understand. Ink splits stdin into events (a control
// sequence, an ESC + character, or a run of text); this turns one event into `{ input, key }` in
// the shape of Ink's `useInput` (KeyDecoder.decodeAll: several for control keys pressed together, or the rest of a cut
// SS3 key with typing after it), or into nothing at all.
//
// Why our own: Ink 6.8's key parser gives some sequences no key name and then calls
// `undefined.startsWith` (Ctrl+F1 `ESC[1;5P`, colour codes in a paste such as `ESC[0m` or
// `ESC[31m`), which kills the program. docs/ink-keypress-crash.md has the details. This decoder is
// total: every string gives a key or `undefined` ("ignored"), and it never throws.
//
// Rules: the keys the screens use are decoded (arrows, Home/End, Page Up/Down, Enter, Tab,
// Shift+Tab, Backspace/Delete, Esc, Ctrl+letter, Alt+character), with the modifiers xterm encodes
// as `1;N`. Every other control sequence (function keys, mouse reports, focus events, bracketed
// paste markers, colour codes, OSC/DCS strings, anything unknown) is ignored. Text is passed on
// without C1 control characters (U+0080–U+009F), which no keyboard types.
import type { Key } from "ink";

export interface DecodedKey {
  input: string;
  key: Key;
}

/** A key whose input is pasted text (bracketed paste): its line breaks are the text's, never Enter. */
export type PasteKey = Key & { paste: true };

/** Whether the key is a bracketed paste (its input is text, whatever it holds). */
export function isPaste(key: Key): key is PasteKey {
  return (key as Partial<PasteKey>).paste === true;
}

type Flag = "upArrow" | "downArrow" | "leftArrow" | "rightArrow" | "pageDown" | "pageUp" | "home" | "end" | "return" | "escape" | "tab" | "backspace" | "delete";

function makeKey(flags: Partial<Record<Flag | "ctrl" | "shift" | "meta", boolean>> = {}): Key {
  return {
    upArrow: false,
    downArrow: false,
    leftArrow: false,
    rightArrow: false,
    pageDown: false,
    pageUp: false,
    home: false,
    end: false,
    return: false,
    escape: false,
    ctrl: false,
    shift: false,
    tab: false,
    backspace: false,
    delete: false,
    meta: false,
    super: false,
    hyper: false,
    capsLock: false,
    numLock: false,
    ...flags,
  };
}

const ESC = "\u001b";

/** CSI/SS3 final letters with a key of their own (xterm, VT100, rxvt). */
const LETTER_KEYS: Record<string, Flag> = { A: "upArrow", B: "downArrow", C: "rightArrow", D: "leftArrow", H: "home", F: "end" };
/** rxvt: lowercase finals are the arrows with Shift (CSI) or Ctrl (SS3). */
const RXVT_ARROWS: Record<string, Flag> = { a: "upArrow", b: "downArrow", c: "rightArrow", d: "leftArrow" };
/** `CSI n ~` (and rxvt's `$` Shift / `^` Ctrl variants). Numbers not here (F5–F12, Insert, 200/201 paste markers …) are ignored. */
const TILDE_KEYS: Record<string, Flag> = { "1": "home", "7": "home", "4": "end", "8": "end", "3": "delete", "5": "pageUp", "6": "pageDown" };

/**
 * xterm's modifier parameter: 1 + (1 Shift, 2 Alt, 4 Ctrl, 8 Meta). Anything else (0, missing,
 * absurd, not a number) means no modifier; this is where Ink read "0" of `ESC[0m` as "all of them".
 */
function modifiers(param: string | undefined): { shift: boolean; meta: boolean; ctrl: boolean } {
  const n = param !== undefined && /^\d{1,3}$/.test(param) ? Number(param) - 1 : 0;
  if (n < 1 || n > 15) return { shift: false, meta: false, ctrl: false };
  return { shift: (n & 1) !== 0, meta: (n & 2) !== 0 || (n & 8) !== 0, ctrl: (n & 4) !== 0 };
}

/** One control sequence: `ESC [ … final`, `ESC O final`, `ESC [ [ letter` (with at most one extra ESC for Alt). */
function decodeSequence(seq: string): DecodedKey | undefined {
  let s = seq;
  let alt = false;
  if (s.startsWith(ESC + ESC)) {
    alt = true;
    s = s.slice(1);
  }
  // eslint-disable-next-line no-control-regex
  const m = /^\u001b(\[\[?|O)([\x30-\x3f]*)([\x20-\x2f]*)([\x40-\x7e])$/.exec(s);
  if (!m) return undefined;
  const [, intro, params, intermediates, final] = m as unknown as [string, string, string, string, string];
  // Private parameter forms (SGR mouse "<", DEC private "?", ">" …) and intermediates are never keys.
  if (intermediates !== "" || /[<=>?:]/.test(params)) return undefined;
  const parts = params === "" ? [] : params.split(";");
  if (parts.length > 2 || parts.some((p) => !/^\d{0,5}$/.test(p))) return undefined;
  const withAlt = (k: DecodedKey): DecodedKey => (alt ? { input: k.input, key: { ...k.key, meta: true } } : k);

  if (intro === "[[") return undefined; // Linux console / Cygwin F1–F5, putty "[[5~": function keys.
  if (intro === "O") {
    if (parts.length > 0 && !(parts.length === 1 && /^\d$/.test(parts[0] as string))) return undefined;
    const mods = modifiers(parts[0]);
    const flag = LETTER_KEYS[final];
    if (flag) return withAlt({ input: "", key: makeKey({ [flag]: true, ...mods }) });
    const ctrlArrow = RXVT_ARROWS[final];
    if (ctrlArrow) return withAlt({ input: "", key: makeKey({ [ctrlArrow]: true, ctrl: true }) });
    return undefined; // F1–F4 (OP–OS), keypad keys, anything else.
  }

  // CSI.
  if (final === "~" || final === "$" || final === "^") {
    const flag = TILDE_KEYS[parts[0] ?? ""];
    if (!flag) return undefined;
    const mods = modifiers(parts[1]);
    if (final === "$") mods.shift = true;
    if (final === "^") mods.ctrl = true;
    return withAlt({ input: "", key: makeKey({ [flag]: true, ...mods }) });
  }
  const letter = LETTER_KEYS[final];
  if (letter) {
    // "ESC[A", "ESC[1;5A" (Ctrl+Up); a first parameter other than 1 is not a key ("ESC[2A" is a cursor report).
    if (parts.length === 2 && parts[0] !== "1" && parts[0] !== "") return undefined;
    if (parts.length === 1 && parts[0] !== "" && parts[0] !== "1") return undefined;
    return withAlt({ input: "", key: makeKey({ [letter]: true, ...modifiers(parts[1]) }) });
  }
  if (final === "Z" && parts.length === 0) return withAlt({ input: "", key: makeKey({ tab: true, shift: true }) });
  if (parts.length === 0) {
    const shifted = RXVT_ARROWS[final];
    if (shifted) return withAlt({ input: "", key: makeKey({ [shifted]: true, shift: true }) });
  }
  return undefined;
}

/** A single character that is a key of its own (Enter, Tab, Backspace, Ctrl+letter …), or undefined. */
function decodeControl(ch: string): DecodedKey | undefined {
  switch (ch) {
    case "\r":
      return { input: "\r", key: makeKey({ return: true }) };
    case "\t":
      return { input: "", key: makeKey({ tab: true }) };
    case "\b":
      return { input: "", key: makeKey({ backspace: true }) };
    case "\u007f":
      // The Backspace key sends DEL on most terminals (Ink calls it "delete"): here it is Backspace, so that the
      // Delete key (ESC [ 3 ~) can delete after the cursor (it deleted before it, as Backspace: persona run, 2026-12-04).
      return { input: "", key: makeKey({ backspace: true }) };
  }
  const code = ch.charCodeAt(0);
  // Ctrl+A … Ctrl+Z (Ctrl+C, Ctrl+D included); LF (Ctrl+J) is text, as in Ink.
  if (code >= 1 && code <= 26 && ch !== "\n") return { input: String.fromCharCode(code + 96), key: makeKey({ ctrl: true }) };
  return undefined;
}

// eslint-disable-next-line no-control-regex
const DROPPED_IN_TEXT = /[\u0000\u001c-\u001f\u0080-\u009f]/g;
// eslint-disable-next-line no-control-regex
const DROPPED_CHAR = /^[\u0000\u001c-\u001f\u0080-\u009f]$/;
/** 7-bit escape sequences inside text (Ink's parser cuts text at every ESC, so only a caller that does not can get here). */
// eslint-disable-next-line no-control-regex
const ESC_SEQUENCES = /\u001b(?:\[[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?|O.?|[\]P_^X][^\u0007\u001b]{0,4096}(?:\u0007|\u001b\\)?|[\s\S])?/g;
/** 8-bit control sequences inside text: C1 CSI with its parameters and final byte; C1 OSC/DCS/APC/PM/SOS strings up to BEL or ST. */
// eslint-disable-next-line no-control-regex
const C1_SEQUENCES = /\u009b[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?|[\u0090\u0098\u009d\u009e\u009f][^\u0007\u009c]{0,4096}[\u0007\u009c]?/g;

/**
 * Decode one input event on its own. Never throws; `undefined` means "ignore this". Plain text
 * (typed, or a paste arriving as one chunk) is passed whole, as Ink does, so that screens can act
 * on a burst.
 */
export function decodeKey(data: unknown): DecodedKey | undefined {
  if (typeof data !== "string" || data === "") return undefined;
  if (data.startsWith(ESC)) {
    if (data === ESC || data === ESC + ESC) return { input: "", key: makeKey({ escape: true, meta: true }) };
    if (data[1] === "[" || (data[1] === "O" && data.length > 2) || (data[1] === ESC && data.length > 2)) return decodeSequence(data);
    // ESC + one character: Alt+character (Alt+Enter, Alt+Backspace …), as Ink reports it: meta, the character as input.
    const rest = data.slice(1);
    if ([...rest].length !== 1) return undefined;
    const control = decodeControl(rest);
    if (control) return { input: control.input, key: { ...control.key, meta: true } };
    if (rest.charCodeAt(0) < 0x20 || (rest.charCodeAt(0) >= 0x7f && rest.charCodeAt(0) <= 0x9f)) return undefined;
    return { input: rest, key: makeKey({ meta: true, shift: /^[A-Z]$/.test(rest) }) };
  }
  if (data.length === 1) {
    const control = decodeControl(data);
    if (control) return control;
    if (DROPPED_CHAR.test(data)) return undefined;
    return { input: data, key: makeKey({ shift: /^[A-Z]$/.test(data) }) };
  }
  const text = data.replace(ESC_SEQUENCES, "").replace(C1_SEQUENCES, "").replace(DROPPED_IN_TEXT, "");
  if (text === "") return undefined;
  if (text.length === 1) return decodeKey(text);
  return { input: text, key: makeKey() };
}

/** Only keys that are one control character each (Enter, Tab, Backspace, Ctrl+letter; not LF, which is text). */
// eslint-disable-next-line no-control-regex
const CONTROL_KEYS = /^[\x01-\x09\x0b-\x1a\x7f]+$/;

/** What follows "ESC O" in an SS3 key: an optional modifier parameter and the final letter. */
const SS3_TAIL = /^\d{0,3}[A-Za-z]/;

/** ESC ] (OSC), ESC P (DCS), ESC _ (APC), ESC ^ (PM), ESC X (SOS): a string follows, up to BEL or ST (ESC \). */
const STRING_STARTS = new Set([`${ESC}]`, `${ESC}P`, `${ESC}_`, `${ESC}^`, `${ESC}X`]);
/** Bracketed paste (turned on by the wizard, `ESC [ ? 2004 h`): the terminal puts a paste between these two. */
export const PASTE_START = `${ESC}[200~`;
export const PASTE_END = `${ESC}[201~`;
/** A paste arrives in one go; a pause this long inside one means its end was lost: what came is delivered. */
const PASTE_MS = 1000;
/** The most a paste keeps (the paste screen refuses more than a case file holds anyway). */
const MAX_PASTE_CHARS = 1_000_000;
/** C0 controls but Tab, LF and CR, DEL, and C1: never part of pasted text. */
// eslint-disable-next-line no-control-regex
const PASTE_DROPPED = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** A terminal sends a control string or a mouse report in one go; after this long, what follows is typing again. */
const SEQUENCE_MS = 100;
const MAX_STRING_CHARS = 4096;

/**
 * The decoder of one input listener. Ink's parser cuts control strings (OSC 52, a title, DCS
 * replies) and X10 mouse reports (ESC [ M and three bytes) into pieces; this remembers, for a
 * moment, that the pieces after such a start belong to it and drops them, so that they never
 * arrive as typed text.
 */
export class KeyDecoder {
  private skip: { kind: "string"; left: number; since: number } | { kind: "mouse"; left: number; since: number } | undefined;
  /** When an "ESC O" arrived alone: Ink cuts an SS3 key with a modifier ("ESC O 2 P", Shift+F1) after the "O". */
  private ss3Since: number | undefined;
  /** A bracketed paste under way: its text so far, and when its last part came. */
  private paste: { text: string; last: number } | undefined;

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * The keys of one input event, in order: none ("ignore this"), one, or several: control keys pressed
   * together (Ctrl+A Ctrl+K), or the rest of a cut SS3 key with typing after it ("2P" then "abc", or
   * Ctrl+Up's "5A" then "x": both kept).
   */
  decodeAll(data: unknown): DecodedKey[] {
    if (typeof data !== "string" || data === "") return [];
    if (this.paste || data.includes(PASTE_START)) return this.pasted(data);
    // The rest of an SS3 key whose "ESC O" came alone: its parameter and final, decoded as one key (a
    // function key is then ignored), and what follows them is typing ("2P" typed "2", choosing item 2).
    const ss3 = this.ss3Since !== undefined && this.now() - this.ss3Since <= SEQUENCE_MS;
    this.ss3Since = undefined;
    if (ss3) {
      const tail = SS3_TAIL.exec(data);
      if (tail) {
        const key = decodeSequence(`${ESC}O${tail[0]}`);
        const rest = data.slice(tail[0].length);
        const after = rest === "" ? [] : this.decodeAll(rest);
        return key ? [key, ...after] : after;
      }
    }
    // Keys pressed together arrive as one chunk ("\x01\x0b": Ctrl+A then Ctrl+K, sent by tmux in one write): each
    // is a key of its own, in order. As one text they were dropped as control characters (persona run, 2026-12-04).
    // A chunk with any other character is text (a paste keeps its line breaks).
    if (data.length > 1 && CONTROL_KEYS.test(data)) return [...data].map((ch) => decodeControl(ch) as DecodedKey);
    const key = this.decodeOne(data);
    return key ? [key] : [];
  }

  /**
   * A bracketed paste: everything between its markers is one text key flagged `paste` (its line breaks, a "3" or an
   * Enter in it are text, never a key: pasted into a one-line field, a copied line's break submitted the answer and
   * the next line answered the next question). Escape sequences and control characters in it are dropped. What comes
   * before or after the markers in the same event is decoded as usual. A paste whose end never comes is delivered
   * after a pause, or at a Ctrl+C in an event without the paste's end: that Ctrl+C is a key again.
   */
  private pasted(data: string): DecodedKey[] {
    const out: DecodedKey[] = [];
    let rest = data;
    const now = this.now();
    if (this.paste && (now - this.paste.last > PASTE_MS || data === "\u0003")) {
      out.push(...this.endPaste());
      if (!rest.includes(PASTE_START)) return [...out, ...this.decodeAll(rest)];
    }
    if (!this.paste) {
      const at = rest.indexOf(PASTE_START);
      if (at > 0) out.push(...this.decodeAll(rest.slice(0, at)));
      this.paste = { text: "", last: now };
      rest = rest.slice(at + PASTE_START.length);
    }
    const paste = this.paste;
    paste.last = now;
    const end = rest.indexOf(PASTE_END);
    const ctrlC = end === -1 ? rest.indexOf("\u0003") : -1;
    if (ctrlC !== -1) {
      // A Ctrl+C in an event that does not end the paste: its end was lost, and the Ctrl+C is a key (read with the
      // paste's last bytes when the program was busy, it was dropped as pasted text: Ctrl+C no longer ended the wizard,
      // found by the long fuzz run in tmux). What follows it is decoded as typing.
      paste.text = (paste.text + rest.slice(0, ctrlC)).slice(0, MAX_PASTE_CHARS);
      return [...out, ...this.endPaste(), ...this.decodeAll(rest.slice(ctrlC))];
    }
    if (end === -1) {
      paste.text = (paste.text + rest).slice(0, MAX_PASTE_CHARS);
      return out;
    }
    paste.text = (paste.text + rest.slice(0, end)).slice(0, MAX_PASTE_CHARS);
    out.push(...this.endPaste());
    const after = rest.slice(end + PASTE_END.length);
    return after === "" ? out : [...out, ...this.decodeAll(after)];
  }

  private endPaste(): DecodedKey[] {
    const text = (this.paste?.text ?? "").replace(ESC_SEQUENCES, "").replace(C1_SEQUENCES, "").replace(PASTE_DROPPED, "");
    this.paste = undefined;
    return text === "" ? [] : [{ input: text, key: { ...makeKey(), paste: true } as PasteKey }];
  }

  private decodeOne(data: string): DecodedKey | undefined {
    if (data === `${ESC}O`) {
      // Alone, as Ink hands over the start of "ESC O 2 P": wait for the rest (an Alt+Shift+O is lost, no screen uses it).
      this.ss3Since = this.now();
      return undefined;
    }
    const skip = this.skip;
    if (skip && this.now() - skip.since > SEQUENCE_MS) this.skip = undefined;
    if (this.skip && !data.startsWith(ESC)) {
      const rest = this.consume(data);
      return rest === "" ? undefined : decodeKey(rest);
    }
    if (this.skip?.kind === "string" && data === `${ESC}\\`) {
      this.skip = undefined;
      return undefined;
    }
    this.skip = undefined;
    if (STRING_STARTS.has(data)) {
      this.skip = { kind: "string", left: MAX_STRING_CHARS, since: this.now() };
      return undefined;
    }
    if (data === `${ESC}[M`) {
      this.skip = { kind: "mouse", left: 3, since: this.now() };
      return undefined;
    }
    return decodeKey(data);
  }

  /**
   * Drop the part of a text event that belongs to the sequence being skipped; return the rest.
   * A Ctrl+C (ETX) is never part of one (a control string holds no C0 control but its terminator;
   * a mouse report's bytes are 32 and above): the skip ends there and the Ctrl+C is delivered.
   */
  private consume(text: string): string {
    const skip = this.skip;
    if (!skip) return text;
    const etx = text.indexOf("\u0003");
    if (etx !== -1) {
      const before = this.consume(text.slice(0, etx));
      this.skip = undefined;
      return before + text.slice(etx);
    }
    if (skip.kind === "mouse") {
      const chars = [...text];
      const taken = Math.min(skip.left, chars.length);
      skip.left -= taken;
      if (skip.left === 0) this.skip = undefined;
      return chars.slice(taken).join("");
    }
    const bel = text.indexOf("\u0007");
    if (bel !== -1 && bel < skip.left) {
      this.skip = undefined;
      return text.slice(bel + 1);
    }
    if (text.length >= skip.left) {
      this.skip = undefined;
      return text.slice(skip.left);
    }
    skip.left -= text.length;
    return "";
  }
}
