import { VERSION } from '../version.js';

export const HELP = `beian-guard ${VERSION}
检查构建后的网站是否满足备案核查要求（ICP 备案号、公安备案号、工信部链接、网站标题、内容）。
Checks a built website for its ICP filing footer, public-security number, MIIT link, title and content.

Usage:
  beian-guard check [dir] [options]      check the built site in dir (or the roots named in the config)
  beian-guard init [options]             detect the site generator and write beian.config.json and a workflow
  beian-guard --version | --help

Options for check:
  --icp <number>             filed ICP number, e.g. 京ICP备2023012345号-1
  --police <number>          public-security number, e.g. 京公网安备11010502030143号
  --site-name <name>         filed website name (网站名称)
  --filing personal|enterprise
  -c, --config <file>        config file (default: beian.config.json, .beianrc.json or .beianrc.yaml in the cwd)
  --scope entry|all          footer and title rules on entry pages only (default) or on every page
  -f, --format stylish|json|sarif
  -o, --output <file>        write the report to a file instead of stdout
  --force                    replace an existing --output file that is not a beian-guard report
  --lang zh-CN|en            language of messages (default zh-CN)
  --fail-on error|warning|never   lowest severity that fails the run (default error)
  --workers <n>              page processes for scope all (0 or 1 = one; default: one per core)
  --no-source-map            do not look for the template or config file behind each finding

Exit codes: 0 passed, 1 findings at or above --fail-on, 2 usage, config or input error.
`;
