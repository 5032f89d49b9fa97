/**
 * What makes an existing file "ours", so that writing a report may replace it: it begins (or, for
 * the terminal report, ends) the way beian-guard writes that kind of report. Anything else (a page
 * of the site, a config, another tool's report) is left alone unless the user says otherwise.
 */
export type ReportKind = 'json' | 'sarif' | 'stylish' | 'comment';

const JSON_HEAD = /^\{\n {2}"version": "[^"\n]*",\n {2}"summary": \{/;
const SARIF_HEAD = /^\{\n {2}"\$schema": "https:\/\/json\.schemastore\.org\/sarif-2\.1\.0\.json",[\s\S]*?"driver": \{\n\s*"name": "beian-guard"/;
// The summary line that ends every terminal report, with or without its colour.
const STYLISH_TAIL = /(?:^|\n)(?:\u001b\[\d+m)?[✔✖] [^\n]*\n?$/;

/** `head`: the first KiB of the file; `tail`: its last KiB. An empty file is ours to fill. */
export function isOurReport(kind: ReportKind, head: string, tail: string): boolean {
  if (head === '') return true;
  switch (kind) {
    case 'json':
      return JSON_HEAD.test(head);
    case 'sarif':
      return SARIF_HEAD.test(head);
    case 'comment':
      return head.startsWith('<!-- beian-guard:report');
    case 'stylish':
      return STYLISH_TAIL.test(tail);
  }
}
