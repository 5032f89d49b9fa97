import { sourceSpan } from '../page/footer-facts.js';
import { activeHits } from './drafts.js';
import { contextAround } from './evidence.js';
import type { Lexicon } from './lexicon.js';
import { lexiconById } from './lexicons.js';
import { findMarkers, loginForms, messageForms } from './markers.js';
import { isControlLabel } from './markup.js';
import { companyNames, creditCodes, prices, registrationNumbers } from './organisation.js';
import { footerContainer } from '../page/footer-region.js';
import type { PageScan, ScanHit } from './scan.js';
import { scoreCategory } from './score.js';
import type { Span } from '../model/index.js';

export type Group = 'organisation' | 'commerce' | 'interactive';
export const GROUPS: readonly Group[] = ['organisation', 'commerce', 'interactive'];

export type SignalKind =
  | 'term'
  | 'company'
  | 'credit-code'
  | 'registration-number'
  | 'self-description'
  | 'company-menu'
  | 'prices'
  | 'prices-with-purchase'
  | 'comment-widget'
  | 'forum'
  | 'payment-sdk'
  | 'login-form'
  | 'message-form';

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
      inFooter: (hit) => hit.piece !== undefined && footerContainer(hit.piece.node) !== null,
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
  for (const c of creditCodes(scan)) {
    const w = c.valid ? detector(org, 'creditCode') : detector(org, c.inFooter ? 'creditCodeUncheckedInFooter' : 'creditCodeUnchecked');
    orgSignals.push(fromText('organisation', 'credit-code', c.code, w, c));
  }
  for (const r of registrationNumbers(scan)) {
    orgSignals.push(fromText('organisation', 'registration-number', r.number, detector(org, r.inFooter ? 'registrationNumberInFooter' : 'registrationNumber'), r));
  }
  const orgHits = activeHits(scan, RULE, org);
  const self = selfDescription(scan.text, orgHits);
  if (self) {
    // The sentence replaces its opening word: one finding for 本公司是一家…企业, not two.
    const word = orgSignals.findIndex((x) => x.kind === 'term' && x.span.start === sourceSpan(page, self.start, self.end).start);
    if (word !== -1) orgSignals.splice(word, 1);
    orgSignals.push(fromText('organisation', 'self-description', scan.text.slice(self.start, self.end), detector(org, 'selfDescription'), self));
  }
  const products = orgHits.find((h) => h.term.term === '产品中心');
  const contact = orgHits.find((h) => h.term.term === '联系我们' || h.term.term === '关于我们');
  if (products && contact) {
    orgSignals.push(fromText('organisation', 'company-menu', `产品中心 / ${contact.term.term}`, detector(org, 'companyMenu'), products));
  }

  const commerce = lexiconOf('commerce');
  const commerceSignals = textSignals(commerce, 'commerce');
  const shown = prices(scan);
  const first = shown[0];
  // A purchase button or link (a control label weighs 1): a review that says where to buy has none.
  const purchase = commerceSignals.some((x) => x.weight >= 1);
  const items = shown.filter((p) => p.item);
  const minWithPurchase = detector(commerce, 'pricesWithPurchaseMin');
  if ((items.length >= minWithPurchase && purchase) || (shown.length >= minWithPurchase && PAYMENT_REQUEST.test(scan.text))) {
    const listed = items.length >= minWithPurchase ? items : shown;
    const label = listed.slice(0, 4).map((p) => p.text).join('、');
    commerceSignals.push(fromText('commerce', 'prices-with-purchase', label, detector(commerce, 'pricesWithPurchase'), listed[0]!));
  } else if (first && shown.length >= detector(commerce, 'pricesMin')) {
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
  for (const form of messageForms(page)) {
    interactiveSignals.push({ group: 'interactive', kind: 'message-form', label: form.evidence.slice(0, 40), weight: detector(interactive, 'messageForm'), span: form.span, evidence: form.evidence });
    break;
  }

  return combined([
    total('organisation', org, orgSignals.filter(enabled)),
    total('commerce', commerce, commerceSignals.filter(enabled)),
    total('interactive', interactive, interactiveSignals.filter(enabled)),
  ]);
}

/**
 * The page asks the reader to pay, in a seller's words: a QR code to pay into, "pay and then…",
 * "takes effect right after you pay". An article that says a provider accepts Alipay does not.
 */
const PAYMENT_REQUEST = /收款码|扫码(?:付款|支付)|付款方式|请(?:先)?付款|(?:开通|购买|付款|支付|下单)后(?:立即|即可|马上)?(?:生效|发货|开通|安排)|货到付款/;
/** What makes a sentence that starts with 本公司/我公司/我司 the page describing itself as a company. */
const COMPANY_PREDICATE = /企业|成立于|主营|专业从事|致力于|是一家|专注于|始创于|创立于/;
const SELF_TERMS = new Set(['本公司', '我公司', '我司']);
const SENTENCE_END = /[。！？!?\n]/;
const SELF_WINDOW = 40;

/** 本公司是一家…企业, 我公司成立于…, 我司专注于…: the first such sentence. */
function selfDescription(text: string, hits: readonly ScanHit[]): { start: number; end: number } | null {
  for (const h of hits) {
    if (!SELF_TERMS.has(h.term.term)) continue;
    const window = text.slice(h.end, h.end + SELF_WINDOW);
    const stop = window.search(SENTENCE_END);
    const sentence = stop === -1 ? window : window.slice(0, stop);
    const m = COMPANY_PREDICATE.exec(sentence);
    if (m) return { start: h.start, end: h.end + m.index + m[0].length };
  }
  return null;
}

/**
 * Weak signals of different kinds add up: a company name in running text, a few prices and a
 * payment word are each common on a blog, all three on one page are a business. When no group
 * reaches its threshold alone, groups that each carry some weight are reported together once
 * their sum is high enough.
 */
const COMBINED_GROUP_MIN = 0.4;
const COMBINED_TOTAL = 1.2;

function combined(results: GroupResult[]): GroupResult[] {
  if (results.some((r) => r.flagged)) return results;
  const contributing = results.filter((r) => r.score >= COMBINED_GROUP_MIN - 1e-9);
  const sum = contributing.reduce((n, r) => n + r.score, 0);
  if (contributing.length < 2 || sum < COMBINED_TOTAL - 1e-9) return results;
  return results.map((r) => (contributing.includes(r) ? { ...r, flagged: true } : r));
}

function total(group: Group, lexicon: Lexicon, signals: Signal[]): GroupResult {
  const score = signals.reduce((sum, s) => sum + s.weight, 0);
  const top = signals.reduce((max, s) => Math.max(max, s.weight), 0);
  // Topic words add up in any long article about companies or shopping; the page must also
  // carry one signal that only a business's own page carries.
  const flagged = score >= lexicon.threshold - 1e-9 && top >= (lexicon.minTopWeight ?? 0) - 1e-9;
  return { group, lexicon, signals, score, flagged };
}
