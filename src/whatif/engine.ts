// Binds the engine to what-if mode: a case → its diagnosis, at the case's asOf or else today.
import { evaluate } from "../engine/index.js";
import type { Evaluate } from "./types.js";

export function engineEvaluate(today: string): Evaluate {
  return (c) => evaluate(c, { today });
}
