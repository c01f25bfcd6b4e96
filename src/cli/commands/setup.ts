// smtp-auth-doctor setup: the app registration the live reads need, in the user's language:
// permissions per read (delegated and application), roles, consent, and the device-code settings.
import { EXIT, type ExitCode } from "../../exit.js";
import { t } from "../../i18n/index.js";
import { READ_NEEDS } from "../../live/permissions.js";
import { readLabel } from "../../live/render.js";
import type { ReadId } from "../../live/types.js";
import { READ_ORDER } from "../../live/collect.js";
import { parse } from "../args.js";
import { out, outJson, type Context } from "../context.js";
import { terminalWidth } from "../output.js";
import { wrapHanging } from "../../render/layout.js";

export async function run(ctx: Context, argv: string[]): Promise<ExitCode> {
  const { values } = parse(argv, {}, false, "setup");
  if (values.help) {
    out(ctx, t(ctx.lang, "live.help.setup"));
    return EXIT.clear;
  }
  const rows = READ_ORDER.map((id: ReadId) => ({ id, label: readLabel(ctx.lang, { id }), ...READ_NEEDS[id] }));
  if (values.json) {
    outJson(ctx, "setup", { reads: rows });
    return EXIT.clear;
  }
  const api = (a: "graph" | "exchange") => (a === "graph" ? "Microsoft Graph" : "Office 365 Exchange Online");
  const table = rows
    .map((r) => {
      const lines = [`  ${r.label}`, `    ${t(ctx.lang, "live.setup.delegated")}: ${r.delegated.join(", ")} (${api(r.api)})`, `    ${t(ctx.lang, "live.setup.application")}: ${r.application.join(", ")} (${api(r.api)})`];
      if (r.roles.length) lines.push(`    ${t(ctx.lang, "live.setup.roles")}: ${r.roles.join(" / ")}`);
      if (r.licence) lines.push(`    ${t(ctx.lang, "live.setup.licence")}: ${r.licence}`);
      return lines.join("\n");
    })
    .join("\n");
  // The table is several lines of our own catalog text: it is put in after t(), which keeps every
  // parameter on one line.
  // Wrapped to the window, each numbered or listed line hanging under its text (it kept lines of 130 columns).
  const cols = terminalWidth(ctx);
  const guide = t(ctx.lang, "live.setup.guide").replace("{table}", table);
  const wrapped = guide.split("\n").flatMap((line) => {
    const marker = /^\s*(?:\d+\.|-)\s/.exec(line)?.[0].replace(/^\s*/, "") ?? "";
    return wrapHanging(line, cols, " ".repeat(marker.length));
  });
  out(ctx, wrapped.join("\n"));
  return EXIT.clear;
}
