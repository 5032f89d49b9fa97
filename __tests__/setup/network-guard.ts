/**
 * vitest setupFiles: every test file runs under the network guard, and a test during which any
 * connection outside loopback was attempted fails, naming what it tried to reach.
 */
import { afterEach, expect } from 'vitest';
// @ts-expect-error: a plain ESM module shared with spawned CLI processes (node --import).
import { violations } from './network-guard.mjs';

afterEach(() => {
  const seen = (violations as string[]).splice(0);
  expect(seen, 'the test reached outside loopback').toEqual([]);
});
