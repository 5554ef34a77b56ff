import * as assert from 'node:assert/strict';
import type { AstNode, Reference } from 'langium';
import type { Metric } from '../../language/generated/ast.js';
import { collectEdges } from '../../language/graph/collect-edges.js';

/** A metric whose `drives` list names `targets` (references already resolved); ids are the `name` fields. */
const metric = (name: string, targets: readonly string[]): { ast: Metric } =>
    ({ ast: { $type: 'Metric', name, drives: targets.map(t => ({ ref: { name: t } }) as unknown as Reference) } as unknown as Metric });
const idOf = (ast: AstNode) => (ast as { name?: string }).name;

describe('collectEdges: the chain edges a declaration names', () => {
    // With a scan of the declaration's earlier edges per reference (quadratic), 50k references took seconds
    // here and 24 s in `align check`; the mocha timeout is generous, the linear dedup takes milliseconds.
    it('50,000 references in one `drives` list: one edge each, in list order, repeats dropped, within the timeout', function () {
        this.timeout(3000);
        const targets = Array.from({ length: 50_000 }, (_, i) => `X${i}`);
        const edges = collectEdges([metric('A', [...targets, 'X7', 'X49999']), metric('B', ['X7', 'X7'])], idOf);
        assert.equal(edges.length, 50_001);
        assert.deepEqual(edges.slice(0, 50_000).map(e => e.to), targets);
        assert.ok(edges.slice(0, 50_000).every(e => e.kind === 'drives' && e.from === 'A'));
        assert.deepEqual(edges[50_000], { kind: 'drives', from: 'B', to: 'X7' });
    });
});
