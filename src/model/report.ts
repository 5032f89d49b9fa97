import type { Finding } from './findings.js';

export interface SiteSummary {
  readonly root: string;
  readonly pages: number;
  readonly skipped: number;
}

/** The result of one run: everything reporters format and the verdict is decided on. */
export interface Report {
  readonly version: string;
  readonly findings: readonly Finding[];
  readonly sites: readonly SiteSummary[];
  readonly summary: { readonly pages: number; readonly errors: number; readonly warnings: number; readonly notices: number };
  readonly durationMs: number;
}
