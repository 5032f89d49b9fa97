import type { Finding, Severity } from '../model/index.js';

/**
 * Findings as they cross from a page process: every text that repeats (rule, message, fix, file,
 * page, evidence) once in a table, each finding a row of numbers. A page with 90,000 wrong links
 * sent 52 MB as objects, most of it the same few sentences; the receiving side also gets one
 * copy of each text instead of 90,000.
 */
export interface WireFindings {
  readonly strings: string[];
  /** FIELDS numbers per finding: indexes into `strings`, positions, entry as 0/1. */
  readonly rows: number[];
  /** One per finding: fingerprints never repeat. */
  readonly fingerprints: string[];
}

const FIELDS = 12;

export function encodeFindings(findings: readonly Finding[]): WireFindings {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const id = (s: string): number => {
    let i = index.get(s);
    if (i === undefined) {
      i = strings.push(s) - 1;
      index.set(s, i);
    }
    return i;
  };
  const rows: number[] = [];
  const fingerprints: string[] = [];
  for (const f of findings) {
    // sourceLocations are added after the run, in the main process: never on a page's findings.
    rows.push(id(f.ruleId), id(f.messageId), id(f.severity), id(f.file), id(f.page), f.line, f.column, f.endLine, f.endColumn, id(f.message), id(f.fix), id(f.evidence) * 2 + (f.entry ? 1 : 0));
    fingerprints.push(f.fingerprint);
  }
  return { strings, rows, fingerprints };
}

export function decodeFindings(wire: WireFindings): Finding[] {
  const { strings: s, rows: r, fingerprints } = wire;
  const out: Finding[] = [];
  for (let i = 0, n = 0; i < r.length; i += FIELDS, n++) {
    const last = r[i + 11]!;
    out.push({
      ruleId: s[r[i]!]!,
      messageId: s[r[i + 1]!]!,
      severity: s[r[i + 2]!]! as Severity,
      file: s[r[i + 3]!]!,
      page: s[r[i + 4]!]!,
      line: r[i + 5]!,
      column: r[i + 6]!,
      endLine: r[i + 7]!,
      endColumn: r[i + 8]!,
      message: s[r[i + 9]!]!,
      fix: s[r[i + 10]!]!,
      evidence: s[last >> 1]!,
      fingerprint: fingerprints[n]!,
      entry: (last & 1) === 1,
    });
  }
  return out;
}
