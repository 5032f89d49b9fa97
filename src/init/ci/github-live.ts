/**
 * GitHub Actions: the scheduled live check (docs/live.md). It runs daily and on demand, on the
 * default branch (where GitHub runs every scheduled workflow), and keeps one issue updated with
 * the result (`issue: true`), so nothing depends on a pull request. A workflow of its own: in a
 * public repository GitHub disables a scheduled workflow after 60 days without activity, the
 * whole file with it, and the check on pushes and pull requests must not stop with it.
 */
import { ACTION_REF, scalar, WRITTEN_BY } from '../workflow.js';

export const GITHUB_LIVE_FILE = '.github/workflows/beian-live.yml';

/**
 * Once a day at 01:17 UTC (09:17 in Beijing): a minute off the hour, when GitHub's scheduler is
 * least loaded, and early in the Chinese working day, so a broken filing is seen the same morning.
 */
export const GITHUB_LIVE_CRON = '17 1 * * *';

/** The workflow; `configPath` is the config relative to the repository root. */
export function renderLiveWorkflow(configPath: string): string {
  const lines = [
    '# 线上检查：每天检查已部署的网站（页脚和标题、解析的 IP、域名和证书到期、跳转），',
    '# 结果写进一个原地更新的 issue：失败时创建或重新打开，通过时关闭。',
    '# Live check: once a day, check the deployed site (footer and title, resolved addresses, domain',
    '# and certificate expiry, redirects) and keep one issue updated with the result: opened or',
    `# reopened when the check fails, closed when it passes. ${WRITTEN_BY}.`,
    'name: beian live',
    '',
    'on:',
    '  schedule:',
    '    # 每天 UTC 1:17（北京时间 9:17）/ daily at 01:17 UTC (09:17 in Beijing)',
    `    - cron: '${GITHUB_LIVE_CRON}'`,
    '  # 也可以在 Actions 页面手动运行 / or run it by hand from the Actions tab',
    '  workflow_dispatch:',
    '',
    'permissions:',
    '  contents: read',
    '  # 创建、更新和关闭结果 issue / open, update and close the result issue',
    '  issues: write',
    '',
    '# 一次只运行一个，两次运行不会争抢同一个 issue。',
    '# One run at a time, so two runs never race on the issue.',
    'concurrency:',
    '  group: beian-live',
    '  cancel-in-progress: false',
    '',
    'jobs:',
    '  live:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@v5',
    '      - name: 线上检查 / live check',
    `        uses: ${ACTION_REF}`,
    '        with:',
    '          command: live',
    '          issue: true',
    `          config: ${scalar(configPath)}`,
  ];
  return `${lines.join('\n')}\n`;
}
