// Errors the user sees. Each carries a catalog key (never raw library text as the message), a
// stable code for scripts, and the exit code. Raw detail, if any, is shown as a secondary line.
import type { MessageKey, Params } from "./i18n/index.js";
import { EXIT, type ExitCode } from "./exit.js";

export type ErrorType = "bad-input" | "cancelled" | "unavailable" | "internal";

export class AppError extends Error {
  readonly type: ErrorType;
  readonly code: string;
  readonly key: MessageKey;
  readonly params: Params;
  readonly exitCode: ExitCode;
  /** Secondary detail (e.g. a server's error text), already free of secrets. */
  readonly detail: string | undefined;

  constructor(opts: { type: ErrorType; code: string; key: MessageKey; params?: Params; exitCode?: ExitCode; detail?: string }) {
    super(opts.code);
    this.name = "AppError";
    this.type = opts.type;
    this.code = opts.code;
    this.key = opts.key;
    this.params = opts.params ?? {};
    this.exitCode = opts.exitCode ?? (opts.type === "bad-input" ? EXIT.badInput : opts.type === "cancelled" ? EXIT.cancelled : opts.type === "unavailable" ? EXIT.unavailable : EXIT.internal);
    this.detail = opts.detail;
  }
}

export function badInput(code: string, key: MessageKey, params?: Params, detail?: string): AppError {
  return new AppError({ type: "bad-input", code, key, ...(params ? { params } : {}), ...(detail !== undefined ? { detail } : {}) });
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
