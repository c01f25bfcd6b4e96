// Semantic colours and glyphs. Screens ask for a role ("accent", "danger"), never a colour name.
// NO_COLOR, --no-color and a non-terminal are decided once in the CLI context (ctx.color); Ink
// itself ignores NO_COLOR, so a theme without colour simply returns no colour for every role.
export type ColorRole = "accent" | "muted" | "danger" | "warning" | "success" | "heading" | "code" | "changed";

export interface Glyphs {
  pointer: string;
  bullet: string;
  check: string;
  cross: string;
  rule: string;
  ellipsis: string;
}

export interface Theme {
  color(role: ColorRole): string | undefined;
  glyphs: Glyphs;
  /** Columns available to a screen (never more than 80, so layouts are the same everywhere). */
  width: number;
  ascii: boolean;
}

const COLORS: Record<ColorRole, string> = {
  accent: "cyan",
  muted: "gray",
  danger: "red",
  warning: "yellow",
  success: "green",
  heading: "blueBright",
  code: "magenta",
  /** What differs from the recorded case (the what-if explorer). */
  changed: "magenta",
};

// Only glyphs with East Asian Width "Neutral" or "Narrow": never ambiguous ones (● ○ … ※ →).
const UNICODE: Glyphs = { pointer: "\u276f", bullet: "-", check: "\u2714", cross: "\u2718", rule: "-", ellipsis: "..." };
const ASCII: Glyphs = { pointer: ">", bullet: "-", check: "+", cross: "x", rule: "-", ellipsis: "..." };

export function makeTheme(opts: { color: boolean; ascii: boolean; columns?: number | undefined }): Theme {
  const columns = opts.columns && opts.columns > 0 ? opts.columns : 80;
  return {
    color: (role) => (opts.color ? COLORS[role] : undefined),
    glyphs: opts.ascii ? ASCII : UNICODE,
    width: Math.max(40, Math.min(80, columns)),
    ascii: opts.ascii,
  };
}
