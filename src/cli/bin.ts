// The bundle's entry: run main() with the real process and set the exit code. Anything that
// escapes main() (an exception in a stray callback, a rejected promise nobody awaited) still ends
// with the terminal restored, one line in the user's language and exit 70. After an interactive
// screen the process ends at once (endsWithTerminal): nothing in the background outlives the screen.
import { processIo } from "./context.js";
import { endsWithTerminal, installCrashGuard } from "./crash.js";
import { main, reportFatal } from "./main.js";

const argv = process.argv.slice(2);
const io = processIo();
installCrashGuard(io, (e) => reportFatal(argv, io, e));
const code = await main(argv, io);
process.exitCode = code;
endsWithTerminal(io, code);
