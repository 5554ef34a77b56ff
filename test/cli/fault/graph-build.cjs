/**
 * Preloaded (NODE_OPTIONS --require, or the server's `--require`) by the
 * tests of a fault in the impact graph's build, a stand-in for a bug
 * outside the rules: while the file named by ALIGN_TEST_GRAPH_FAULT exists,
 * the last step of every graph build (the graph object made with its
 * `nodes`, `edges` and `coverage` properties) throws. Deleting the file
 * ends the fault at the next build.
 */
const fs = require('node:fs');
const marker = process.env.ALIGN_TEST_GRAPH_FAULT;
if (!marker) throw new Error('graph-build.cjs: set ALIGN_TEST_GRAPH_FAULT to the marker file');
const defineProperties = Object.defineProperties;
Object.defineProperties = function (target, properties) {
    if (properties && 'coverage' in properties && 'nodes' in properties && fs.existsSync(marker)) throw new TypeError('fault injected in the impact graph\'s build');
    return defineProperties.call(this, target, properties);
};
