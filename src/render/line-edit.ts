// Editing one line of text with the keys people expect from a shell (issue 13.6): a cursor that
// Left/Right, Home/End and Ctrl+A/Ctrl+E move; Backspace deletes before it, Delete (the forward
// key) after it; Ctrl+U deletes to the start, Ctrl+K to the end, Ctrl+W the word before the
// cursor. Pure: the text inputs keep a `Line` and apply keys to it, and so does the what-if
// editor's reducer in src/flow (which may not import src/ui: hence here, beside the layout).
// Positions count graphemes, so a Japanese character or an emoji is one step.
import { graphemes } from "./layout.js";

export interface Line {
  /** The text as graphemes. */
  readonly chars: readonly string[];
  /** The cursor: 0 = before the first grapheme, chars.length = at the end. */
  readonly at: number;
}

export interface EditKey {
  ctrl?: boolean;
  meta?: boolean;
  leftArrow?: boolean;
  rightArrow?: boolean;
  home?: boolean;
  end?: boolean;
  backspace?: boolean;
  delete?: boolean;
}

export function lineOf(text: string): Line {
  const chars = graphemes(text);
  return { chars, at: chars.length };
}

export function lineText(l: Line): string {
  return l.chars.join("");
}

/** Insert typed text at the cursor (control characters dropped). */
export function insert(l: Line, text: string): Line {
  // eslint-disable-next-line no-control-regex
  const add = graphemes(text.replace(/[\u0000-\u001f\u007f]/g, ""));
  if (add.length === 0) return l;
  return { chars: [...l.chars.slice(0, l.at), ...add, ...l.chars.slice(l.at)], at: l.at + add.length };
}

const isSpace = (c: string | undefined) => c !== undefined && /^\s$/.test(c);

/**
 * Apply an editing key. Returns the new line, or undefined when the key is not an editing key
 * (the caller handles it: Enter, Esc, arrows up and down, Tab …).
 */
export function edit(l: Line, input: string, key: EditKey): Line | undefined {
  const { chars, at } = l;
  if (key.ctrl && !key.meta) {
    switch (input) {
      case "a":
        return { chars, at: 0 };
      case "e":
        return { chars, at: chars.length };
      case "u":
        return { chars: chars.slice(at), at: 0 };
      case "k":
        return { chars: chars.slice(0, at), at };
      case "w": {
        let start = at;
        while (start > 0 && isSpace(chars[start - 1])) start--;
        while (start > 0 && !isSpace(chars[start - 1])) start--;
        return { chars: [...chars.slice(0, start), ...chars.slice(at)], at: start };
      }
      case "b":
        return { chars, at: Math.max(0, at - 1) };
      case "f":
        return { chars, at: Math.min(chars.length, at + 1) };
      default:
        return undefined;
    }
  }
  if (key.home) return { chars, at: 0 };
  if (key.end) return { chars, at: chars.length };
  if (key.leftArrow) return { chars, at: Math.max(0, at - 1) };
  if (key.rightArrow) return { chars, at: Math.min(chars.length, at + 1) };
  // Backspace (DEL 0x7f or BS, src/ui/keys.ts) deletes before the cursor; Delete (ESC [ 3 ~) after it.
  if (key.backspace) return at === 0 ? l : { chars: [...chars.slice(0, at - 1), ...chars.slice(at)], at: at - 1 };
  if (key.delete) return at === chars.length ? l : { chars: [...chars.slice(0, at), ...chars.slice(at + 1)], at };
  return undefined;
}
