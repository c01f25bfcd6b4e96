// Report renderers: terminal text, Markdown for tickets, a .ps1 script, and the --json object.
export { renderText } from "./text.js";
export { renderMarkdown } from "./markdown.js";
export { renderPs1, BOM, scriptLine } from "./ps1.js";
export { toJson, type JsonReport } from "./json.js";
export type { ReportInput } from "./common.js";
