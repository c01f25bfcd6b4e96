// Plain mode echoes what is typed or pasted (issue 11, finding 2): the multi-line paste prompt
// shows it through the output sanitiser, and keeps the text itself as typed.
import assert from "node:assert/strict";
import { test } from "node:test";
import { render } from "@inquirer/testing";
import { multilinePrompt } from "../../src/cli/multiline-prompt.js";
import { firstControl } from "../helpers/hostile.js";

/** The prompt's own cursor and erase sequences (inquirer's), taken out before looking for the data's. */
// eslint-disable-next-line no-control-regex
const OWN = /\u001b\[[0-9;?]*[A-Za-z]/g;

const PASTE = "535 5.7.139 evil\u009b31m red\u202eRLO\u0085NEL\u2028LS\u0007bel";

test("the multi-line prompt shows a pasted line with its control characters visible; the answer keeps them", async () => {
  const s = await render(multilinePrompt, { message: "Paste" });
  s.events.type(PASTE);
  const typing = s.getScreen({ raw: true });
  assert.equal(firstControl(typing.replace(OWN, "")), undefined, JSON.stringify(typing));
  s.events.keypress("enter");
  const shown = s.getScreen({ raw: true });
  assert.equal(firstControl(shown.replace(OWN, "")), undefined, JSON.stringify(shown));
  assert.ok(shown.includes("\\x9b31m red\\u202eRLO"), shown);
  s.events.type(".");
  s.events.keypress("enter");
  // The answer is the text as readline delivered it (it drops BEL itself): the controls are kept for the analysis.
  assert.ok((await s.answer).startsWith("535 5.7.139 evil\u009b31m red\u202eRLO\u0085NEL"));
});
