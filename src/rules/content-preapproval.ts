import { activeHits, shownText, textDraft } from '../content/drafts.js';
import { lexiconsFor } from '../content/lexicons.js';
import { scanPage } from '../content/scan.js';
import { scoreCategory, strongest } from '../content/score.js';
import { defineRule } from './rule.js';
import type { Draft, RuleMessage } from '../model/index.js';

const ID = 'content-preapproval';
/** Terms named in the message: enough to recognise the page's topic. */
const TERMS_SHOWN = 6;

function messages(): Record<string, RuleMessage> {
  const out: Record<string, RuleMessage> = {};
  for (const lexicon of lexiconsFor(ID)) {
    const licence = lexicon.licences?.[0]?.term;
    const zhLicence = licence ? `（如“${licence}”）` : '';
    const enLicence = licence ? ` (such as "${licence}")` : '';
    out[lexicon.category] = {
      message: {
        'zh-CN': `页面看起来提供“${lexicon.name['zh-CN']}”类服务（{terms}），这类内容需要前置审批，配置中没有声明。`,
        en: `The page looks like ${lexicon.name.en} content ({terms}), which needs a pre-approval the config does not declare.`,
      },
      fix: {
        'zh-CN': `已取得许可：在配置 preapprovals 中加入 "${lexicon.category}"，并在页面上展示许可证号${zhLicence}。没有许可：删除或改写这类内容。误报：把词加入 allow，给元素加 data-beian-ignore，或用 <!-- beian-guard-disable content-preapproval --> 排除这一段。`,
        en: `If you hold the licence, add "${lexicon.category}" to preapprovals in the config and show its number on the page${enLicence}. If not, remove or rewrite this content. For a false alarm, add the term to allow, put data-beian-ignore on the element, or exclude the passage with <!-- beian-guard-disable content-preapproval -->.`,
      },
    };
  }
  return out;
}

/** Seed reason 12: 网站内容涉及前置审批项（游戏、药品和医疗器械、新闻等）. */
export default defineRule({
  meta: {
    id: ID,
    defaultSeverity: 'warning',
    seedReasons: [12],
    kind: 'content',
    docs: {
      summary: {
        'zh-CN': '新闻、出版、文化、影视、药品、医疗、教育、游戏、金融、宗教、论坛等内容需要前置审批；配置未声明时提示。',
        en: 'News, publishing, culture, audio-visual, drugs, medical, education, games, finance, religion and forum content needs a pre-approval; warns when the config declares none.',
      },
      why: {
        'zh-CN':
          '核查不通过原因 12 是“网站内容涉及前置审批项”而备案信息中没有对应资质。单个词不算：一个类别要有多个不同的信号、达到阈值才报告（长页面阈值更高）；配置 preapprovals 已声明，或页面展示了该类许可证号（如“京网文”“视听节目许可证”）时不报告。',
        en: 'Reason 12 is content that needs a pre-approval the filing does not hold. A single word is not enough: a category needs several distinct signals reaching a threshold (higher on long pages). Categories declared in preapprovals, or whose licence number the page shows (京网文, 视听节目许可证, …), are not reported.',
      },
    },
    messages: messages(),
  },
  check(page, context) {
    const scan = scanPage(page, context.site);
    const declared = new Set<string>(context.site.preapprovals);
    const drafts: Draft[] = [];
    for (const lexicon of lexiconsFor(ID)) {
      if (declared.has(lexicon.category) || scan.licencesShown.has(lexicon.category)) continue;
      const result = scoreCategory(lexicon, activeHits(scan, ID, lexicon), { textLength: scan.text.length });
      if (!result.flagged) continue;
      const top = strongest(result.tallies, TERMS_SHOWN);
      // One finding per category, at its heaviest term: the category is the problem, the terms its evidence.
      const anchor = [...top].sort((a, b) => b.weight - a.weight || a.first.start - b.first.start)[0];
      if (!anchor) continue;
      const terms = top.map((t) => shownText(scan, t.first)).join('、');
      drafts.push(textDraft(scan, anchor.first, lexicon.category, { term: shownText(scan, anchor.first), terms }));
    }
    return drafts;
  },
});
