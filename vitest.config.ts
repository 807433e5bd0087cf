import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'test/reliability/**'],
          pool: 'forks',
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        // The journeys in a real browser against the real server (Debian's chromium).
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          pool: 'forks',
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      // Long-running checks (the 60 s soak): `npm run test:reliability`, not part of npm test.
      ...(process.env.RELIABILITY
        ? [{ test: { name: 'reliability', include: ['test/reliability/**/*.test.ts'], pool: 'forks' as const, testTimeout: 300_000 } }]
        : []),
    ],
  },
});
