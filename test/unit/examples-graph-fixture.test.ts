/**
 * The preview's and the renderers' tests read the examples' graph from a
 * file (test/webview/fixtures/examples-graph.json): it must be what the
 * graph of today's examples is, or those tests test an old shape.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { EXAMPLES_GRAPH_JSON, examplesGraphText } from '../webview/fixtures/examples-graph-result.js';

describe('the examples\' graph fixture of the preview tests', () => {
    it('is the graph of the examples as built today (else run test/webview/fixtures/dump-examples-graph.ts)', async () => {
        const written = JSON.parse(fs.readFileSync(EXAMPLES_GRAPH_JSON, 'utf-8')) as unknown;
        assert.deepEqual(written, JSON.parse(await examplesGraphText()));
    });
});
