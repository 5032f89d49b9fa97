import { defineConfig } from 'vitest/config';
import requireShared from './__tests__/shared/require-shared.js';

/**
 * `npm run test:shared`: the tests that read ../shared, the folder beside the project that holds
 * third-party pages and corpora we may test against but not copy into the repository. Without
 * that folder the run stops here, before any test, with one message saying what is missing and
 * where it belongs: never a silent skip.
 */
requireShared();

export default defineConfig({
  test: {
    include: ['__tests__/shared/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
