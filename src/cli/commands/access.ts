// smtp-auth-doctor access [--user ADDRESS] [sign-in options]
// Signs in and tries every read once: ✔ works, ✖ with the permission or role that is missing.
import { EXIT, type ExitCode } from "../../exit.js";
import { t } from "../../i18n/index.js";
import { LIVE_OPTIONS, parseLiveOptions } from "../../live/options.js";
import { badInput } from "../../errors.js";
import { parse } from "../args.js";
import { out, outJson, type Context } from "../context.js";
import { safeText } from "../../render/sanitize.js";

export async function run(ctx: Context, argv: string[]): Promise<ExitCode> {
  const { values } = parse(argv, LIVE_OPTIONS, false, "access");
  if (values.help) {
    out(ctx, t(ctx.lang, "live.help.access"));
    return EXIT.clear;
  }
  const options = parseLiveOptions(values, ctx.env, { requireUser: false });
  const { openLiveSession } = await import("../../live/live.js");
  const { collectWith } = await import("../../live/collect.js");
  const { formatReads, readsJson } = await import("../../live/render.js");
  const session = await openLiveSession(ctx, options);
  const user = options.user ?? session.signedIn.username;
  let reads;
  try {
    if (!user) throw badInput("args.user-missing", "live.err.userMissingApp");
    ({ reads } = await collectWith(session.deps, { user, ...(options.from ? { from: options.from } : {}), ...(options.oauthAppId ? { oauthAppId: options.oauthAppId } : {}) }));
  } finally {
    await session.close();
  }
  if (values.json) {
    outJson(ctx, "access", { signedIn: { flow: session.signedIn.flow, tenantId: session.signedIn.tenantId, ...(session.signedIn.username ? { username: session.signedIn.username } : {}) }, user, reads: readsJson(ctx.lang, reads) });
    return EXIT.clear;
  }
  const who = session.signedIn.flow === "app" ? t(ctx.lang, "live.access.asApp", { clientId: options.via === "app" ? options.clientId : "" }) : t(ctx.lang, "live.access.asUser", { user: safeText(session.signedIn.username ?? "?") });
  out(ctx, t(ctx.lang, "live.access.header", { who, tenant: session.signedIn.tenantId, user }));
  out(ctx, formatReads(ctx.lang, reads, ctx.ascii));
  const working = reads.filter((r) => r.status === "ok" || r.status === "skipped").length;
  out(ctx, t(ctx.lang, "live.access.summary", { working, total: reads.length }));
  return EXIT.clear;
}
