import fs from 'node:fs';
import { SHARED } from '../helpers/shared.js';

/** Called by vitest.shared.config.ts as it loads: no ../shared, no run. */
export default function requireShared(): void {
  const missing = ['realworld/manifest.json', 'corpus/real-hexo'].filter((p) => !fs.existsSync(`${SHARED}/${p}`));
  if (missing.length === 0) return;
  throw new Error(
    [
      `npm run test:shared needs the shared test data beside the project, at ${SHARED}`,
      `(missing: ${missing.join(', ')}).`,
      'That folder holds third-party pages and corpora that are not part of this repository. Place a',
      'copy of it at ../shared (the folder that contains this project also contains "shared"), or run',
      '`npm test`, which needs nothing beside the project.',
    ].join('\n'),
  );
}
