// Prints the one line CI reads, "N passed, N failed", from vitest's JSON report.
import { readFileSync } from 'node:fs';

let report;
try {
  report = JSON.parse(readFileSync(new URL('../.tmp/vitest-report.json', import.meta.url), 'utf8'));
} catch {
  console.log('0 passed, 1 failed');
  process.exit(1);
}
// A file that fails to load has no failed tests but must still count as a failure.
const brokenSuites =
  report.numFailedTests === 0 && !report.success ? Math.max(1, report.numFailedTestSuites) : 0;
console.log(`${report.numPassedTests} passed, ${report.numFailedTests + brokenSuites} failed`);
