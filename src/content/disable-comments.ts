import type { Page } from '../page/page.js';
import { CONTENT_RULE_IDS, type ContentRuleId } from './rule-ids.js';

/**
 * `<!-- beian-guard-disable [rule ids] -->` … `<!-- beian-guard-enable [rule ids] -->`.
 *
 * A disable comment switches the named content rules (all three when no id is given) off from
 * the comment to the next enable comment that names them (or names none), or to the end of the
 * page. Ids may be separated by spaces or commas. Ids that are not content rules are ignored, so
 * a typo never hides anything: the finding it meant to silence stays visible.
 */
// The rule list runs to the end (its split drops trailing space): a lazy list before `\s*$`
// backtracked quadratically on a comment padded with 100,000 spaces.
const DIRECTIVE = /^\s*beian-guard-(disable|enable)(?:\s+([\s\S]*))?$/;

export interface DisabledRanges {
  /** Is a source offset inside a region where `rule` is switched off? */
  readonly covers: (rule: ContentRuleId, sourceOffset: number) => boolean;
}

const NONE: DisabledRanges = { covers: () => false };

export function disabledRanges(page: Page): DisabledRanges {
  const ranges = new Map<ContentRuleId, [number, number][]>();
  const openAt = new Map<ContentRuleId, number>();
  let any = false;
  // page.unseen is in document order for the body; <head> comments come from a separate walk,
  // so sort by offset to be safe.
  const comments = page.unseen.filter((u) => u.kind === 'comment' && u.raw.includes('beian-guard-')).sort((a, b) => a.start - b.start);
  for (const c of comments) {
    const m = DIRECTIVE.exec(c.raw);
    if (!m) continue;
    any = true;
    const named = (m[2] ?? '').split(/[\s,]+/).filter(Boolean);
    const rules = named.length === 0 ? CONTENT_RULE_IDS : CONTENT_RULE_IDS.filter((id) => named.includes(id));
    for (const rule of rules) {
      if (m[1] === 'disable') {
        if (!openAt.has(rule)) openAt.set(rule, c.start);
      } else {
        const from = openAt.get(rule);
        if (from === undefined) continue;
        openAt.delete(rule);
        push(ranges, rule, [from, c.start]);
      }
    }
  }
  if (!any) return NONE;
  for (const [rule, from] of openAt) push(ranges, rule, [from, Number.MAX_SAFE_INTEGER]);
  return {
    covers(rule, offset) {
      const list = ranges.get(rule);
      return !!list && list.some(([a, b]) => offset >= a && offset < b);
    },
  };
}

function push(map: Map<ContentRuleId, [number, number][]>, rule: ContentRuleId, range: [number, number]): void {
  const list = map.get(rule);
  if (list) list.push(range);
  else map.set(rule, [range]);
}
