import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
    // better-sqlite3 is native: separate processes keep each file's handles apart.
    pool: 'forks',
    // Generous: a test that spawns the CLI, LibreOffice or Chromium waits on them, and on a busy machine
    // (load 6 on two cores) 30 s was not enough for some; a hook starts Chromium and the app.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // A poll ends as soon as its condition holds: the bound only matters on a busy machine (workers,
    // Chromium and LibreOffice sharing two cores), where the default second failed tests that were right.
    expect: { poll: { timeout: 30_000 } },
    reporters: ['default', './tests/support/summary-reporter.ts'],
  },
});
