import { defineRule } from './rule.js';

/**
 * Raised by the engine, not by a page check: a gate must never pass over a page it did not read
 * without saying so. An unread entry page is an error; any other unread page is a warning.
 */
export default defineRule({
  meta: {
    id: 'file-skipped',
    // The engine lowers this to a warning for pages that are not entry pages.
    defaultSeverity: 'error',
    seedReasons: [10],
    kind: 'input',
    docs: {
      summary: {
        'zh-CN': '有页面没有被检查（文件过大、是二进制、无法读取，或符号链接指向站点目录之外）。',
        en: 'A page could not be checked (too large, binary, unreadable, or a symlink leading outside the site folder).',
      },
      why: {
        'zh-CN': '没有检查到的页面可能缺少备案信息；检查工具必须说出它跳过了什么，而不是悄悄通过。',
        en: 'A page that was not checked may lack its filing footer; a gate must say what it skipped instead of passing quietly.',
      },
    },
    messages: {
      'too-large': {
        message: { 'zh-CN': '文件有 {size}，超过上限 {limit}，未检查。', en: 'The file is {size}, over the {limit} limit; it was not checked.' },
        fix: { 'zh-CN': '确认它确实是网页；如是，调大 maxFileSizeMB，否则用 exclude 排除它。', en: 'If it really is a page, raise maxFileSizeMB; otherwise exclude it.' },
      },
      binary: {
        message: { 'zh-CN': '文件扩展名是 .html，但内容是二进制数据，未检查。', en: 'The file is named .html but holds binary data; it was not checked.' },
        fix: { 'zh-CN': '检查构建流程为何生成了这个文件，或用 exclude 排除它。', en: 'Find out why the build wrote it, or exclude it.' },
      },
      unreadable: {
        message: { 'zh-CN': '无法读取文件：{detail}。', en: 'The file could not be read: {detail}.' },
        fix: { 'zh-CN': '检查文件权限，或用 exclude 排除它。', en: 'Check the file permissions, or exclude it.' },
      },
      vanished: {
        message: {
          'zh-CN': '文件在列出目录之后、读取之前消失了，未检查。',
          en: 'The file was listed but was gone by the time it was read; it was not checked.',
        },
        fix: {
          'zh-CN': '确认构建已经结束、没有别的进程在改写输出目录，然后重新运行检查。',
          en: 'Make sure the build has finished and nothing else is rewriting the output folder, then run the check again.',
        },
      },
      'bad-name': {
        message: {
          'zh-CN': '文件名不是有效的 UTF-8（{detail}），无法按名称读取，未检查。',
          en: 'The file name is not valid UTF-8 ({detail}); the file cannot be opened by its name and was not checked.',
        },
        fix: {
          'zh-CN': '把文件改用 UTF-8 文件名（网址中的文件名本来就按 UTF-8 解释），或用 exclude 排除它。',
          en: 'Give it a UTF-8 name (browsers read names in URLs as UTF-8 anyway), or exclude it.',
        },
      },
      'bad-folder-name': {
        message: {
          'zh-CN': '文件夹名不是有效的 UTF-8（{detail}），其中的页面都没有检查。',
          en: 'The folder name is not valid UTF-8 ({detail}); no page in it was checked.',
        },
        fix: {
          'zh-CN': '把文件夹改用 UTF-8 名称，或用 exclude 排除它。',
          en: 'Give the folder a UTF-8 name, or exclude it.',
        },
      },
      'symlink-outside-root': {
        message: { 'zh-CN': '符号链接指向站点目录之外（{detail}），未跟随。', en: 'A symlink points outside the site folder ({detail}); it was not followed.' },
        fix: { 'zh-CN': '把要发布的页面放在站点目录之内，或用 exclude 排除这个链接。', en: 'Keep published pages inside the site folder, or exclude the link.' },
      },
      'symlink-loop': {
        message: { 'zh-CN': '符号链接形成了循环（{detail}），未跟随。', en: 'A symlink forms a loop ({detail}); it was not followed.' },
        fix: { 'zh-CN': '删除循环的符号链接。', en: 'Remove the looping symlink.' },
      },
      'too-deep': {
        message: {
          'zh-CN': '页面元素嵌套超过 {limit} 层，未检查。',
          en: 'Elements are nested more than {limit} levels deep; the page was not checked.',
        },
        fix: {
          'zh-CN': '真实网页不会嵌套这么深，多半是模板里有没闭合的标签；修正模板，或用 exclude 排除这个文件。',
          en: 'No real page nests this deep; look for an unclosed tag in the template that writes it, or exclude the file.',
        },
      },
      'check-failed': {
        message: {
          'zh-CN': '检查这个页面时 beian-guard 内部出错（{detail}），页面未检查。',
          en: 'beian-guard failed while checking this page ({detail}); the page was not checked.',
        },
        fix: {
          'zh-CN': '这是 beian-guard 的缺陷：请附上命令和这个页面报告问题；修复之前可以用 exclude 暂时排除它。',
          en: 'This is a bug in beian-guard: please report it with the command and the page; until it is fixed you can exclude the page.',
        },
      },
      'too-slow': {
        message: {
          'zh-CN': '检查这个页面超过了 {seconds} 秒，已被中止，页面未检查。',
          en: 'Checking this page took longer than {seconds} s; it was stopped and the page was not checked.',
        },
        fix: {
          'zh-CN': '真实网页几秒内就能查完：看看页面里是否有巨大或重复的样式表、极多的元素；确属正常页面时用 BEIAN_GUARD_PAGE_TIMEOUT_MS 放宽时限，否则用 exclude 排除它。',
          en: 'A real page is checked within seconds: look for a huge or repetitive stylesheet or an enormous number of elements; if the page is genuine, raise BEIAN_GUARD_PAGE_TIMEOUT_MS, otherwise exclude it.',
        },
      },
      'out-of-memory': {
        message: {
          'zh-CN': '检查这个页面需要超过 {limit} 的内存，已被中止，页面未检查。',
          en: 'Checking this page needed more than {limit} of memory; it was stopped and the page was not checked.',
        },
        fix: {
          'zh-CN': '看看页面里是否有巨大或重复的样式表（例如同一个样式表被引用上千次）；确属正常页面时用 BEIAN_GUARD_PAGE_MEMORY_MB 调大上限，否则用 exclude 排除它。',
          en: 'Look for a huge or repetitive stylesheet (one sheet linked thousands of times, say); if the page is genuine, raise BEIAN_GUARD_PAGE_MEMORY_MB, otherwise exclude it.',
        },
      },
      'not-a-file': {
        message: { 'zh-CN': '路径不是普通文件（{detail}），未检查。', en: 'The path is not a regular file ({detail}); it was not checked.' },
        fix: { 'zh-CN': '用 exclude 排除它。', en: 'Exclude it.' },
      },
    },
  },
});
