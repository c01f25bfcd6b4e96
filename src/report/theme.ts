// Semantic colour tokens for the terminal report. Colour is decided by the caller (TTY, NO_COLOR,
// --no-color); with color=false every token paints nothing.
export type ColorToken = "danger" | "warning" | "success" | "muted" | "accent" | "heading" | "code";

const SGR: Record<ColorToken, [string, string]> = {
  danger: ["\u001b[31m", "\u001b[39m"],
  warning: ["\u001b[33m", "\u001b[39m"],
  success: ["\u001b[32m", "\u001b[39m"],
  muted: ["\u001b[2m", "\u001b[22m"],
  accent: ["\u001b[36m", "\u001b[39m"],
  heading: ["\u001b[1m", "\u001b[22m"],
  code: ["\u001b[36m", "\u001b[39m"],
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
