// The renderers of a diagnosis, one per format of src/render/formats.ts that the diagnosing
// commands take (the compiler asks for a line here when a format is added there). Each loads on
// first use: --json never loads the text layout, and start-up stays small.
import type { FormatOf } from "../render/formats.js";
import type { ReportInput } from "./common.js";

export type ReportFormat = FormatOf<"diagnose" | "explain">;

/** A diagnosis as text in one format; `extra` is merged into the JSON object (other formats ignore it). */
export type Renderer = (input: ReportInput, extra?: Record<string, unknown>) => string;

const RENDERERS: Record<ReportFormat, () => Promise<Renderer>> = {
  text: async () => (await import("./text.js")).renderText,
  md: async () => (await import("./markdown.js")).renderMarkdown,
  ps1: async () => (await import("./ps1.js")).renderPs1,
  handover: async () => (await import("./handover.js")).renderHandover,
  json: async () => {
    const [{ toJson }, { toJson: jsonText }] = await Promise.all([import("./json.js"), import("../render/output.js")]);
    return (input, extra) => {
      // The schema first, then what the command adds (the probe's phases, the case), then the report.
      const { schema, ...report } = toJson(input.diagnosis, input.plan, input.case);
      return jsonText({ schema, ...(extra ?? {}), ...report }, 2);
    };
  },
};

export function loadRenderer(format: ReportFormat): Promise<Renderer> {
  return RENDERERS[format]();
}
