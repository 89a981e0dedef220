// Front-end lint (make lint): the service's own scripts in static/js, as browsers run them.
import js from "@eslint/js";
import globals from "globals";

export default [
  { ignores: ["node_modules/", "build/", "var/", ".venv/"] },
  js.configs.recommended,
  {
    files: ["static/js/**/*.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "script",
      globals: { ...globals.browser },
    },
    rules: {
      "no-unused-vars": ["error", { caughtErrors: "none" }],
      eqeqeq: "error",
      "no-eval": "error",
      "no-implied-eval": "error",
    },
  },
  {
    // Loaded with <script type="module">.
    files: ["static/js/site.js", "static/js/review-tabs.js"],
    languageOptions: { sourceType: "module" },
  },
];
