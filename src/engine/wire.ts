import type { Finding, Severity } from '../model/index.js';

/**
 * Findings as they cross from a page process, in a form that costs little to send and to keep.
 *
 * Texts that repeat from page to page (rule id, message id, severity, message, fix) are sent once
 * per process: each side keeps the same table, the sender says which texts it adds, and a finding
 * refers to them by number. A site without its footer has the same three messages on every page,
 * so a page's result is a few numbers and its own file name and evidence instead of about 2 KB of
 * sentences (issue 18). Texts of one page (file, page, evidence) are in the message's own list.
 * The table is bounded: a message that finds it full starts it over (`reset`), on both sides.
 */
export interface WireFindings {
  /** The receiver empties its table before adding `add`. */
  readonly reset?: true;
  /** Texts appended to the process's table, in order. */
  readonly add: string[];
  /** Texts of this message alone. */
  readonly local: string[];
  /** FIELDS numbers per finding: texts (n ≥ 0: table entry n; n < 0: local entry -1 - n), positions, entry as 0/1. */
  readonly rows: number[];
  /** One per finding: fingerprints never repeat. */
  readonly fingerprints: string[];
}

const FIELDS = 13;
/** Entries kept in the shared table before it starts over; real sites use a few dozen. */
export const WIRE_TABLE_MAX = 4096;

/** The sending side: one per page process. */
export class WireEncoder {
  private readonly table = new Map<string, number>();

  encode(findings: readonly Finding[]): WireFindings {
    let reset = false;
    if (this.table.size >= WIRE_TABLE_MAX) {
      this.table.clear();
      reset = true;
    }
    const add: string[] = [];
    const shared = (s: string): number => {
      let i = this.table.get(s);
      if (i === undefined) {
        i = this.table.size;
        this.table.set(s, i);
        add.push(s);
      }
      return i;
    };
    const local: string[] = [];
    const own = new Map<string, number>();
    const mine = (s: string): number => {
      let i = own.get(s);
      if (i === undefined) {
        i = -1 - local.length;
        own.set(s, i);
        local.push(s);
      }
      return i;
    };
    const rows: number[] = [];
    const fingerprints: string[] = [];
    for (const f of findings) {
      // sourceLocations are added after the run, in the main process: never on a page's findings.
      rows.push(
        shared(f.ruleId),
        shared(f.messageId),
        shared(f.severity),
        mine(f.file),
        mine(f.page),
        f.line,
        f.column,
        f.endLine,
        f.endColumn,
        shared(f.message),
        shared(f.fix),
        mine(f.evidence),
        f.entry ? 1 : 0,
      );
      fingerprints.push(f.fingerprint);
    }
    return { ...(reset && { reset: true as const }), add, local, rows, fingerprints };
  }
}

/** The receiving side: one per page process it hears from. */
export class WireDecoder {
  private table: string[] = [];

  decode(wire: WireFindings): Finding[] {
    if (wire.reset) this.table = [];
    for (const s of wire.add) this.table.push(s);
    const { local, rows: r, fingerprints } = wire;
    const table = this.table;
    const text = (n: number): string => (n >= 0 ? table[n]! : local[-1 - n]!);
    const out: Finding[] = [];
    for (let i = 0, n = 0; i < r.length; i += FIELDS, n++) {
      out.push({
        ruleId: text(r[i]!),
        messageId: text(r[i + 1]!),
        severity: text(r[i + 2]!) as Severity,
        file: text(r[i + 3]!),
        page: text(r[i + 4]!),
        line: r[i + 5]!,
        column: r[i + 6]!,
        endLine: r[i + 7]!,
        endColumn: r[i + 8]!,
        message: text(r[i + 9]!),
        fix: text(r[i + 10]!),
        evidence: text(r[i + 11]!),
        fingerprint: fingerprints[n]!,
        entry: r[i + 12] === 1,
      });
    }
    return out;
  }
}
