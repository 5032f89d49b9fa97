import { defineRule } from './rule.js';

/**
 * Raised by the engine in render mode (issue 14), never by a page check: an entry page the
 * browser could not load, or whose script held it past the time limit, was not checked the way
 * a reviewer sees it, and a gate must say so rather than pass. Notices and warnings cover what
 * was checked anyway (a page that kept changing, a page that tried to leave the site) and a run
 * that could not render at all in `auto` mode.
 */
export default defineRule({
  meta: {
    id: 'render-skipped',
    defaultSeverity: 'error',
    seedReasons: [10],
    kind: 'input',
    docs: {
      summary: {
        'zh-CN': '渲染模式下，入口页面能在浏览器中正常加载、脚本能结束；没能渲染的页面都会说明原因。',
        en: 'In render mode, entry pages load in the browser and their scripts finish; any page that could not be rendered is reported with the reason.',
      },
      why: {
        'zh-CN': '核查人员用浏览器打开首页；页面卡死或加载失败时，他们看不到底部的备案号（原因 10）。检查工具不能把没渲染成功的页面当作通过。',
        en: 'Reviewers open the homepage in a browser; a page that hangs or fails to load shows them no filing number (reason 10). A gate must not count a page it could not render as passed.',
      },
    },
    messages: {
      'script-timeout': {
        message: {
          'zh-CN': '在 {viewport} 视口渲染时，页面脚本运行超过 {timeout} 毫秒仍未结束，已被强行终止；访问者的浏览器会卡住。',
          en: 'Rendered at {viewport}, the page script was still running after {timeout} ms and was terminated; a visitor\'s browser would hang.',
        },
        fix: {
          'zh-CN': '找出页面加载后一直占用主线程的脚本（死循环、同步的大量计算），修正它；如果页面只是很慢，可以调大 render.timeoutMs。',
          en: 'Find the script that keeps the main thread busy after load (an endless loop, heavy synchronous work) and fix it; if the page is only slow, raise render.timeoutMs.',
        },
      },
      'load-failed': {
        message: {
          'zh-CN': '在 {viewport} 视口渲染时页面没能加载：{detail}。',
          en: 'Rendered at {viewport}, the page did not load: {detail}.',
        },
        fix: {
          'zh-CN': '确认构建产物中的这个页面能在浏览器中直接打开；如果浏览器本身出错，换一个 Chrome/Chromium（--browser）。',
          en: 'Make sure this page of the build opens in a browser on its own; if the browser itself failed, try another Chrome or Chromium (--browser).',
        },
      },
      'not-settled': {
        message: {
          'zh-CN': '在 {viewport} 视口渲染时，页面在 {timeout} 毫秒内一直在变化，已按时限到达时的样子检查。',
          en: 'Rendered at {viewport}, the page kept changing for {timeout} ms; it was checked as it was when the time limit came.',
        },
        fix: {
          'zh-CN': '一般无需处理。如果页脚出现得更晚，调大 render.timeoutMs。',
          en: 'Usually nothing to do. If the footer appears later than that, raise render.timeoutMs.',
        },
      },
      'left-site': {
        message: {
          'zh-CN': '在 {viewport} 视口渲染时，页面试图跳转到站点之外（{url}），跳转已被阻止，检查的是跳转前的页面。',
          en: 'Rendered at {viewport}, the page tried to navigate away from the site ({url}); the navigation was stopped and the page was checked as it was.',
        },
        fix: {
          'zh-CN': '首页不要自动跳转到其他域名：核查人员打开的是备案的域名，跳走后看不到本站的备案号。',
          en: 'Do not redirect the homepage to another domain: reviewers open the filed domain and, once sent away, see no number of this site.',
        },
      },
      'no-browser': {
        message: {
          'zh-CN': '有 {count} 个入口页面是客户端渲染的空壳，但没有找到 Chrome/Chromium，未渲染检查，沿用静态检查的结果。{hint}',
          en: '{count} entry pages are client-rendered shells, but no Chrome or Chromium was found, so they were not rendered and the static verdict stands. {hint}',
        },
        fix: {
          'zh-CN': '安装浏览器或用 --browser 指定路径后，beian-guard 会自动渲染这些页面；用 --render off 可关闭渲染。',
          en: 'Once a browser is installed or named with --browser, beian-guard renders these pages on its own; --render off turns rendering off.',
        },
      },
      'browser-failed': {
        message: {
          'zh-CN': '找到的浏览器无法启动，未渲染检查，沿用静态检查的结果：{detail}',
          en: 'The browser found could not be started, so nothing was rendered and the static verdict stands: {detail}',
        },
        fix: {
          'zh-CN': '用 --browser 指定一个能运行的 Chrome/Chromium，或用 --render off 关闭渲染。',
          en: 'Name a working Chrome or Chromium with --browser, or turn rendering off with --render off.',
        },
      },
    },
  },
});
