// explain of a program's own error or log (PHPMailer, .NET, Python's smtplib) without --vendor: the program sends the mail,
// so the verdict, the plan and the options speak of an application (as `--vendor app` and the wizard do), and the output
// says it was read so. Before, only the notes said "application"; the headline and the steps spoke of a device and its
// firmware. A device's paste, curl's (someone tested from a computer) and an explicit --vendor are read as before.
import assert from "node:assert/strict";
import { test } from "node:test";
import { t } from "../../src/i18n/index.js";
import { runMain } from "../helpers/run-main.js";

const squash = (s: string) => s.replace(/\s+/g, "");

const PROGRAMS = [
  // https://github.com/healthchecks/healthchecks/issues/494 (the title)
  { program: "Python (smtplib)", text: "smtplib.SMTPAuthenticationError: (535, b'5.7.3 Authentication unsuccessful')" },
  // https://github.com/PHPMailer/PHPMailer/issues/1000 (PHPMailer's debug output, cut before the stack)
  {
    program: "PHPMailer",
    text: 'Connection: opening to smtp.outlook.com:587, timeout=300, options=array ()\nConnection: Failed to connect to server. Error number 2. "Error notice: stream_socket_client(): php_network_getaddresses: getaddrinfo failed: Name or service not known\nSMTP ERROR: Failed to connect to server: php_network_getaddresses: getaddrinfo failed: Name or service not known (0)\nSMTP connect() failed. https://github.com/PHPMailer/PHPMailer/wiki/Troubleshooting',
  },
  // https://github.com/lukencode/FluentEmail/issues/341 (.NET Framework 4.8 System.Net.Mail, as quoted)
  { program: ".NET (System.Net.Mail)", text: "The server committed a protocol violation The server response was: " },
];

interface Json {
  plan: { device?: { vendor?: string } };
}

for (const lang of ["en", "ja"] as const) {
  for (const { program, text } of PROGRAMS) {
    test(`${lang}: ${program}'s own words are read as an application's, and said so`, async () => {
      const r = await runMain(["explain", "--lang", lang, text]);
      assert.ok([1, 3].includes(r.code), `exit ${r.code}: ${r.stderr}`);
      const out = squash(r.stdout);
      assert.ok(out.includes(squash(t(lang, "cli.explain.appAssumed", { program }))), r.stdout);
      // The same report as with --vendor app, but for the line that says it was assumed.
      const app = await runMain(["explain", "--lang", lang, "--vendor", "app", text]);
      const hint = t(lang, "cli.explain.appAssumed", { program });
      assert.equal(squash(r.stdout).replace(squash(hint), ""), squash(app.stdout));
      const json = JSON.parse((await runMain(["explain", "--lang", lang, "--json", text])).stdout) as Json;
      assert.equal(json.plan.device?.vendor, "app");
    });
  }

  test(`${lang}: a named maker, curl's words and a bare reply are not taken for an application`, async () => {
    const named = await runMain(["explain", "--lang", lang, "--vendor", "canon", "--json", PROGRAMS[0]!.text]);
    assert.equal((JSON.parse(named.stdout) as Json).plan.device?.vendor, "canon");
    // domain.md §5, client-side wrappers (curl hides the server's text)
    for (const text of ["curl: (67) Login denied", "535 5.7.139 Authentication unsuccessful, the user credentials were incorrect."]) {
      const r = await runMain(["explain", "--lang", lang, text]);
      const words = t(lang, "cli.explain.appAssumed", { program: "\u0000" }).split("\u0000").sort((a, b) => b.length - a.length)[0] ?? "";
      assert.ok(words.length > 20 && !squash(r.stdout).includes(squash(words)), r.stdout);
      const json = JSON.parse((await runMain(["explain", "--lang", lang, "--json", text])).stdout) as Json;
      assert.equal(json.plan.device, undefined, text);
    }
  });
}
