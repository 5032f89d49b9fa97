import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['__tests__/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Tests never touch the network: any connection outside loopback fails at once (issue 15).
    setupFiles: ['__tests__/setup/network-guard.ts'],
  },
});
