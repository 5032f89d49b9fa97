import { defineConfig } from 'vitest/config';

/**
 * `npm run test:shared`: the tests that read ../shared, the folder beside the project that holds
 * third-party pages and corpora we may test against but not copy into the repository. The global
 * setup stops the run with one clear message when the folder is missing: never a silent skip.
 */
export default defineConfig({
  test: {
    include: ['__tests__/shared/**/*.test.ts'],
    globalSetup: ['__tests__/shared/require-shared.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
