// The one semantic theme. Callers ask for a role ("danger", "code"), never a colour: the palette
// below gives each role one colour, from which both the Ink screens' colour names and the terminal
// reports' colour marks are derived. Colour is decided once by the caller (ctx.color: a terminal,
// no NO_COLOR, no --no-color); without colour every role paints nothing. Report painting leaves
// colour marks, not escape codes: the terminal sink (src/render/output.ts) turns them into colour
// after it has made every other character safe, so data can never pass for the program's colour.
import { colourMark } from "./output.js";

export type Role = "accent" | "muted" | "danger" | "warning" | "success" | "heading" | "code" | "changed";

type Colour = "cyan" | "gray" | "red" | "yellow" | "green" | "blueBright" | "magenta";

const PALETTE: Record<Role, Colour> = {
  accent: "cyan",
  muted: "gray",
  danger: "red",
  warning: "yellow",
  success: "green",
  heading: "blueBright",
  code: "cyan",
  /** What differs from the recorded case (the what-if explorer). */
  changed: "magenta",
};

/** SGR foreground codes of the palette's colours (all reset by 39). */
const SGR: Record<Colour, string> = { red: "31", green: "32", yellow: "33", magenta: "35", cyan: "36", gray: "90", blueBright: "94" };

/** Every glyph the program draws, by meaning. Only East Asian Width "Neutral" or "Narrow" ones: never ambiguous (● ○ … ※ →). */
export interface Glyphs {
  /** The selected row of a list. */
  pointer: string;
  /** A list item on screens. */
  bullet: string;
  /** Done, passes, saved. */
  ok: string;
  /** An action that failed (a save, a check). */
  failed: string;
  /** A cause that blocks. */
  blocking: string;
  warning: string;
  possible: string;
  /** A list item in reports. */
  item: string;
  /** Between the parts of an admin-center path. */
  sep: string;
  rule: string;
  ellipsis: string;
}

const UNICODE: Glyphs = { pointer: "\u276f", bullet: "-", ok: "\u2714", failed: "\u2718", blocking: "\u2716", warning: "!", possible: "?", item: "\u203a", sep: "\u203a", rule: "-", ellipsis: "..." };
const ASCII: Glyphs = { pointer: ">", bullet: "-", ok: "+", failed: "x", blocking: "NG", warning: "!", possible: "?", item: ">", sep: ">", rule: "-", ellipsis: "..." };

export function glyphs(ascii: boolean): Glyphs {
  return ascii ? ASCII : UNICODE;
}

/** What a screen draws with: Ink colour names by role, glyphs, and its width. */
export interface Theme {
  color(role: Role): string | undefined;
  glyphs: Glyphs;
  /** Columns available to a screen (never more than 80, so layouts are the same everywhere). */
  width: number;
  ascii: boolean;
}

/** The width the screens draw at in a window of `columns` (40 to 80). */
export function themeWidth(columns: number | undefined): number {
  return Math.max(40, Math.min(80, columns && columns > 0 ? columns : 80));
}

export function makeTheme(opts: { color: boolean; ascii: boolean; columns?: number | undefined }): Theme {
  return {
    color: (role) => (opts.color ? PALETTE[role] : undefined),
    glyphs: glyphs(opts.ascii),
    width: themeWidth(opts.columns),
    ascii: opts.ascii,
  };
}

/** What a text report paints with: the same roles as colour marks for the terminal sink. */
export interface Painter {
  readonly color: boolean;
  paint(role: Role, text: string): string;
}

export function makePainter(color: boolean): Painter {
  return {
    color,
    paint: (role, text) => (color && text ? `${colourMark(SGR[PALETTE[role]])}${text}${colourMark("39")}` : text),
  };
}
