export const id = 258;
export const ids = [258];
export const modules = {

/***/ 8258:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LIVE_HELP: () => (/* binding */ LIVE_HELP),
/* harmony export */   parseLiveArgs: () => (/* binding */ parseLiveArgs),
/* harmony export */   runLiveCommand: () => (/* binding */ runLiveCommand)
/* harmony export */ });
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(57975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _config_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(37827);
/* harmony import */ var _config_load_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(61036);
/* harmony import */ var _config_resolve_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(68270);
/* harmony import */ var _engine_report_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(594);
/* harmony import */ var _live_run_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(77575);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(71013);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(77593);
/* harmony import */ var _output_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(96657);









const LIVE_HELP = `beian-guard live [options]
检查已部署的网站：首页页脚和标题、域名解析的 IP、域名和证书到期、跳转。需要配置文件中的 domains。
Checks the deployed site: homepage footer and title, resolved addresses, domain and certificate expiry, redirects. Needs domains in the config file.

Options:
  -c, --config <file>        config file (default: beian.config.json, .beianrc.json or .beianrc.yaml in the cwd)
  -f, --format ${_args_js__WEBPACK_IMPORTED_MODULE_7__/* .FORMATS */ .h.join('|')}
  -o, --output <file>        write the report to a file instead of stdout
  --lang zh-CN|en            language of messages (default zh-CN)
  --fail-on error|warning|never   lowest severity that fails the run (default error)

Exit codes: 0 passed, 1 findings at or above --fail-on, 2 usage or config error.
Network failures are findings (live-unreachable, live-skipped), never exit code 2.
See docs/live.md.
`;
const LIVE_OPTIONS = {
    config: { type: 'string', short: 'c' },
    format: { type: 'string', short: 'f' },
    output: { type: 'string', short: 'o' },
    lang: { type: 'string' },
    'fail-on': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
};
function parseLiveArgs(argv) {
    let parsed;
    try {
        parsed = (0,node_util__WEBPACK_IMPORTED_MODULE_0__.parseArgs)({ args: [...argv], options: LIVE_OPTIONS, allowPositionals: true, strict: true });
    }
    catch (e) {
        throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(`live: ${e instanceof Error ? e.message.replace(/\. To specify a positional argument.*$/s, '') : String(e)}`);
    }
    const { values, positionals } = parsed;
    if (values.help)
        return 'help';
    if (positionals.length > 0)
        throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(`live takes no folder (it fetches the domains in the config), got: ${positionals.join(' ')}`);
    const format = values.format ?? 'stylish';
    if (!_args_js__WEBPACK_IMPORTED_MODULE_7__/* .FORMATS */ .h.includes(format))
        throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(`--format: "${format}" is not one of ${_args_js__WEBPACK_IMPORTED_MODULE_7__/* .FORMATS */ .h.join(', ')}`);
    return {
        format: format,
        ...(values.config !== undefined && { config: values.config }),
        ...(values.output !== undefined && { output: values.output }),
        ...(values.lang !== undefined && { lang: values.lang }),
        ...(values['fail-on'] !== undefined && { failOn: values['fail-on'] }),
    };
}
/** `beian-guard live`: the exit code as for check (0 passed, 1 findings at fail-on); config problems throw InputError (2). */
async function runLiveCommand(argv, io, hooks) {
    const args = parseLiveArgs(argv);
    if (args === 'help') {
        io.stdout.write(LIVE_HELP);
        return 0;
    }
    const found = args.config ?? (0,_config_load_js__WEBPACK_IMPORTED_MODULE_2__/* .findConfigFile */ ["if"])(io.cwd);
    if (!found)
        throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d('live needs a config file that names the filed domains (beian.config.json with "domains": ["example.cn"]); see docs/live.md');
    const file = (0,_config_load_js__WEBPACK_IMPORTED_MODULE_2__/* .loadConfigFile */ .HT)(found, io.cwd);
    const config = (0,_config_resolve_js__WEBPACK_IMPORTED_MODULE_3__/* .resolveConfig */ .pE)(file, { ...(args.lang !== undefined && { lang: args.lang }), ...(args.failOn !== undefined && { failOn: args.failOn }) }, io.cwd);
    const report = await (0,_live_run_js__WEBPACK_IMPORTED_MODULE_5__.runLive)(config, { cwd: io.cwd, version: _version_js__WEBPACK_IMPORTED_MODULE_6__/* .VERSION */ .x, env: io.env });
    (0,_output_js__WEBPACK_IMPORTED_MODULE_8__/* .emitReport */ .K)(report, config, args, io, hooks);
    return (0,_engine_report_js__WEBPACK_IMPORTED_MODULE_4__/* .failed */ .gz)(report, config.failOn) ? 1 : 0;
}


/***/ })

};
