/** Every test starts with every language loaded, as the CLI and the App load what a change needs. */
import { loadLanguages } from "../src/core/languages/index.js";

await loadLanguages();
