import fs from 'node:fs';
import path from 'node:path';

/**
 * ../shared beside the project (the real-world pages and the corpora). Only tests under
 * __tests__/shared/ may import this (`npm run test:shared`); `npm test` needs nothing beside the
 * project. A missing folder must fail that suite, never skip it.
 */
export const SHARED = path.resolve(import.meta.dirname, '../../../shared');
export const REALWORLD = path.join(SHARED, 'realworld');

export function requireShared(sub: string): string {
  const p = path.join(SHARED, sub);
  if (!fs.existsSync(p)) throw new Error(`${p} is missing: these tests need ../shared beside the project`);
  return p;
}

/** The real-world corpus manifest, typed by what the caller reads of it. */
export function loadManifest<T = Record<string, unknown>>(): T[] {
  const file = path.join(requireShared('realworld'), 'manifest.json');
  const data: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!Array.isArray(data) || data.length === 0) throw new Error(`${file} is empty`);
  return data as T[];
}
