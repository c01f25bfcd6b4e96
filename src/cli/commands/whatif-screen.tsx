// Interactive what-if: `whatif --case FILE [--save FILE]` in a terminal without --set mounts the
// WhatIf screen. Esc leaves (exit code from the verdict on screen); Ctrl+C leaves with 130; `s`
// saves the hypothetical case (marked) to the --save file (the first save never overwrites without
// --force, later saves in the same session replace our own file), or without --save to the first
// free name of smtp-auth-whatif.json, -2, -3 … in the current folder, as the wizard does.
import { render, useStdin } from "ink";
import type { ReactElement } from "react";
import { WhatIf } from "../../../screens/WhatIf.js";
import { saveCase } from "../../case/io.js";
import type { Case } from "../../case/schema.js";
import { isAppError } from "../../errors.js";
import type { WhatIfSaveOutcome } from "../../flow/whatif.js";
import { whatIfName } from "../../flow/effects.js";
import { resolve } from "node:path";
import { EXIT, exitCodeForVerdict, type ExitCode } from "../../exit.js";
import { t } from "../../i18n/index.js";
import { unmarkedChanges } from "../../whatif/apply.js";
import { engineEvaluate } from "../../whatif/engine.js";
import type { Context } from "../context.js";
import { UiGuard, useTerminalInput } from "../../ui/input.js";
import { bracketedPasteOn, rawModeNow, restoreTerminal } from "../crash.js";

export async function runWhatIfScreen(ctx: Context, base: Case, opts: { savePath?: string; saveLabel?: string; force: boolean }): Promise<ExitCode> {
  const evaluate = engineEvaluate(ctx.today);
  let code: ExitCode = exitCodeForVerdict(evaluate(base).verdict);
  let savedOnce = false;
  const width = Math.min(80, Math.max(60, ctx.stdout.columns ?? 80));
  // Fit the terminal's height: about 19 rows of header, causes and keys around the fact list.
  const rows = (ctx.stdout as { rows?: number }).rows ?? 24;
  const causeRows = rows < 30 ? 3 : 6;
  const listRows = Math.max(4, Math.min(12, rows - 13 - causeRows));

  const save = async (c: Case): Promise<WhatIfSaveOutcome> => {
    const unmarked = unmarkedChanges(base, c);
    if (unmarked.length > 0) return { ok: false, message: t(ctx.lang, "whatif.err.unmarked", { paths: unmarked.join(", ") }) };
    if (opts.savePath === undefined) {
      // No --save: the first free name in this folder (smtp-auth-whatif.json, -2, -3 …), never over a file; the screen says where.
      for (let n = 1; n <= 50; n++) {
        const name = whatIfName(n);
        try {
          await saveCase(resolve(ctx.cwd, name), c, { overwrite: false });
          return { ok: true, file: name };
        } catch (e) {
          if (isAppError(e) && e.code === "file.exists") continue;
          if (isAppError(e)) return { ok: false, message: t(ctx.lang, e.key, e.params) };
          throw e;
        }
      }
      return { ok: false, message: t(ctx.lang, "wizard.whatif.noFreeName", { file: whatIfName(1) }) };
    }
    try {
      await saveCase(opts.savePath, c, { overwrite: opts.force || savedOnce });
      savedOnce = true;
      return { ok: true, file: opts.saveLabel ?? opts.savePath };
    } catch (e) {
      if (isAppError(e)) return { ok: false, message: t(ctx.lang, e.key, e.params) };
      throw e;
    }
  };

  let finish: (c: ExitCode) => void = () => undefined;
  function Root(): ReactElement {
    const { isRawModeSupported } = useStdin();
    useTerminalInput(
      (input, key) => {
        // Ctrl+C alone, or inside a chunk of keys that arrived together.
        if ((key.ctrl && input === "c") || input.includes("\u0003")) finish(EXIT.cancelled);
      },
      { isActive: isRawModeSupported === true },
    );
    // The screen says what a save did on its last line.
    return (
      <WhatIf
        lang={ctx.lang}
        original={base}
        evaluate={evaluate}
        today={ctx.today}
        ascii={ctx.ascii}
        color={ctx.color}
        width={width}
        listRows={listRows}
        causeRows={causeRows}
        rows={rows}
        onChange={(_c, d) => {
          code = exitCodeForVerdict(d.verdict);
        }}
        onSave={save}
        onBack={() => finish(code)}
      />
    );
  }

  let fail: (e: unknown) => void = () => undefined;
  rawModeNow(ctx);
  // Bracketed paste (src/ui/keys.ts): a pasted value is text; restoreTerminal() turns it off again.
  bracketedPasteOn(ctx);
  const app = render(
    <UiGuard onFatal={(e) => fail(e)}>
      <Root />
    </UiGuard>,
    {
      stdout: ctx.stdout as NodeJS.WriteStream,
      stderr: ctx.stderr as NodeJS.WriteStream,
      stdin: ctx.stdin as NodeJS.ReadStream,
      exitOnCtrlC: false,
      patchConsole: false,
    },
  );
  // Ask for the exit promise now: asked after unmount it would never settle.
  const exited = app.waitUntilExit().catch(() => undefined);
  // An error anywhere in the screen ends it with the terminal restored; main() turns it into one
  // line and exit 70 (a stray asynchronous error is caught by the process guard of bin.ts).
  const exitCode = await new Promise<ExitCode>((resolve, reject) => {
    let settled = false;
    finish = (c) => {
      if (settled) return;
      settled = true;
      app.unmount();
      restoreTerminal(ctx);
      resolve(c);
    };
    fail = (e) => {
      if (settled) return;
      settled = true;
      app.unmount();
      restoreTerminal(ctx);
      reject(e);
    };
  });
  await exited;
  return exitCode;
}
