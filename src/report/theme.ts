// Semantic colour tokens for the terminal report. Colour is decided by the caller (TTY, NO_COLOR,
// --no-color); with color=false every token paints nothing. Painting leaves colour marks, not
// escape codes: the terminal sink (src/render/output.ts) turns them into colour after it has made
// every other character safe, so data can never pass for the program's own colour.
import { colourMark } from "../render/output.js";

export type ColorToken = "danger" | "warning" | "success" | "muted" | "accent" | "heading" | "code";

const SGR: Record<ColorToken, [string, string]> = {
  danger: [colourMark("31"), colourMark("39")],
  warning: [colourMark("33"), colourMark("39")],
  success: [colourMark("32"), colourMark("39")],
  muted: [colourMark("2"), colourMark("22")],
  accent: [colourMark("36"), colourMark("39")],
  heading: [colourMark("1"), colourMark("22")],
  code: [colourMark("36"), colourMark("39")],
};

export interface Theme {
  readonly color: boolean;
  paint(token: ColorToken, text: string): string;
}

export function makeTheme(color: boolean): Theme {
  return {
    color,
    paint: (token, text) => (color && text ? `${SGR[token][0]}${text}${SGR[token][1]}` : text),
  };
}

/** Narrow glyphs only (or ASCII): ambiguous-width symbols break Japanese terminals. */
export interface Glyphs {
  ok: string;
  blocking: string;
  warning: string;
  possible: string;
  bullet: string;
  sep: string;
}

export function glyphs(ascii: boolean): Glyphs {
  return ascii
    ? { ok: "OK", blocking: "NG", warning: "!", possible: "?", bullet: ">", sep: ">" }
    : { ok: "✔", blocking: "✖", warning: "!", possible: "?", bullet: "›", sep: "›" };
}
