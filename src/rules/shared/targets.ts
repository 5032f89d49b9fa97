import { compareIcp, entityNumberAccepted } from '../../domain/icp.js';
import type { ShownIcp, ShownPolice } from '../../page/footer-facts.js';
import type { RuleContext } from '../rule.js';

/**
 * The ICP numbers the link, placement and hidden rules judge: the configured number (or its
 * accepted entity form) where the page shows it, else every well-formed number it shows — a
 * wrong number that is also badly linked deserves both findings.
 */
export function icpTargets(context: RuleContext): ShownIcp[] {
  const shown = context.footer().icp;
  const expected = context.site.icp;
  const matching = shown.filter((s) => {
    if (!s.match.parsed.ok) return false;
    const c = compareIcp(expected, s.match.parsed.value);
    return c === 'same' || (c === 'entity-only' && entityNumberAccepted(expected));
  });
  if (matching.length > 0) return matching;
  const entity = shown.filter((s) => s.match.parsed.ok && compareIcp(expected, s.match.parsed.value) === 'entity-only');
  if (entity.length > 0) return entity;
  return shown.filter((s) => s.match.parsed.ok || !s.match.lookalike);
}

/** Police numbers to judge: those equal to the configured number, else all shown. */
export function policeTargets(context: RuleContext): ShownPolice[] {
  const shown = context.footer().police;
  const expected = context.site.police;
  if (expected) {
    const same = shown.filter((s) => digitsOf(s) === expected.digits);
    if (same.length > 0) return same;
  }
  return [...shown];
}

export function digitsOf(s: ShownPolice): string {
  const p = s.match.parsed;
  return p.ok ? p.value.digits : (p.value?.digits ?? s.match.text.replace(/\D/g, ''));
}

/** Keeps the first of several numbers inside the same anchor (one finding per link). */
export function onePerAnchor<T extends { anchor: unknown }>(items: readonly T[]): T[] {
  const seen = new Set<unknown>();
  return items.filter((i) => {
    if (i.anchor === null) return true;
    if (seen.has(i.anchor)) return false;
    seen.add(i.anchor);
    return true;
  });
}
