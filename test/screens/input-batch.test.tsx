// One key, one frame: the guarded input hook hands a key to its handler at once (no frame of its
// own first), and React draws the handler's state updates together, once.
import assert from "node:assert/strict";
import { afterEach, test } from "node:test";
import { cleanup } from "ink-testing-library";
import { useState } from "react";
import { Text } from "../../src/ui/safe-text.js";
import { useTerminalInput } from "../../src/ui/input.js";
import { frameWith, mount, press } from "../helpers/ink.js";
import { waitFor } from "../helpers/wait.js";

afterEach(() => cleanup());

function Counter({ renders, seen }: { renders: Array<[number, number]>; seen: string[] }) {
  const [a, setA] = useState(0);
  const [b, setB] = useState(0);
  renders.push([a, b]);
  useTerminalInput(
    (input) => {
      seen.push(`${input}@${a}:${b}`);
      if (input === "x") {
        setA((n) => n + 1);
        setB((n) => n + 1);
      }
    },
    { isActive: true },
  );
  return <Text>{`count ${a}:${b}`}</Text>;
}

test("a key's state updates are drawn once, together; a key that changes nothing draws nothing", async () => {
  const renders: Array<[number, number]> = [];
  const seen: string[] = [];
  const r = mount(<Counter renders={renders} seen={seen} />);
  await frameWith(r, "count 0:0");
  const before = renders.length;
  await press(r, "x");
  await frameWith(r, "count 1:1");
  assert.equal(renders.length - before, 1, `one render for one key: ${JSON.stringify(renders.slice(before))}`);
  assert.ok(renders.every(([a, b]) => a === b), "never half of a key's updates on screen");
  const quiet = renders.length;
  await press(r, "y");
  // The handler sees the state drawn after the previous key.
  await waitFor(() => (seen.includes("y@1:1") ? true : undefined), { what: "the key y handled" });
  assert.equal(renders.length, quiet, "no render for a key that changes no state");
});

function Typed() {
  const [text, setText] = useState("");
  useTerminalInput((input) => setText((t) => t + input), { isActive: true });
  return <Text>{`typed [${text}]`}</Text>;
}

test("keys written one after another are handled in order, none lost", async () => {
  const r = mount(<Typed />);
  await frameWith(r, "typed []");
  for (const k of ["a", "b", "c", "d", "e"]) r.stdin.write(k);
  await frameWith(r, "typed [abcde]");
});
