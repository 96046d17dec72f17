// Lint rules: typescript-eslint's recommended set, and src/core must never import vscode.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "out/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { paths: [{ name: "vscode", message: "src/core stays free of VS Code: pass plain values, an AbortSignal and callbacks." }] }],
    },
  },
);
