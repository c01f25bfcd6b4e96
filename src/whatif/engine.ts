// Binds the engine to what-if mode. TEMPORARY until src/engine lands on main (then: evaluate(c, { today })).
import type { Evaluate } from "./types.js";
import { AppError } from "../errors.js";

export function engineEvaluate(_today: string): Evaluate {
  return () => {
    throw new AppError({ type: "internal", code: "engine.missing", key: "cli.err.internal", params: { message: "the engine is not built in yet" } });
  };
}
