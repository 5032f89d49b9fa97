/** dist/sourcemap/: the template or config file behind each finding, loaded only when a check has findings. */
export { attachSourceLocations, sourceMapWarning } from '../sourcemap/index.js';
