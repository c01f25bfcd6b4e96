// State for an Ink root that is driven by a pure reducer: the state lives in a ref and every event
// is reduced at once, so a handler that sends several events (keys of one burst) and reads the
// answer sees the state each one left; React is only asked to draw again.
import { useRef, useState } from "react";

export function useStore<S, E>(reduce: (state: S, event: E) => S, init: () => S): { state: S; dispatch: (event: E) => S; current: () => S } {
  const ref = useRef<S | undefined>(undefined);
  if (ref.current === undefined) ref.current = init();
  const [, redraw] = useState(0);
  const dispatch = (event: E): S => {
    const prev = ref.current as S;
    const next = reduce(prev, event);
    if (next !== prev) {
      ref.current = next;
      redraw((n) => n + 1);
    }
    return next;
  };
  return { state: ref.current, dispatch, current: () => ref.current as S };
}
