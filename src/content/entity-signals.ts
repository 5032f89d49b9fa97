import { sourceSpan } from '../page/footer-facts.js';
import { activeHits } from './drafts.js';
import { contextAround } from './evidence.js';
import type { Lexicon } from './lexicon.js';
import { lexiconById } from './lexicons.js';
import { findMarkers, loginForms } from './markers.js';
import { isControlLabel } from './markup.js';
import { companyNames, creditCodes, prices } from './organisation.js';
import type { PageScan } from './scan.js';
import { scoreCategory } from './score.js';
import type { Span } from '../model/index.js';

export type Group = 'organisation' | 'commerce' | 'interactive';
export const GROUPS: readonly Group[] = ['organisation', 'commerce', 'interactive'];

export type SignalKind = 'term' | 'company' | 'credit-code' | 'prices' | 'comment-widget' | 'forum' | 'payment-sdk' | 'login-form';

/** One reason to think a personal filing's page speaks for an organisation or a business. */
export interface Signal {
  readonly group: Group;
  readonly kind: SignalKind;
  /** The words on the page, or the name of the widget or SDK. */
  readonly label: string;
  readonly weight: number;
  readonly span: Span;
  readonly evidence: string;
}

export interface GroupResult {
  readonly group: Group;
  readonly lexicon: Lexicon;
  readonly signals: readonly Signal[];
  readonly score: number;
  readonly flagged: boolean;
}

const RULE = 'content-entity-scope';

function lexiconOf(group: Group): Lexicon {
  const lexicon = lexiconById(`entity-${group}`);
  if (!lexicon) throw new Error(`data/lexicons/entity-${group}.json is missing`);
  return lexicon;
}

function detector(lexicon: Lexicon, name: string): number {
  const w = lexicon.detectors?.[name];
  if (w === undefined) throw new Error(`data/lexicons/${lexicon.id}.json: detectors.${name} is missing`);
  return w;
}

/**
 * Signals per group and whether each group reaches its threshold. Lexicon terms score as in the
 * other rules (purchase and sign-up words fully only on buttons and short links); the
 * detectors add company names, credit codes, prices, script markers and login forms with the
 * weights their lexicon file gives.
 */
export function entitySignals(scan: PageScan): GroupResult[] {
  const page = scan.page;
  const textSignals = (lexicon: Lexicon, group: Group): Signal[] =>
    scoreCategory(lexicon, activeHits(scan, RULE, lexicon), {
      textLength: scan.text.length,
      isControl: (hit) => hit.piece !== undefined && isControlLabel(hit.piece),
    }).tallies.map((t) => ({
      group,
      kind: 'term' as const,
      label: scan.text.slice(t.first.start, t.first.end),
      weight: t.weight,
      span: sourceSpan(page, t.first.start, t.first.end),
      evidence: contextAround(scan.text, t.first.start, t.first.end),
    }));
  const fromText = (group: Group, kind: SignalKind, label: string, weight: number, at: { start: number; end: number }): Signal => ({
    group,
    kind,
    label,
    weight,
    span: sourceSpan(page, at.start, at.end),
    evidence: contextAround(scan.text, at.start, at.end),
  });
  const enabled = (s: Signal): boolean => !scan.disabled.covers(RULE, s.span.start);

  const org = lexiconOf('organisation');
  const orgSignals = textSignals(org, 'organisation');
  let proseBudget = detector(org, 'companyInTextCap');
  for (const c of companyNames(scan)) {
    const w = c.operator ? detector(org, 'companyInCopyright') : Math.min(detector(org, 'companyInText'), proseBudget);
    if (!c.operator) proseBudget -= w;
    if (w > 0) orgSignals.push(fromText('organisation', 'company', c.name, w, c));
  }
  for (const c of creditCodes(scan)) orgSignals.push(fromText('organisation', 'credit-code', c.code, detector(org, 'creditCode'), c));

  const commerce = lexiconOf('commerce');
  const commerceSignals = textSignals(commerce, 'commerce');
  const shown = prices(scan);
  const first = shown[0];
  if (first && shown.length >= detector(commerce, 'pricesMin')) {
    const label = shown.slice(0, 4).map((p) => p.text).join('、');
    commerceSignals.push(fromText('commerce', 'prices', label, detector(commerce, 'prices'), first));
  }

  const interactive = lexiconOf('interactive');
  const interactiveSignals = textSignals(interactive, 'interactive');
  let widgetCounted = false;
  for (const hit of findMarkers(page, scan.allowSet)) {
    const { marker } = hit;
    const group: Group = marker.kind === 'payment-sdk' ? 'commerce' : 'interactive';
    // Several comment systems on one page are still one comment box.
    const weight = marker.kind === 'comment-widget' && widgetCounted ? 0 : marker.weight;
    if (marker.kind === 'comment-widget') widgetCounted = true;
    const signal: Signal = { group, kind: marker.kind, label: marker.name, weight, span: hit.span, evidence: hit.evidence };
    (group === 'commerce' ? commerceSignals : interactiveSignals).push(signal);
  }
  for (const form of loginForms(page)) {
    interactiveSignals.push({ group: 'interactive', kind: 'login-form', label: form.evidence.slice(0, 40), weight: detector(interactive, 'passwordForm'), span: form.span, evidence: form.evidence });
    break; // one form is the feature; a second copy (mobile menu) adds nothing
  }

  return [
    total('organisation', org, orgSignals.filter(enabled)),
    total('commerce', commerce, commerceSignals.filter(enabled)),
    total('interactive', interactive, interactiveSignals.filter(enabled)),
  ];
}

function total(group: Group, lexicon: Lexicon, signals: Signal[]): GroupResult {
  const score = signals.reduce((sum, s) => sum + s.weight, 0);
  const top = signals.reduce((max, s) => Math.max(max, s.weight), 0);
  // Topic words add up in any long article about companies or shopping; the page must also
  // carry one signal that only a business's own page carries.
  const flagged = score >= lexicon.threshold - 1e-9 && top >= (lexicon.minTopWeight ?? 0) - 1e-9;
  return { group, lexicon, signals, score, flagged };
}
