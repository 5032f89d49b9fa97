import { defineConfig } from 'vitest/config';

/**
 * `npm test`: everything that needs nothing beside the project. Tests that read ../shared (the
 * third-party pages and corpora kept outside the repository) live in __tests__/shared/ and run
 * with `npm run test:shared` (vitest.shared.config.ts).
 */
export default defineConfig({
  test: {
    include: ['__tests__/**/*.test.ts'],
    exclude: ['__tests__/shared/**', '**/node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Tests never touch the network: any connection outside loopback fails at once (issue 15).
    setupFiles: ['__tests__/setup/network-guard.ts'],
  },
});
