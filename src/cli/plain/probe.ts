// "Test from this PC" (src/flow/probe.ts) as prompts: the device's settings, skip or test, the
// password read hidden and handed straight to the probe effect (never into the flow state).
import { subState } from "../../flow/reducer.js";
import { probeAddsNothing, probeTarget, type ProbeEvent } from "../../flow/probe.js";
import type { FlowEvent, FlowState } from "../../flow/types.js";
import { t } from "../../i18n/index.js";
import { senderParams } from "../../render/labels.js";
import { wrapHanging } from "../../render/layout.js";
import { BACK, backChoice, type PlainContext } from "./context.js";

const sub = (event: ProbeEvent): FlowEvent => ({ type: "probe", event });

export async function plainProbe(s: FlowState, ctx: PlainContext): Promise<FlowEvent | undefined> {
  const pr = subState(s, "probe");
  if (!pr) return undefined;
  const { p } = ctx;
  const lang = s.lang;
  const target = probeTarget(s.case);
  const phase = pr.phase;
  switch (phase.id) {
    case "offer": {
      p.say("");
      p.say(t(lang, "wizard.probe.title"));
      for (const line of wrapHanging(t(lang, "wizard.probe.intro", senderParams(lang, s.case)), ctx.width)) p.say(line);
      p.say(`  ${t(lang, "wizard.probe.host")}: ${target.host}`);
      p.say(`  ${t(lang, "wizard.probe.port")}: ${target.port}`);
      p.say(`  ${t(lang, "wizard.probe.username")}: ${target.username ?? t(lang, "wizard.probe.noUsername")}`);
      const available = ctx.services.probe !== undefined;
      if (!available) p.say(t(lang, "wizard.probe.unavailable"));
      else if (target.oauth) for (const line of wrapHanging(t(lang, "wizard.probe.offerOauth", senderParams(lang, s.case)), ctx.width)) p.say(line);
      const v = await p.select<string>(
        t(lang, "wizard.probe.plain.q", senderParams(lang, s.case)),
        [{ name: t(lang, "wizard.probe.plain.skip"), value: "skip" }, ...(available ? [{ name: t(lang, "wizard.probe.plain.test"), value: "test" }] : []), ...backChoice(s)],
        "skip",
      );
      if (v === BACK) return sub({ type: "back" });
      return sub({ type: v === "test" ? "test" : "skip" });
    }
    case "password":
      ctx.putSecret(await p.hidden(t(lang, "wizard.probe.plain.password", { user: target.username ?? "" })));
      return sub({ type: "start" });
    case "done":
      if (phase.result.finalReply) for (const line of wrapHanging(t(lang, "wizard.probe.reply", { reply: phase.result.finalReply }), ctx.width)) p.say(line);
      for (const line of wrapHanging(t(lang, probeAddsNothing(phase.result) ? "wizard.probe.plain.nothing" : "wizard.probe.plain.added", senderParams(lang, s.case)), ctx.width)) p.say(line);
      return sub({ type: "accept" });
    case "running":
      return undefined;
  }
}
