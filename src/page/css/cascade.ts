import type { Element } from 'domhandler';
import { attr } from '../dom.js';
import type { Page } from '../page.js';
import { parseDeclarations, type Declaration, type Prop } from './declarations.js';
import { evaluateMedia, fitAnd, UNKNOWN, VIEWPORTS, type MediaFit } from './media.js';
import { meter, spend, WorkExhausted } from './metered-adapter.js';
import { sheetFor, testOf, type ParsedSheet, type StyleRule } from './sheet.js';

/**
 * What one page may cost (issue 17, "bounded CSS"). Real themes stay far below: the largest
 * theme sheet on the benchmark corpora sets these properties in under 2,000 rules and a page's
 * judgement takes under 20,000 steps. Past a limit the judgement uses what was read and says so.
 */
export const CSS_LIMITS = {
  /** Rules (selectors) that set a property we read, over all the page's sheets. */
  rules: 20_000,
  /** Distinct stylesheets per page (a sheet linked many times counts once). */
  sheets: 500,
  /** Selector matching steps (nodes visited, siblings counted, ancestors climbed). */
  work: 10_000_000,
} as const;

export type LimitKind = keyof typeof CSS_LIMITS;

/** `<style>` and `<link>` elements looked at per page, duplicates included. */
const MAX_SHEET_ELEMENTS = 5_000;

/** A limit the page's CSS reached, and where. */
export interface CssLimitHit {
  readonly kind: LimitKind;
  readonly limit: number;
  /** The sheet being read when the limit was reached (`<style>` or the href). */
  readonly where: string | null;
}

/**
 * The four cascades computed for each element: desktop and mobile width, each once with the
 * conditions we cannot evaluate taken as true and once as false. Text counts as hidden at a
 * width only when it is hidden in both of its cascades.
 */
export const WORLDS = 4;
export function worldOf(viewport: number, maybeApplies: boolean): number {
  return viewport * 2 + (maybeApplies ? 1 : 0);
}

/** The declaration that wins for one property of one element in one world. */
export interface Winner {
  readonly decl: Declaration;
  readonly origin: 'ua' | 'inline' | 'sheet';
  readonly rule: StyleRule | null;
  /** `<style>` or the href as written. */
  readonly sheet: string | null;
  /** Document position of the sheet; -1 for inline styles and the UA rule. */
  readonly position: number;
  readonly priority: readonly number[];
}

export type Computed = Partial<Record<Prop, Winner>>;

interface PageSheet {
  readonly label: string;
  readonly parsed: ParsedSheet;
  /** Rules of this sheet within the page's rule limit. */
  readonly allowed: number;
  readonly position: number;
  readonly fit: MediaFit | null;
}

const UA_DISPLAY_NONE: Declaration = { prop: 'display', value: 'none', important: false };

function applies(fit: MediaFit | null, world: number): boolean {
  if (!fit) return true;
  const t = fit[VIEWPORTS[world >> 1]!];
  return t === 'yes' || (t === 'maybe' && (world & 1) === 1);
}

function beats(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) {
    if (a[i]! !== b[i]!) return a[i]! > b[i]!;
  }
  // Equal priority: the later declaration wins.
  return true;
}

/**
 * The CSS cascade for the properties that decide visibility, as a browser would apply it for a
 * page as it loads: the `hidden` attribute as the user-agent rule a stylesheet can override,
 * then every `<style>` and local stylesheet in document order, by `!important`, inline style,
 * `@layer`, specificity and order. Static and bounded: selector matching is metered
 * (metered-adapter.ts) and the rules read are capped (CSS_LIMITS).
 */
export class Cascade {
  private sheets: PageSheet[] | null = null;
  /** Positions of linked sheets that could not be read (remote, missing, over the size limit). */
  private readonly unread: number[] = [];
  private readonly hitKinds = new Set<LimitKind>();
  readonly hits: CssLimitHit[] = [];
  private workLeft: number = CSS_LIMITS.work;
  private exhausted = false;
  private readonly styles = new Map<Element, readonly Computed[]>();

  constructor(private readonly page: Page) {}

  private hit(kind: LimitKind, where: string | null): void {
    if (this.hitKinds.has(kind)) return;
    this.hitKinds.add(kind);
    this.hits.push({ kind, limit: CSS_LIMITS[kind], where });
  }

  /** Is there a sheet after `position` that could not be read (and so might override what came before)? */
  unreadAfter(position: number): boolean {
    return this.unread.some((p) => p > position);
  }

  private pageSheets(): PageSheet[] {
    if (this.sheets) return this.sheets;
    // Deduplicated per page: a sheet linked 1,700 times is read once, at its last position (the
    // later copy wins every tie, so the earlier copies change nothing).
    const last = new Map<string, Map<string, { label: string; css: string; fit: MediaFit | null; position: number }>>();
    const sources = this.page.sheets;
    let distinct = 0;
    for (let i = 0; i < sources.length; i++) {
      if (i >= MAX_SHEET_ELEMENTS) {
        this.hit('sheets', null);
        break;
      }
      const s = sources[i]!;
      const css = s.kind === 'style' ? s.text : this.page.loadStylesheet(s.href);
      if (css === undefined) {
        this.unread.push(i);
        continue;
      }
      // A print sheet that a script switches to `all` once loaded, or a preloaded sheet a script
      // turns into a stylesheet, may or may not apply.
      const fit = s.scripted ? UNKNOWN : s.media ? evaluateMedia(s.media) : null;
      const mediaKey = s.scripted ? '\0maybe' : (s.media ?? '');
      let byMedia = last.get(css);
      if (!byMedia) last.set(css, (byMedia = new Map()));
      if (!byMedia.delete(mediaKey) && ++distinct > CSS_LIMITS.sheets) {
        this.hit('sheets', s.kind === 'style' ? '<style>' : s.href);
        break;
      }
      byMedia.set(mediaKey, { label: s.kind === 'style' ? '<style>' : s.href, css, fit, position: i });
    }
    const ordered = [...last.values()].flatMap((m) => [...m.values()]).sort((a, b) => a.position - b.position);
    let rulesLeft: number = CSS_LIMITS.rules;
    const out: PageSheet[] = [];
    for (const s of ordered) {
      if (rulesLeft <= 0) {
        this.hit('rules', s.label);
        break;
      }
      const parsed = sheetFor(s.css, CSS_LIMITS.rules);
      const allowed = Math.min(parsed.rules.length, rulesLeft);
      if (parsed.truncated || allowed < parsed.rules.length) this.hit('rules', s.label);
      rulesLeft -= allowed;
      out.push({ label: s.label, parsed, allowed, position: s.position, fit: s.fit });
    }
    this.sheets = out;
    return out;
  }

  /** The winning declarations of `el` in each of the WORLDS. */
  computed(el: Element): readonly Computed[] {
    const known = this.styles.get(el);
    if (known) return known;
    const worlds: Computed[] = Array.from({ length: WORLDS }, () => ({}));
    const offer = (w: number, winner: Winner): void => {
      const current = worlds[w]![winner.decl.prop];
      if (!current || beats(winner.priority, current.priority)) worlds[w]![winner.decl.prop] = winner;
    };
    // The user-agent rule `[hidden] { display: none }`: the lowest priority there is.
    if (attr(el, 'hidden') !== undefined) {
      for (let w = 0; w < WORLDS; w++) offer(w, { decl: UA_DISPLAY_NONE, origin: 'ua', rule: null, sheet: null, position: -1, priority: [0, 0, 0, 0, 0] });
    }
    this.matchSheets(el, offer);
    const style = attr(el, 'style');
    if (style) {
      // Declarations attached to the element beat every rule of the same importance.
      for (const decl of parseDeclarations(style)) {
        for (let w = 0; w < WORLDS; w++) offer(w, { decl, origin: 'inline', rule: null, sheet: null, position: -1, priority: [decl.important ? 2 : 1, 1, 0, 0, 0] });
      }
    }
    this.styles.set(el, worlds);
    return worlds;
  }

  private matchSheets(el: Element, offer: (w: number, winner: Winner) => void): void {
    if (this.exhausted) return;
    const sheets = this.pageSheets();
    if (sheets.length === 0) return;
    const keys = ['*', el.name];
    const id = attr(el, 'id');
    if (id) keys.push(`#${id}`);
    const cls = attr(el, 'class');
    if (cls) for (const c of new Set(cls.split(/\s+/))) if (c) keys.push(`.${c}`);
    meter.left = this.workLeft;
    try {
      for (const sheet of sheets) {
        for (const key of keys) {
          const list = sheet.parsed.byKey.get(key);
          if (!list) continue;
          for (const rule of list) {
            if (rule.order >= sheet.allowed) break;
            spend(1);
            const test = testOf(rule);
            if (!test || !test(el)) continue;
            const fit = fitAnd(sheet.fit, rule.media);
            for (const decl of rule.declarations) {
              const layer = rule.layered === decl.important ? 1 : 0;
              const priority = [decl.important ? 2 : 1, 0, layer, rule.specificity, sheet.position * 2_097_152 + rule.order];
              const winner: Winner = { decl, origin: 'sheet', rule, sheet: sheet.label, position: sheet.position, priority };
              for (let w = 0; w < WORLDS; w++) if (applies(fit, w)) offer(w, winner);
            }
          }
        }
      }
    } catch (e) {
      if (!(e instanceof WorkExhausted)) throw e;
      // Past the budget no stylesheet rule is consulted for this page; what matched so far stands.
      this.exhausted = true;
      this.hit('work', null);
    } finally {
      this.workLeft = Math.max(0, meter.left);
      meter.left = Number.POSITIVE_INFINITY;
    }
  }
}
