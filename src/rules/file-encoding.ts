import { defineRule } from './rule.js';

/** Raised by the engine while decoding: mojibake hides a number from every other rule. */
export default defineRule({
  meta: {
    id: 'file-encoding',
    defaultSeverity: 'warning',
    seedReasons: [10],
    kind: 'input',
    docs: {
      summary: {
        'zh-CN': '页面声明的字符编码与实际字节不符，备案号可能显示为乱码。',
        en: 'The page declares one character encoding but its bytes are in another; the number may show as mojibake.',
      },
      why: {
        'zh-CN': '乱码的备案号在核查人员看来就是没有备案号。',
        en: 'A garbled number reads to a reviewer as no number at all.',
      },
    },
    messages: {
      'invalid-bytes': {
        message: { 'zh-CN': '按 {encoding} 解码时有 {count} 处无效字节。', en: '{count} invalid byte sequences when decoded as {encoding}.' },
        fix: { 'zh-CN': '用 UTF-8 保存页面并声明 <meta charset="utf-8">。', en: 'Save the page as UTF-8 and declare <meta charset="utf-8">.' },
      },
      'meta-mismatch': {
        message: { 'zh-CN': '页面声明编码为 {declared}，但内容更像 {likely}。', en: 'The page declares {declared} but its bytes look like {likely}.' },
        fix: { 'zh-CN': '让 <meta charset> 与文件实际编码一致（推荐 UTF-8）。', en: 'Make <meta charset> match the real encoding (UTF-8 is best).' },
      },
      'bom-overrides-meta': {
        message: { 'zh-CN': '文件的 BOM 与 <meta charset>（{declared}）不一致，浏览器以 BOM 为准。', en: 'The byte-order mark disagrees with <meta charset> ({declared}); browsers follow the BOM.' },
        fix: { 'zh-CN': '去掉 BOM 或修正 <meta charset>，使两者一致。', en: 'Drop the BOM or correct <meta charset> so they agree.' },
      },
      'nul-bytes': {
        message: { 'zh-CN': '页面中有 {count} 个 NUL 字节。', en: 'The page contains {count} NUL bytes.' },
        fix: { 'zh-CN': '检查生成该页面的构建步骤。', en: 'Check the build step that writes this page.' },
      },
    },
  },
});
