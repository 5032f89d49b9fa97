import type { Lang } from '../i18n/lang.js';
import type { Finding, Severity } from '../model/index.js';
import { plainText } from './escape.js';
import { groupFindings, type FindingGroup } from './group.js';

/**
 * Annotations on GitHub: one per group of identical findings, within the runner's cap. Planned
 * here, pure, for the two places that raise them: the action (through @actions/core) and the
 * `github` report format (workflow commands a plain `run:` step prints).
 */

/** Where an annotation points; the same shape @actions/core takes. */
export interface AnnotationProperties {
  readonly title?: string;
  readonly file?: string;
  readonly startLine?: number;
  readonly endLine?: number;
  readonly startColumn?: number;
  readonly endColumn?: number;
}

/** The words annotations are written with, in each language; labels carry the language's colon and spacing. */
export interface AnnotationText {
  readonly sameOnPages: (n: number) => string;
  readonly morePages: (n: number) => string;
  readonly fix: string;
  readonly builtFile: string;
  readonly possibleSource: string;
}

export const ANNOTATION_TEXT: Record<Lang, AnnotationText> = {
  'zh-CN': {
    sameOnPages: (n) => `同一问题出现在 ${n} 个页面：`,
    morePages: (n) => `等，另有 ${n} 个`,
    fix: '修复：',
    builtFile: '构建产物：',
    possibleSource: '可能的源文件：',
  },
  en: {
    sameOnPages: (n) => `The same problem on ${n} pages: `,
    morePages: (n) => `and ${n} more`,
    fix: 'Fix: ',
    builtFile: 'Built file: ',
    possibleSource: 'Possible source: ',
  },
};

/** GitHub turns at most this many commands of each level per step into annotations (runner ExecutionContext). */
export const ANNOTATIONS_PER_LEVEL = 10;
/** The runner cuts annotation messages at 4096 characters. */
const MESSAGE_MAX = 4000;
const PAGES_LISTED = 5;

export interface Annotation {
  readonly level: Severity;
  readonly message: string;
  readonly properties: AnnotationProperties;
}

export interface AnnotationPlan {
  readonly annotations: readonly Annotation[];
  /** Findings no annotation speaks for. */
  readonly notAnnotated: number;
}

export interface PlanOptions {
  /** Annotations still free per level after the slots the action keeps for itself. */
  readonly budget: Readonly<Record<Severity, number>>;
  readonly text: AnnotationText;
  /** A file (relative to the working directory) as a path relative to GITHUB_WORKSPACE. */
  readonly path: (file: string) => string;
}

function position(f: Finding): string {
  return `${f.line}:${f.column}`;
}

function annotate(g: FindingGroup, options: PlanOptions): Annotation {
  const t = options.text;
  const head = g.findings[0]!;
  const source = head.sourceLocations?.[0]?.confidence === 'high' ? head.sourceLocations[0] : undefined;
  const lines = [plainText(g.message), `${t.fix}${plainText(g.fix)}`];
  if (g.findings.length > 1) {
    const listed = g.findings.slice(0, PAGES_LISTED).map((f) => `${plainText(options.path(f.file))}:${position(f)}`);
    const more = g.findings.length - listed.length;
    lines.push(`${t.sameOnPages(g.pages)}${listed.join(', ')}${more > 0 ? ` ${t.morePages(more)}` : ''}`);
  }
  if (source) lines.push(`${t.builtFile}${plainText(options.path(head.file))}:${position(head)}`);
  for (const s of head.sourceLocations ?? []) {
    if (s !== source && s.confidence === 'low') lines.push(`${t.possibleSource}${plainText(options.path(s.file))}:${s.line}:${s.column}`);
  }
  let message = lines.join('\n');
  if (message.length > MESSAGE_MAX) message = `${message.slice(0, MESSAGE_MAX - 1)}…`;
  const properties: AnnotationProperties = source
    ? { title: g.ruleId, file: options.path(source.file), startLine: source.line, endLine: source.line, startColumn: source.column }
    : {
        title: g.ruleId,
        file: options.path(head.file),
        startLine: head.line,
        endLine: head.endLine,
        // GitHub honours columns only on a single line (toolkit README).
        ...(head.line === head.endLine && { startColumn: head.column, endColumn: head.endColumn }),
      };
  return { level: g.severity, message, properties };
}

/**
 * Chooses what to annotate within GitHub's cap: one annotation per group of identical findings,
 * errors first, entry pages first, widest problems first. The rest are counted for the summary.
 */
export function planAnnotations(findings: readonly Finding[], options: PlanOptions): AnnotationPlan {
  const left = { ...options.budget };
  const annotations: Annotation[] = [];
  let notAnnotated = 0;
  for (const g of groupFindings(findings)) {
    if (left[g.severity] > 0) {
      left[g.severity]--;
      annotations.push(annotate(g, options));
    } else notAnnotated += g.findings.length;
  }
  return { annotations, notAnnotated };
}
