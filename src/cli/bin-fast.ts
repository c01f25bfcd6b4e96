// The fast part's entry (dist/fast.cjs, CommonJS, run by start.ts): the same as bin.ts without a
// top-level await, which CommonJS cannot hold.
import { processIo } from "./context.js";
import { installCrashGuard } from "./crash.js";
import { main, reportFatal } from "./main.js";

const argv = process.argv.slice(2);
const io = processIo();
installCrashGuard(io, (e) => reportFatal(argv, io, e));
void main(argv, io).then((code) => {
  process.exitCode = code;
});
