// The save step (src/flow/export.ts) as prompts: what to save, the file name, a confirmation
// before an existing file is replaced. The saving is the flow's effect.
import { EXPORT_KINDS, exportLabel, exportMessageText, type ExportEvent } from "../../flow/export.js";
import type { ExportKind } from "../../flow/ports.js";
import { subState } from "../../flow/reducer.js";
import type { FlowEvent, FlowState } from "../../flow/types.js";
import { LANGS, t, type Lang } from "../../i18n/index.js";
import { BACK, backChoice, type PlainContext } from "./context.js";

const sub = (event: ExportEvent): FlowEvent => ({ type: "export", event });

export async function plainExport(s: FlowState, ctx: PlainContext): Promise<FlowEvent | undefined> {
  const x = subState(s, "export");
  if (!x) return undefined;
  const { p, services } = ctx;
  const lang = s.lang;
  const phase = x.phase;
  switch (phase.id) {
    case "menu": {
      if (x.last) p.say(exportMessageText(lang, x.last));
      const v = await p.select<string>(t(lang, "wizard.export.q"), [
        ...EXPORT_KINDS.map((k) => ({ name: t(lang, exportLabel(k)), value: k as string })),
        { name: t(lang, "wizard.export.finish"), value: "finish" },
        ...backChoice(s),
      ]);
      if (v === BACK) return { type: "back" };
      if (v === "finish") return sub({ type: "finish" });
      const kind = v as ExportKind;
      return sub({ type: "choose", kind, suggested: services.defaultName(kind) });
    }
    case "lang": {
      const choices = [lang, ...LANGS.filter((l) => l !== lang)];
      const v = await p.select<Lang>(t(lang, "wizard.export.adminLang"), choices.map((l) => ({ name: t(lang, `wizard.export.lang.${l}`), value: l })));
      return sub({ type: "chooseLang", lang: v });
    }
    case "path":
      return sub({ type: "submitPath", text: await p.input(t(lang, "wizard.export.path"), phase.suggested) });
    case "confirm": {
      const overwrite = await p.select<boolean>(t(lang, "wizard.export.exists", { file: phase.path }), [
        { name: t(lang, "wizard.export.keep"), value: false },
        { name: t(lang, "wizard.export.overwrite"), value: true },
      ]);
      return sub({ type: overwrite ? "overwrite" : "keep" });
    }
    case "saving":
      return undefined;
  }
}
