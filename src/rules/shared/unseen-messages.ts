import type { RuleMessage } from '../../model/index.js';

/** Messages for a number that exists in the file but not where a visitor can see it. */
export function unseenMessages(label: 'ICP' | '公安'): Record<string, RuleMessage> {
  const zh = label === 'ICP' ? 'ICP 备案号' : '公安备案号';
  const en = label === 'ICP' ? 'ICP filing number' : 'public-security filing number';
  return {
    'only-script': {
      message: {
        'zh-CN': `${zh} {number} 只出现在 <script> 中，浏览器不运行脚本时看不到它。`,
        en: `The ${en} {number} appears only inside a <script>; without running scripts nobody sees it.`,
      },
      fix: {
        'zh-CN': '把备案号直接写进页面模板的 footer HTML（由服务端或构建时渲染），不要只靠 JavaScript 插入。',
        en: 'Write the number into the footer HTML of the page template (rendered at build or on the server) instead of injecting it with JavaScript.',
      },
    },
    'only-comment': {
      message: {
        'zh-CN': `${zh} {number} 只出现在 HTML 注释里，页面上不显示。`,
        en: `The ${en} {number} appears only inside an HTML comment, so the page does not show it.`,
      },
      fix: {
        'zh-CN': '取消 footer 中备案号那一段的注释，或在主题配置里重新开启备案信息。',
        en: 'Uncomment the footer block that holds the number, or turn the filing line back on in the theme config.',
      },
    },
    'only-noscript': {
      message: {
        'zh-CN': `${zh} {number} 只出现在 {element} 中，正常访问时不显示。`,
        en: `The ${en} {number} appears only inside {element}, which a normal visit does not show.`,
      },
      fix: {
        'zh-CN': '把备案号移到始终渲染的 footer 元素中。',
        en: 'Move the number into a footer element that always renders.',
      },
    },
    'spa-shell': {
      message: {
        'zh-CN': `这是一个客户端渲染的空壳页面（{mount} 为空，内容由脚本生成），静态 HTML 中没有${zh}。`,
        en: `This is a client-rendered shell ({mount} is empty and scripts build the content); its static HTML has no ${en}.`,
      },
      fix: {
        'zh-CN': '在 index.html 模板中 {mount} 之外直接写一个静态 <footer>（包含备案号和链接），或启用预渲染/SSG，让备案号出现在构建产物里。',
        en: 'Put a static <footer> with the number and its link into index.html outside {mount}, or enable prerendering/SSG so the number is in the built HTML.',
      },
    },
    // Render mode: the browser showed the number, so only crawlers that run no script miss it.
    'spa-shell-rendered': {
      message: {
        'zh-CN': `渲染后的页面显示了${zh}，但静态 HTML 是客户端渲染的空壳（{mount} 为空）：不运行脚本的爬虫看不到页脚。`,
        en: `The rendered page shows the ${en}, but the static HTML is a client-rendered shell ({mount} is empty): crawlers that run no script see no footer.`,
      },
      fix: {
        'zh-CN': '在 index.html 模板中 {mount} 之外写一个静态 <footer>（包含备案号和链接），或启用预渲染/SSG，让不运行脚本的访问者也能看到它。',
        en: 'Put a static <footer> with the number and its link into index.html outside {mount}, or enable prerendering/SSG, so visitors that run no script see it too.',
      },
    },
  };
}
