import { provinceByPoliceChar } from '../domain/provinces.js';
import { defineRule } from './rule.js';
import type { Draft } from '../model/index.js';

export default defineRule({
  meta: {
    id: 'police-format',
    defaultSeverity: 'error',
    seedReasons: [10],
    kind: 'footer',
    docs: {
      summary: {
        'zh-CN': '公安备案号应为“省简称 + 公网安备 + 14 位数字 + 号”，前两位数字与省份简称一致。',
        en: 'A public-security number is province character + 公网安备 + 14 digits + 号, and its first two digits match the province.',
      },
      why: {
        'zh-CN': '前两位是受理公安机关所在省份的行政区划代码；与简称不符或位数不对，说明号码抄错或是别人的号码。',
        en: 'The first two digits are the province code of the accepting police office; a mismatch or a wrong length means the number was copied wrongly or belongs to someone else.',
      },
    },
    messages: {
      'region-mismatch': {
        message: { 'zh-CN': '{number} 的前两位数字 {code} 与省份简称“{province}”不符。', en: 'The first two digits {code} of {number} do not match the province character {province}.' },
        fix: { 'zh-CN': '核对公安备案号：简称与号码前两位应属同一省份。', en: 'Check the number: its character and first two digits must name the same province.' },
      },
      digits: {
        message: { 'zh-CN': '{number} 有 {count} 位数字，公安备案号应为 14 位。', en: '{number} has {count} digits; a public-security number has 14.' },
        fix: { 'zh-CN': '从全国互联网安全管理服务平台复制完整的 14 位号码。', en: 'Copy the full 14-digit number from the national platform.' },
      },
      'legacy-length': {
        message: { 'zh-CN': '{number} 是旧式的 12/13 位号码。', en: '{number} is an old 12 or 13 digit number.' },
        fix: { 'zh-CN': '到 beian.mps.gov.cn 查询当前的 14 位号码并替换。', en: 'Look up the current 14-digit number on beian.mps.gov.cn and use it.' },
      },
      'unknown-province': {
        message: { 'zh-CN': '{number} 开头的“{province}”不是已知的省份简称。', en: '{number} starts with {province}, which is not a known province character.' },
        fix: { 'zh-CN': '使用平台给出的写法，如“京公网安备”“粤公网安备”。', en: 'Use the form the platform gives, such as 京公网安备 or 粤公网安备.' },
      },
      'no-province': {
        message: { 'zh-CN': '{number} 前面没有省份简称。', en: '{number} has no province character in front.' },
        fix: { 'zh-CN': '按平台给出的完整写法展示，如“京公网安备11010502030143号”。', en: 'Show it in the platform\'s full form, such as 京公网安备11010502030143号.' },
      },
      alias: {
        message: { 'zh-CN': '{number} 使用了别称“{province}”，平台通常写作“{canonical}”。', en: '{number} uses the alternative character {province}; the platform usually writes {canonical}.' },
        fix: { 'zh-CN': '按平台给出的原文书写号码。', en: 'Write the number exactly as the platform shows it.' },
      },
      nonstandard: {
        message: { 'zh-CN': '{number} 写成了“{wording}”，平台给出的写法是“公网安备”。', en: '{number} is worded “{wording}”; the platform writes 公网安备.' },
        fix: { 'zh-CN': '按“省简称公网安备 14 位数字号”的格式书写，如“{canonical}”。', en: 'Write it as <province>公网安备<14 digits>号, such as {canonical}.' },
      },
      'no-hao': {
        message: { 'zh-CN': '{number} 末尾少了“号”字。', en: '{number} lacks the closing 号.' },
        fix: { 'zh-CN': '按平台给出的原文书写，如“{canonical}”。', en: 'Write it exactly as the platform shows it, such as {canonical}.' },
      },
      syntax: {
        message: { 'zh-CN': '{number} 不是有效的公安备案号格式。', en: '{number} is not a valid public-security number.' },
        fix: { 'zh-CN': '按“省简称公网安备 14 位数字号”的格式书写。', en: 'Write it as <province>公网安备<14 digits>号.' },
      },
    },
  },
  check(_page, context) {
    const drafts: Draft[] = [];
    const seen = new Set<string>();
    for (const s of context.footer().police) {
      const number = s.match.text;
      if (seen.has(number)) continue;
      seen.add(number);
      const p = s.match.parsed;
      const base = { span: s.span, evidence: number };
      const province = p.ok ? (p.value.province ?? '') : (p.value?.province ?? '');
      const digits = p.ok ? p.value.digits : (p.value?.digits ?? '');
      const canonical = p.ok ? p.value.canonical : (p.value?.canonical ?? `${province}公网安备${digits}号`);
      // Each thing that is wrong is said on its own, so a variant is never read as "no number".
      if (!p.ok) {
        const messageId = p.reason === 'empty' ? 'syntax' : p.reason === 'unknown-province' && !province ? 'no-province' : p.reason;
        drafts.push({ ...base, messageId, data: { number, code: digits.slice(0, 2), province, count: digits.length } });
      } else {
        if (p.warnings.includes('legacy-length')) drafts.push({ ...base, messageId: 'legacy-length', severity: 'warning', data: { number } });
        if (p.value.provinceAlias) {
          drafts.push({ ...base, messageId: 'alias', severity: 'warning', data: { number, province, canonical: provinceByPoliceChar(province)?.province.police ?? province } });
        }
      }
      if (s.match.nonstandard) drafts.push({ ...base, messageId: 'nonstandard', severity: 'warning', data: { number, wording: s.match.wording, canonical } });
      else if (!s.match.hao) drafts.push({ ...base, messageId: 'no-hao', severity: 'warning', data: { number, canonical } });
    }
    return drafts;
  },
});
