/** dist/init/: `beian-guard init`, loaded only for that command. */
export { runInit } from '../init/run-init.js';
