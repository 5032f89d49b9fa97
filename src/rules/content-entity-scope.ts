import { MAX_PER_CATEGORY } from '../content/drafts.js';
import { entitySignals, type Signal } from '../content/entity-signals.js';
import { otherOrganizationDrafts } from '../content/other-organizations.js';
import { scanPage } from '../content/scan.js';
import { defineRule } from './rule.js';
import type { Draft } from '../model/index.js';

const ID = 'content-entity-scope';

const ESCAPE = {
  'zh-CN': '误报可把词或组件名加入配置 allow，给元素加 data-beian-ignore，或用 <!-- beian-guard-disable content-entity-scope --> 排除。',
  en: 'For a false alarm, add the words or the widget name to allow, put data-beian-ignore on the element, or use <!-- beian-guard-disable content-entity-scope -->.',
} as const;

/** Seed reason 9: 网站内容与备案主体信息不符（个人备案涉及企业内容、A 企业涉及其他企业内容）. */
export default defineRule({
  meta: {
    id: ID,
    defaultSeverity: 'warning',
    seedReasons: [9],
    kind: 'content',
    docs: {
      summary: {
        'zh-CN': '个人备案的网站不能有企业信息、经营交易或论坛注册等互动功能；企业备案的网站不能承载其他单位的内容。',
        en: 'A personal filing may not show organisation content, commerce or interactive services such as forums and sign-up; an enterprise filing may not carry other organisations’ content.',
      },
      why: {
        'zh-CN':
          '核查不通过原因 9 是“网站内容与备案主体信息不符”：个人备案涉及企业内容、A 企业涉及其他企业内容。信号分三组（单位信息、经营交易、互动功能），每组的权重之和达到阈值才报告；公司名只在版权行或页脚里才算强信号，购买、注册等词只在按钮和短链接上才算。仅有评论系统时只在入口页给出提示。',
        en: 'Reason 9 is content that does not match the filing entity: company content on a personal filing, or another company’s content on an enterprise filing. Signals fall in three groups (organisation, commerce, interactive) and a group is reported only when its weights reach the threshold; company names count strongly only in a copyright line or footer, purchase and sign-up words only on buttons and short links. A comment system alone gives a notice on entry pages.',
      },
    },
    messages: {
      organisation: {
        message: { 'zh-CN': '个人备案的网站出现了单位或企业信息：“{signal}”。', en: 'A personal filing shows organisation content: "{signal}".' },
        fix: {
          'zh-CN': `个人备案只能发布个人内容：删除公司名称、公司简介、招商加盟、营业执照等单位信息，或改由单位主体备案（filing: "enterprise"）。${ESCAPE['zh-CN']}`,
          en: `A personal filing may only publish personal content: remove company names, company profiles, franchise offers and licences, or file as an organisation (filing: "enterprise"). ${ESCAPE.en}`,
        },
      },
      commerce: {
        message: { 'zh-CN': '个人备案的网站出现了经营或交易功能：“{signal}”。', en: 'A personal filing shows commerce or payment: "{signal}".' },
        fix: {
          'zh-CN': `非经营性备案不得提供有偿服务：去掉购买、下单、支付功能和价目表，或办理经营许可证并由单位主体备案。${ESCAPE['zh-CN']}`,
          en: `A non-commercial filing may not offer paid services: remove buying, ordering and payment features and price lists, or obtain a commercial licence and file as an organisation. ${ESCAPE.en}`,
        },
      },
      interactive: {
        message: { 'zh-CN': '个人备案的网站出现了互动服务：“{signal}”。', en: 'A personal filing offers an interactive service: "{signal}".' },
        fix: {
          'zh-CN': `个人备案通常不能开设论坛、社区、用户注册登录和留言板：去掉这些功能，或由单位主体备案并办理相应手续。${ESCAPE['zh-CN']}`,
          en: `A personal filing usually may not run forums, communities, user sign-up and login or message boards: remove them, or file as an organisation and obtain what they need. ${ESCAPE.en}`,
        },
      },
      'comment-widget': {
        message: {
          'zh-CN': '入口页加载了评论系统 {signal}；少数省份不接受个人备案网站提供互动功能。',
          en: 'The entry page loads the comment system {signal}; a few provinces do not accept interactive features on personal filings.',
        },
        fix: {
          'zh-CN': '多数省份接受个人博客的评论区。若你的备案省份（如云南）要求无互动功能，关闭评论；否则可忽略，或把组件名（如 "{signal}"）加入 allow 不再提示。',
          en: 'Most provinces accept comments on personal blogs. If your filing province (Yunnan, for one) wants no interactive features, turn comments off; otherwise ignore this, or add the widget name ("{signal}") to allow.',
        },
      },
      'other-organization': {
        message: {
          'zh-CN': '页面出现了其他单位“{signal}”的内容（本页 {count} 处）；网站内容应与备案主体一致。',
          en: 'The page carries content of another organisation, "{signal}" ({count} on this page); content must belong to the filing entity.',
        },
        fix: {
          'zh-CN': '删除其他单位的内容，或由该单位自行备案。若只是正常提及（合作伙伴、客户案例），给该段落加 data-beian-ignore，或用 <!-- beian-guard-disable content-entity-scope --> 排除。',
          en: 'Remove the other organisation’s content, or have it file its own site. If it is only a mention (partners, case studies), put data-beian-ignore on the passage or use <!-- beian-guard-disable content-entity-scope -->.',
        },
      },
    },
  },
  check(page, context) {
    const scan = scanPage(page, context.site);
    if (context.site.filing === 'enterprise') return otherOrganizationDrafts(scan, context.site.otherOrganizations);
    const drafts: Draft[] = [];
    let widget: Signal | undefined;
    let interactiveFlagged = false;
    for (const result of entitySignals(scan)) {
      widget ??= result.signals.find((s) => s.kind === 'comment-widget');
      if (!result.flagged) continue;
      if (result.group === 'interactive') interactiveFlagged = true;
      const reported = [...result.signals]
        .filter((s) => s.weight > 0)
        .sort((a, b) => b.weight - a.weight || a.span.start - b.span.start)
        .slice(0, MAX_PER_CATEGORY)
        .sort((a, b) => a.span.start - b.span.start);
      for (const s of reported) drafts.push({ messageId: result.group, data: { signal: s.label }, span: s.span, evidence: s.evidence });
    }
    // A comment box alone is common and accepted in most provinces: say it once, where reviewers look.
    if (widget && !interactiveFlagged && context.entry) {
      drafts.push({ messageId: 'comment-widget', data: { signal: widget.label }, span: widget.span, evidence: widget.evidence, severity: 'notice' });
    }
    return drafts;
  },
});
