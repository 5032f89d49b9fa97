/** dist/live/: `beian-guard live` (issue 15). Its own bundle, loaded by the CLI front only for that command. */
export { runLiveCommand } from '../cli/live.js';
