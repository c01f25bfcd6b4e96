// Mount the one Ink root of the interactive phase and leave the terminal clean whatever happens:
// raw mode off, cursor visible, exactly one exit path (Ctrl+C or SIGINT = cancelled). An error in
// the screens (rendering, an effect, a key handler) ends the phase the same way and is thrown on
// to main(), which prints one line and exits 70.
import { render } from "ink";
import { WizardApp, type ExitReason } from "../../screens/App.js";
import { FaultForTests, UiGuard } from "../ui/input.js";
import type { FlowState } from "../flow/types.js";
import { makeTheme } from "../render/theme.js";
import type { Context } from "./context.js";
import { BRACKETED_PASTE_OFF, bracketedPasteOn, rawModeNow } from "./crash.js";
import type { WizardServices } from "../flow/ports.js";

/**
 * `afterText`: the wizard comes back from a text shown whole (Ctrl+O, "c", "h"). That text scrolls up into the terminal's
 * history (still there to copy) and the wizard is drawn from the top of a clear screen: drawn below it, the text's last lines
 * stayed on screen above a wizard shorter than the terminal, "Press Enter to return to the wizard" among them (tmux, 80x60).
 */
export async function runInk(ctx: Context, initial: FlowState, services: WizardServices, opts: { afterText?: boolean } = {}): Promise<{ state: FlowState; cancelled: boolean; copy?: "commands" | "handover" }> {
  const stdout = ctx.stdout as NodeJS.WriteStream;
  const stdin = ctx.stdin as NodeJS.ReadStream;
  const theme = makeTheme({ color: ctx.color, ascii: ctx.ascii, columns: stdout.columns });
  rawModeNow(ctx);
  if (opts.afterText) stdout.write(`${"\n".repeat(stdout.rows ?? 24)}\u001b[H`);
  // Bracketed paste: the terminal marks a paste, so its line breaks are text, never Enter (src/ui/keys.ts).
  bracketedPasteOn(ctx);
  stdin.ref();
  stdin.resume();
  return await new Promise((resolveRun, rejectRun) => {
    let finished = false;
    // keepRaw: leaving for a copy view, which waits for Enter in raw mode too: the terminal never
    // stays in line mode in between, where keys would be echoed, Ctrl+Z would stop the process and
    // Ctrl+\ end it. Ink switches raw mode off as it unmounts (whatever its components held): it is
    // switched on again in the same step, before anything else runs (it stayed off while the copy
    // view was made, the hand-over's text read from its renderer, until Enter was awaited).
    const end = (keepRaw = false) => {
      process.removeListener("SIGINT", onSigint);
      instance.unmount();
      if (stdin.isTTY && typeof stdin.setRawMode === "function") stdin.setRawMode(keepRaw);
      stdout.write(`${BRACKETED_PASTE_OFF}\u001b[?25h`);
      stdin.pause();
      stdin.unref();
    };
    const finish = (state: FlowState, reason: ExitReason) => {
      if (finished) return;
      finished = true;
      end(reason === "copy" || reason === "handover");
      resolveRun({ state, cancelled: reason === "cancel", ...(reason === "copy" ? { copy: "commands" as const } : reason === "handover" ? { copy: "handover" as const } : {}) });
    };
    const fail = (error: unknown) => {
      if (finished) return;
      finished = true;
      end();
      rejectRun(error);
    };
    let last: FlowState = initial;
    const onSigint = () => finish(last, "cancel");
    process.once("SIGINT", onSigint);
    const instance = render(
      <UiGuard onFatal={fail}>
        <WizardApp
          services={{
            ...services,
            // The state on show when SIGINT arrives: the last one drawn as a result.
            resultLines: (state, width) => {
              last = state;
              return services.resultLines(state, width);
            },
          }}
          initial={initial}
          theme={theme}
          rows={stdout.rows ?? 24}
          onExit={(state, reason) => finish(state, reason)}
          copy
        />
        {ctx.env.SMTP_AUTH_DOCTOR_TEST_FAULT ? <FaultForTests kind={ctx.env.SMTP_AUTH_DOCTOR_TEST_FAULT} /> : null}
      </UiGuard>,
      { stdout, stdin, stderr: ctx.stderr as NodeJS.WriteStream, exitOnCtrlC: false, patchConsole: false, maxFps: 1000 },
    );
  });
}
