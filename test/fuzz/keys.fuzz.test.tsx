// Key sequences into the Ink app (issue 11): generated terminal input — keys, function keys with
// modifiers, colour codes, mouse reports, OSC strings, C1 controls, pastes, Enter and Esc — goes
// into the real wizard (ink-testing-library) one chunk at a time, walking whatever screens it
// reaches. No chunk may throw, trip the error guard or put a control character in a frame; when
// the wizard leaves (Ctrl+C, or the end of the flow) it is started again. Seeded; 1,000 chunks in
// `npm test`, more with `npm run fuzz`. The decoder itself gets arbitrary strings.
import assert from "node:assert/strict";
import { afterEach, test } from "node:test";
import fc from "fast-check";
import { cleanup } from "ink-testing-library";
import { WizardApp } from "../../screens/App.js";
import { emptyCase } from "../../src/case/schema.js";
import { makeServices } from "../../src/cli/wizard-services.js";
import { initFlow } from "../../src/flow/reducer.js";
import { UiGuard } from "../../src/ui/input.js";
import { KeyDecoder } from "../../src/ui/keys.js";
import { makeTheme } from "../../src/render/theme.js";
import { firstControl } from "../helpers/hostile.js";
import { mount } from "../helpers/ink.js";
import { keyChunk, PARAMS, RUNS, TIMEOUT } from "./arbitraries.js";

afterEach(() => cleanup());

test(`the key decoder: ${RUNS * 10} arbitrary strings, never a throw, input always a string without ESC or C1`, () => {
  const d = new KeyDecoder();
  fc.assert(
    fc.property(fc.oneof(fc.string({ unit: "binary", maxLength: 12 }), keyChunk), (s) => {
      for (const k of d.decodeAll(s)) {
        assert.equal(typeof k.input, "string");
        // eslint-disable-next-line no-control-regex
        assert.doesNotMatch(k.input, /[\u001b\u0080-\u009f]/);
      }
    }),
    { ...PARAMS, numRuns: RUNS * 10 },
  );
});

test(`the wizard: ${RUNS} generated chunks of terminal input, screen after screen`, { timeout: TIMEOUT }, async () => {
  const services = makeServices({ today: "2026-11-22", cwd: process.cwd(), ascii: false });
  const fatal: unknown[] = [];
  let exits = 0;
  let seen = 0;
  const start = (lang: "en" | "ja") => {
    const initial = initFlow(services.deps, { lang, langExplicit: false, empty: emptyCase() });
    return mount(
      <UiGuard onFatal={(e) => fatal.push(e)}>
        <WizardApp
          services={{
            deps: services.deps,
            resultLines: (state, width) => services.resultLines(state, width),
            defaultName: services.defaultName,
            save: async (_s, _k, path) => ({ ok: true, path }),
          }}
          initial={initial}
          theme={makeTheme({ color: false, ascii: lang === "en", columns: 80 })}
          rows={30}
          onExit={() => {
            exits++;
          }}
        />
      </UiGuard>,
    );
  };
  let app = start("en");
  let lastExits = 0;
  const chunk = fc.oneof({ weight: 6, arbitrary: keyChunk }, { weight: 2, arbitrary: fc.constant("\r") }, { weight: 1, arbitrary: fc.constantFrom("\u001b", "3", "4", "\u0003") });
  await fc.assert(
    fc.asyncProperty(chunk, async (keys) => {
      assert.doesNotThrow(() => app.stdin.write(keys), JSON.stringify(keys));
      // Ink gives a lone ESC up after one turn of the event loop; screens move on in effects.
      await new Promise((res) => setImmediate(res));
      assert.deepEqual(fatal, [], `the guard was tripped by ${JSON.stringify(keys)}`);
      for (const f of app.frames.slice(seen)) {
        const hit = firstControl(f);
        assert.equal(hit, undefined, `a frame after ${JSON.stringify(keys)} has U+${hit?.char.charCodeAt(0).toString(16)}:\n${f}`);
      }
      seen = app.frames.length;
      if (exits !== lastExits) {
        lastExits = exits;
        app.unmount();
        app = start(exits % 2 === 0 ? "en" : "ja");
        seen = 0;
      }
    }),
    PARAMS,
  );
  app.unmount();
});
