import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "**/*.d.ts", ".tmp/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: "readonly", console: "readonly", Buffer: "readonly", setTimeout: "readonly", clearTimeout: "readonly", setInterval: "readonly", clearInterval: "readonly", URL: "readonly", AbortController: "readonly", AbortSignal: "readonly", fetch: "readonly", TextEncoder: "readonly", TextDecoder: "readonly", Intl: "readonly", queueMicrotask: "readonly", structuredClone: "readonly", performance: "readonly", setImmediate: "readonly" },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "no-console": "error",
    },
  },
  {
    // The input and output boundaries of the screens: keys come only through the guarded input
    // layer (src/ui/input.tsx), text only through the sanitising <Text> (src/ui/safe-text.tsx).
    files: ["src/**/*.ts", "src/**/*.tsx", "screens/**"],
    ignores: ["src/ui/input.tsx", "src/ui/safe-text.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "ink", importNames: ["useInput"], message: "Use useTerminalInput (src/ui/input.tsx): Ink's key parser throws on some keys." },
            { name: "ink", importNames: ["Text"], message: "Use Text from src/ui/safe-text.tsx: it sends every string through safeText()." },
          ],
        },
      ],
    },
  },
  {
    // The terminal sinks: stdout and stderr are written only through out()/err()/outJson() of
    // src/cli/context.ts, which send everything through the one output sanitiser.
    files: ["src/**/*.ts", "src/**/*.tsx", "screens/**"],
    ignores: ["src/cli/context.ts", "src/cli/crash.ts", "src/cli/wizard-ink.tsx"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.property.name='write'][callee.object.property.name=/^(stdout|stderr)$/]",
          message: "Write through out()/err()/outJson() (src/cli/context.ts): they pass the output sanitiser.",
        },
      ],
    },
  },
  {
    files: ["scripts/**", "bench/**", "test/**", "bin/**"],
    rules: { "no-console": "off" },
  },
  {
    // The start is CommonJS (bin/package.json): it never starts the ES module loader.
    files: ["bin/**"],
    languageOptions: { sourceType: "commonjs", globals: { require: "readonly" } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
