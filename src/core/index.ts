/** The pure analysis core shared by the CLI, the GitHub App and the ESLint rule. */
export * from "./adoption.js";
export * from "./analyze.js";
export * from "./config.js";
export * from "./diff.js";
export * from "./exemptions.js";
export * from "./file-selector.js";
export * from "./findings.js";
export * from "./history.js";
export * from "./justification.js";
export * from "./known-constants.js";
export * from "./literal.js";
export * from "./roles.js";
export * from "./source-file.js";
export { isLoaded, languageById, languageOf, LANGUAGES, loadLanguages, registerAdapter, type Language } from "./languages/index.js";
