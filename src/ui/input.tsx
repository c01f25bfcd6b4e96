// The guarded input layer and the error guard of every Ink root.
//
// `useTerminalInput` replaces Ink's `useInput` (which throws on some ordinary keys, see
// src/ui/keys.ts and docs/ink-keypress-crash.md): it listens to Ink's input events, decodes each
// with our total decoder, and calls the handler with exactly one key at a time, at once: React
// batches the state updates a handler makes and draws them together, once (no half-done key is
// ever on screen), and a key costs no render of its own before its handler runs (an earlier
// version queued keys for a layout effect: one extra frame per key, ~4 ms before every answer).
// Keys that arrive together are handled in order; handlers that must see the previous key's
// effect read refs or the store (as the line editors and the wizard's reducer do).
//
// `UiGuard` wraps a whole Ink tree: an error while rendering, in an effect or in a key handler
// ends the interactive phase through `onFatal` (the caller restores the terminal, prints one line
// and exits 70) instead of Ink's stack-trace screen or an uncaught exception.
import { useStdin, type Key } from "ink";
import { Component, createContext, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import { KeyDecoder, type DecodedKey } from "./keys.js";

export type FatalHandler = (error: unknown) => void;

const FatalContext = createContext<FatalHandler | undefined>(undefined);

export class UiGuard extends Component<{ onFatal: FatalHandler; children?: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  private reported = false;

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  /** The first error wins: the tree is taken down and `onFatal` runs outside React's commit. */
  private readonly report = (error: unknown): void => {
    if (this.reported) return;
    this.reported = true;
    this.setState({ failed: true });
    setImmediate(() => this.props.onFatal(error));
  };

  override componentDidCatch(error: unknown): void {
    this.report(error);
  }

  override render(): ReactNode {
    if (this.state.failed) return null;
    return <FatalContext.Provider value={this.report}>{this.props.children}</FatalContext.Provider>;
  }
}

/** The guard's fatal handler, when the component is under a UiGuard. */
export function useFatal(): FatalHandler | undefined {
  return useContext(FatalContext);
}

export type InputHandler = (input: string, key: Key) => void;

/**
 * Keys for a component while `isActive` (raw mode is switched on for as long as one is active).
 * Without a UiGuard above, an error in the handler is thrown as it would be with Ink's hook.
 */
export function useTerminalInput(handler: InputHandler, opts: { isActive: boolean }): void {
  const { setRawMode, internal_eventEmitter: events } = useStdin();
  const fatal = useContext(FatalContext);
  const handlerRef = useRef(handler);
  handlerRef.current = handler;
  const decoder = useRef<KeyDecoder | null>(null);
  const active = opts.isActive;

  useEffect(() => {
    if (!active) return;
    setRawMode(true);
    return () => setRawMode(false);
  }, [active, setRawMode]);

  useEffect(() => {
    if (!active) return;
    decoder.current ??= new KeyDecoder();
    const keys = decoder.current;
    const onInput = (data: unknown) => {
      let decoded: DecodedKey[];
      try {
        decoded = keys.decodeAll(data);
      } catch (e) {
        // The decoder is total; this is a bug of ours, and it must not take the terminal down with it.
        if (fatal) fatal(e);
        return;
      }
      for (const k of decoded) {
        try {
          handlerRef.current(k.input, k.key);
        } catch (e) {
          if (!fatal) throw e;
          fatal(e);
          return;
        }
      }
    };
    events.on("input", onInput);
    return () => {
      events.removeListener("input", onInput);
    };
  }, [active, events, fatal]);
}

/**
 * For the end-to-end tests of the guard only: with SMTP_AUTH_DOCTOR_TEST_FAULT set to "key",
 * "render" or "async", typing "§" (a key no screen uses) makes a bug of that kind happen in the
 * real program, so a test can check that it ends with exit 70, one line and the terminal restored.
 */
export function FaultForTests({ kind }: { kind: string }): ReactNode {
  const [broken, setBroken] = useState(false);
  useTerminalInput(
    (input) => {
      if (input !== "§") return;
      if (kind === "key") throw new Error("injected fault in a key handler");
      if (kind === "render") setBroken(true);
      if (kind === "async") void Promise.reject(new Error("injected fault in a promise"));
    },
    { isActive: true },
  );
  if (broken) throw new Error("injected fault while rendering");
  return null;
}
