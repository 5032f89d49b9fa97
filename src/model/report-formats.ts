/**
 * Every report format the CLI, the config's `reports` and the action's `reports` input can write.
 * `stylish` is the terminal report; the others are read by other tools (see docs/reports.md).
 */
export const REPORT_FORMATS = ['stylish', 'json', 'sarif', 'junit', 'gitlab', 'checkstyle', 'rdjson', 'github', 'markdown', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
