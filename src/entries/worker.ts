/** dist/worker/: the body of each worker thread, the engine and nothing else (issue 18 builds on it). */
export { runWorker } from '../engine/worker.js';
