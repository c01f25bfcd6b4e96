// Mount the one Ink root of the interactive phase and leave the terminal clean whatever happens:
// raw mode off, cursor visible, exactly one exit path (Ctrl+C or SIGINT = cancelled).
import { render } from "ink";
import { WizardApp, type ExitReason } from "../../screens/App.js";
import type { FlowState } from "../flow/types.js";
import { makeTheme } from "../ui/theme.js";
import type { Context } from "./context.js";
import type { WizardServices } from "./wizard-services.js";

export async function runInk(ctx: Context, initial: FlowState, services: WizardServices): Promise<{ state: FlowState; cancelled: boolean }> {
  const stdout = ctx.stdout as NodeJS.WriteStream;
  const stdin = ctx.stdin as NodeJS.ReadStream;
  const theme = makeTheme({ color: ctx.color, ascii: ctx.ascii, columns: stdout.columns });
  stdin.ref();
  stdin.resume();
  return await new Promise((resolveRun) => {
    let finished = false;
    const finish = (state: FlowState, reason: ExitReason) => {
      if (finished) return;
      finished = true;
      process.removeListener("SIGINT", onSigint);
      instance.unmount();
      if (stdin.isTTY && typeof stdin.setRawMode === "function") stdin.setRawMode(false);
      stdout.write("\u001b[?25h");
      stdin.pause();
      stdin.unref();
      resolveRun({ state, cancelled: reason === "cancel" });
    };
    let last: FlowState = initial;
    const onSigint = () => finish(last, "cancel");
    process.once("SIGINT", onSigint);
    const instance = render(
      <WizardApp
        deps={services.deps}
        initial={initial}
        theme={theme}
        today={ctx.today}
        rows={stdout.rows ?? 24}
        renderResult={(state, width) => {
          last = state;
          return services.resultLines(state, width);
        }}
        defaultName={services.defaultName}
        save={(state, kind, path, overwrite) => services.save(state, kind, path, overwrite)}
        {...(services.readLive ? { readLive: services.readLive } : {})}
        {...(services.checkLive ? { checkLive: services.checkLive } : {})}
        deviceHint={(state, path) => services.deviceHint(state, path)}
        checkAuditFile={(lang, path) => services.checkAuditFile(lang, path)}
        runReadiness={(lang, files, onProgress) => services.runReadiness(lang, files, onProgress)}
        probe={(lang, settings, password, onPhase) => services.probe(lang, settings, password, onPhase)}
        onExit={(state, reason) => finish(state, reason)}
      />,
      { stdout, stdin, stderr: ctx.stderr as NodeJS.WriteStream, exitOnCtrlC: false, patchConsole: false },
    );
  });
}
