/**
 * web-test-runner's own summary sits behind a progress bar, and CI only reads a plain
 * `N passed, N failed` line, so this reporter prints one as the very last line of the run.
 * A test file that fails to load has no results but still counts as a failure.
 */
export function closingLineReporter() {
  const count = (suite, acc) => {
    for (const t of suite?.tests ?? []) t.skipped ? acc.skipped++ : t.passed ? acc.passed++ : acc.failed++;
    for (const s of suite?.suites ?? []) count(s, acc);
  };
  return {
    stop({ sessions }) {
      const acc = { passed: 0, failed: 0, skipped: 0 };
      for (const s of sessions) {
        const before = acc.failed;
        count(s.testResults, acc);
        if (s.passed === false && acc.failed === before) acc.failed++;
      }
      const line = `wtr: ${acc.passed} passed, ${acc.failed} failed${acc.skipped ? `, ${acc.skipped} skipped` : ''}`;
      // wtr flushes its buffered log after stop(); writing here directly would land mid-log.
      process.once('exit', () => process.stdout.write(`\n${line}\n`));
    },
  };
}
