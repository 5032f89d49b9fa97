import type { ColorChoice } from './args.js';

/**
 * Whether the terminal report is coloured, by the usual conventions, first match wins:
 * `--color` / `--no-color`; FORCE_COLOR=1, 2, 3 or true turns colour on and FORCE_COLOR=0 or
 * false off (as in Node itself, it beats NO_COLOR); a non-empty NO_COLOR turns it off; TERM=dumb
 * turns it off; otherwise colour when the stream is a terminal. An empty variable counts as unset.
 */
export function useColor(choice: ColorChoice, env: Readonly<Record<string, string | undefined>>, stream: { isTTY?: boolean }): boolean {
  if (choice !== 'auto') return choice === 'always';
  const force = env.FORCE_COLOR?.trim().toLowerCase();
  if (force === '0' || force === 'false') return false;
  if (force === '1' || force === '2' || force === '3' || force === 'true') return true;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return !!stream.isTTY;
}
