import { activeHits, MAX_PER_CATEGORY, shownText, textDraft } from '../content/drafts.js';
import { counterContext, lexiconsFor } from '../content/lexicons.js';
import { scanPage } from '../content/scan.js';
import { scoreCategory, strongest } from '../content/score.js';
import { defineRule } from './rule.js';
import type { Draft, RuleMessage } from '../model/index.js';

const ID = 'content-prohibited';
/** Distinct warning or moderation words that mark a page as quoting rather than offering. */
const QUOTED_MIN = 2;

const FIX = {
  'zh-CN':
    '删除这段内容。若是误报（反诈宣传、敏感词过滤的技术文章等），可把该词加入配置 allow，给所在元素加 data-beian-ignore 属性，或用 <!-- beian-guard-disable content-prohibited --> … <!-- beian-guard-enable content-prohibited --> 包住这一段。',
  en: 'Remove this content. If it is a false alarm (an anti-fraud notice, an article about word filters), add the term to allow in the config, put data-beian-ignore on the element, or wrap the passage in <!-- beian-guard-disable content-prohibited --> … <!-- beian-guard-enable content-prohibited -->.',
} as const;

function messages(): Record<string, RuleMessage> {
  const out: Record<string, RuleMessage> = {};
  for (const lexicon of lexiconsFor(ID)) {
    out[lexicon.category] = {
      message: {
        'zh-CN': `页面含有${lexicon.name['zh-CN']}内容：“{term}”（本页 {count} 处）。`,
        en: `The page contains ${lexicon.name.en} content: "{term}" ({count} on this page).`,
      },
      fix: FIX,
    };
  }
  return out;
}

/** Seed reason 11: 部分内容违规（涉赌、涉黄、涉诈等）. */
export default defineRule({
  meta: {
    id: ID,
    defaultSeverity: 'error',
    seedReasons: [11],
    kind: 'content',
    docs: {
      summary: {
        'zh-CN': '页面不得含有赌博、色情、诈骗、毒品、枪爆和其他违法服务内容。',
        en: 'Pages must not carry gambling, pornography, fraud, drugs, weapons or other illegal-service content.',
      },
      why: {
        'zh-CN':
          '核查不通过原因 11 是“部分内容违规”（涉赌、涉黄、涉诈等）；严重的会被注销备案并列入黑名单。明确的违规词单独出现即报告，含义模糊的词要与其他词同时出现；页面同时有“警惕、举报、反诈”等词时视为引用，降为警告。',
        en: 'Reason 11 is prohibited content (gambling, pornography, fraud and the like); serious cases lose the filing and are blacklisted. Unambiguous terms are reported on their own, ambiguous ones only together with others; on pages that also use warning words (警惕, 举报, 反诈) the terms are taken as quoted and reported as warnings.',
      },
    },
    messages: messages(),
  },
  check(page, context) {
    const scan = scanPage(page, context.site);
    const textLength = scan.text.length;
    const counter = scoreCategory(counterContext(), scan.byLexicon.get('prohibited-context') ?? [], { textLength });
    const quoted = counter.tallies.length >= QUOTED_MIN;
    const drafts: Draft[] = [];
    for (const lexicon of lexiconsFor(ID)) {
      const result = scoreCategory(lexicon, activeHits(scan, ID, lexicon), { textLength, strict: quoted });
      if (!result.flagged) continue;
      for (const tally of strongest(result.tallies, MAX_PER_CATEGORY)) {
        drafts.push(
          textDraft(scan, tally.first, lexicon.category, { term: shownText(scan, tally.first), count: tally.count }, quoted ? 'warning' : undefined),
        );
      }
    }
    return drafts;
  },
});
