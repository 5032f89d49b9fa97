import type { ReportFormat } from '../model/index.js';

/**
 * What makes an existing file "ours", so that writing a report may replace it: it begins (or, for
 * the terminal report, ends) the way beian-guard writes that kind of report. Anything else (a page
 * of the site, a config, another tool's report) is left alone unless the user says otherwise.
 */
export type ReportKind = ReportFormat | 'comment';

// The shard and config hash of a sharded check's report (docs/shards.md) may stand between the two.
const JSON_HEAD = /^\{\n {2}"version": "[^"\n]*",\n(?: {2}"shard": \{\n {4}"index": \d+,\n {4}"total": \d+\n {2}\},\n)?(?: {2}"configHash": "[0-9a-f]+",\n)? {2}"summary": \{/;
const SARIF_HEAD = /^\{\n {2}"\$schema": "https:\/\/json\.schemastore\.org\/sarif-2\.1\.0\.json",[\s\S]*?"driver": \{\n\s*"name": "beian-guard"/;
// The summary line that ends every terminal report (and the github format), with or without its colour.
const STYLISH_TAIL = /(?:^|\n)(?:\u001b\[\d+m)?[✔✖] [^\n]*\n?$/;
const XML_HEAD = /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<!-- beian-guard /;
// A Code Quality list of our own rules' findings (or an empty one).
const GITLAB_HEAD = /^\[(?:\]\n$|\n {2}\{\n {4}"description": [^\n]*\n {4}"check_name": "[a-z-]+",)/;
const RDJSON_HEAD = /^\{\n {2}"source": \{\n {4}"name": "beian-guard",/;
const MARKDOWN_HEAD = /^(?:<!-- beian-guard:report[^\n]*\n)?### (?:✅|❌|⚠️) beian-guard/;
const HTML_HEAD = /^<!DOCTYPE html>\n<html lang="[^"]+">\n<head>\n<meta charset="utf-8">\n<meta name="generator" content="beian-guard">/;

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
    case 'github':
      return STYLISH_TAIL.test(tail);
    case 'junit':
    case 'checkstyle':
      return XML_HEAD.test(head);
    case 'gitlab':
      return GITLAB_HEAD.test(head);
    case 'rdjson':
      return RDJSON_HEAD.test(head);
    case 'markdown':
      return MARKDOWN_HEAD.test(head);
    case 'html':
      return HTML_HEAD.test(head);
  }
}

/**
 * Whether a file of the repository is a report beian-guard wrote, whatever its format (`head`: its
 * first KiB). The source mapper leaves such files out: a report from an earlier run quotes every
 * number and link it found, and would otherwise be offered as the place to fix them.
 */
export function looksLikeOurReport(head: string): boolean {
  if (head === '') return false;
  return head.startsWith('<!-- beian-guard:report') || [JSON_HEAD, SARIF_HEAD, XML_HEAD, GITLAB_HEAD, RDJSON_HEAD, MARKDOWN_HEAD, HTML_HEAD].some((re) => re.test(head));
}
