import pkg from '../package.json' with { type: 'json' };

/** The package version, printed by --version and recorded in every report. */
export const VERSION: string = pkg.version;
