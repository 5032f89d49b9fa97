import { policeUrl } from '../domain/links.js';
import { defineRule } from './rule.js';
import { absenceDraft } from './shared/absence.js';
import { unseenMessages } from './shared/unseen-messages.js';

/** The provider's note under reason 10: the footer needs both the ICP and the public-security number. */
export default defineRule({
  meta: {
    id: 'police-present',
    defaultSeverity: 'error',
    seedReasons: [10],
    kind: 'footer',
    docs: {
      summary: {
        'zh-CN': '入口页面必须展示公安备案号（公网安备）。',
        en: 'An entry page must show the public-security filing number (公网安备).',
      },
      why: {
        'zh-CN': '接入商说明“网站底部备案号需要同时添加 ICP 备案号，以及公安备案号”；公安部令第 33 号要求联网后 30 日内办理公安备案。',
        en: 'The provider states that the footer must carry both the ICP number and the public-security number; MPS order 33 requires the public-security filing within 30 days of going online.',
      },
    },
    messages: {
      missing: {
        message: { 'zh-CN': '页面上没有公安备案号（应为 {expected}）。', en: 'The page shows no public-security number (expected {expected}).' },
        fix: {
          'zh-CN': '在 footer 中加入 <a href="{url}">{expected}</a>，并附上公安备案图标。',
          en: 'Add <a href="{url}">{expected}</a> to the footer, with the public-security badge icon.',
        },
      },
      'not-configured': {
        message: {
          'zh-CN': '页面上没有公安备案号，配置中也没有填写 police。',
          en: 'The page shows no public-security number and the config names none.',
        },
        fix: {
          'zh-CN': '网站上线后 30 日内在全国互联网安全管理服务平台办理公安备案，然后把号码填入配置的 police 并加到 footer。',
          en: 'File with the national internet security platform within 30 days of going live, then set `police` in the config and add the number to the footer.',
        },
      },
      ...unseenMessages('公安'),
    },
  },
  check(page, context) {
    if (context.footer().police.length > 0) return [];
    const expected = context.site.police;
    const draft = absenceDraft(page, 'police', expected ? 'missing' : 'not-configured');
    if (!expected) {
      // Without a configured number a missing one is a warning: the filing may still be in progress.
      return [{ ...draft, severity: 'warning' }];
    }
    return [{ ...draft, data: { ...draft.data, expected: expected.canonical, url: policeUrl(expected.digits) } }];
  },
});
