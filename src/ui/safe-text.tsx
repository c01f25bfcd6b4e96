// The only <Text> the screens use. Ink passes SGR and OSC sequences inside text straight to the
// terminal (an OSC 52 in a policy name would write to the clipboard); this wrapper sends every
// string child through the one output sanitiser first, so whatever a screen shows — answers,
// pasted replies, case-file fields, tenant data — cannot act on the terminal. Line breaks are
// kept (screens lay text out in lines); single-line values are already made one line where they
// enter a message (t() parameters, src/i18n).
import { Text as InkText, type TextProps } from "ink";
import { Children, type ReactNode } from "react";
import { safeText } from "../render/sanitize.js";

function safeChild(child: ReactNode): ReactNode {
  return typeof child === "string" ? safeText(child, { multiline: true }) : child;
}

export function Text({ children, ...props }: TextProps): ReactNode {
  return <InkText {...props}>{Children.map(children, safeChild)}</InkText>;
}
