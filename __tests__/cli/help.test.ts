/**
 * The help of each command lists every option the command takes, in both languages: options are
 * declared once (cli/args.ts) and their help lines once per language (cli/messages.ts), so an option
 * added to a table without a line fails here.
 */
import { describe, expect, it } from 'vitest';
import { CHECK_OPTIONS, REPORT_OPTIONS } from '../../src/cli/args.js';
import { CLI_TEXT } from '../../src/cli/messages.js';
import { LANGS } from '../../src/i18n/lang.js';

function flags(table: Record<string, unknown>): string[] {
  return Object.keys(table).map((name) => `--${name}`);
}

describe.each(LANGS)('help in %s', (lang) => {
  const t = CLI_TEXT[lang];
  it('check lists every option of check', () => {
    for (const flag of flags(CHECK_OPTIONS)) expect(t.help, flag).toContain(flag);
  });
  it('live and merge list every report option', () => {
    for (const flag of flags(REPORT_OPTIONS)) {
      expect(t.liveHelp, flag).toContain(flag);
      expect(t.mergeHelp, flag).toContain(flag);
    }
  });
});
