// Prints the plain closing line CI reads ("N passed, N failed, N skipped"): jest's own summary is not one it knows.
// Skipped suites are named, with why, so a machine without redis-server says plainly what did not run.
import { spawnSync } from "node:child_process";

export default class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    if (skipped > 0 && spawnSync("redis-server", ["--version"], { stdio: "ignore" }).status !== 0) {
      const files = results.testResults
        .filter((r) => r.numPendingTests > 0 && /redis/.test(r.testFilePath))
        .map((r) => r.testFilePath.replace(/^.*\/test\//, "test/"));
      if (files.length)
        process.stdout.write(
          `\nNot run (${files.join(", ")}): redis-server is not installed. Install it (Debian: apt-get install -y redis-server) and run npm test again.\n`,
        );
    }
    process.stdout.write(`\njest: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped\n`);
  }
}
