import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import type { ImpactGraphResult } from '../../language/protocol.js';
import { deltaSize, deltaToPost, diffResults } from '../../client/preview/graph-diff.js';
import { applyDelta, changesContentOnly } from '../../webview/graph-delta.js';
import { edgeKey, isGraphDelta } from '../../webview/protocol.js';

const fixture = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../webview/fixtures/examples-graph.json');
const examples = (): ImpactGraphResult => JSON.parse(fs.readFileSync(fixture, 'utf-8')) as ImpactGraphResult;

/** The result with nodes, edges and findings in a canonical order, for comparing. */
function canonical(r: ImpactGraphResult): unknown {
    return {
        nodes: [...r.graph.nodes].sort((a, b) => a.id.localeCompare(b.id)),
        edges: [...r.graph.edges].sort((a, b) => edgeKey(a).localeCompare(edgeKey(b))),
        coverage: r.graph.coverage,
        findings: Object.fromEntries(Object.entries(r.findings).sort(([a], [b]) => a.localeCompare(b))),
        focusable: r.focusable, version: r.version
    };
}

type Edit = { op: 'title' | 'remove-node' | 'rename' | 'remove-edge' | 'add-edge' | 'finding' | 'clear-finding' | 'explain' | 'focusable' | 'coverage'; at: number; text: string };

/** Renames a node as the language does: a new id, its edges and findings carried over. */
function rename(r: ImpactGraphResult, at: number, text: string): void {
    const n = r.graph.nodes[at % r.graph.nodes.length]!;
    const id = `${n.id}_${text.replace(/\W/g, '')}${at}`;
    if (r.graph.nodes.some(x => x.id === id)) return;
    const old = n.id;
    Object.assign(n, { id, name: id.split('.').at(-1)!, qualifiedName: id });
    for (const e of r.graph.edges) {
        if (e.from === old) e.from = id;
        if (e.to === old) e.to = id;
    }
    if (r.findings[old]) {
        r.findings[id] = r.findings[old];
        delete r.findings[old];
    }
}

function edit(r: ImpactGraphResult, e: Edit): void {
    const nodes = r.graph.nodes;
    const edges = r.graph.edges;
    const n = nodes[e.at % nodes.length]!;
    switch (e.op) {
        case 'title': n.title = e.text; break;
        case 'remove-node':
            r.graph.nodes = nodes.filter(x => x !== n);
            r.graph.edges = edges.filter(x => x.from !== n.id && x.to !== n.id);
            delete r.findings[n.id];
            break;
        case 'remove-edge': edges.splice(e.at % Math.max(1, edges.length), 1); break;
        case 'add-edge': {
            const to = nodes[(e.at * 7 + 3) % nodes.length]!;
            if (!edges.some(x => x.kind === 'drives' && x.from === n.id && x.to === to.id)) edges.push({ kind: 'drives', from: n.id, to: to.id });
            break;
        }
        case 'rename': rename(r, e.at, e.text); break;
        case 'finding': r.findings[n.id] = { errors: e.at % 3, warnings: 1, infos: 0 }; break;
        case 'clear-finding': { const id = Object.keys(r.findings)[e.at % Math.max(1, Object.keys(r.findings).length)]; if (id) delete r.findings[id]; break; }
        case 'focusable': r.focusable = e.at % 2 ? r.focusable.slice(1) : [...r.focusable, { id: n.id, kind: 'outcome', title: e.text }]; break;
        case 'coverage': r.graph.coverage = { aligned: e.at % 5, total: 5 }; break;
        case 'explain': { const k = edges.find(x => x.kind === 'kpi'); if (k) k.explained = !k.explained; break; }
    }
}

describe('graph deltas (client/preview/graph-diff.ts, webview/graph-delta.ts)', () => {
    it('applied to the old graph, a delta gives the new one, for random edits', () => {
        const editArb = fc.record({ op: fc.constantFrom('title', 'remove-node', 'rename', 'remove-edge', 'add-edge', 'finding', 'clear-finding', 'explain', 'focusable', 'coverage'), at: fc.nat(500), text: fc.string() }) as fc.Arbitrary<Edit>;
        fc.assert(fc.property(fc.array(editArb, { maxLength: 12 }), edits => {
            const before = examples();
            const after = examples();
            for (const e of edits) edit(after, e);
            after.version = before.version + 1;
            const delta = JSON.parse(JSON.stringify(diffResults(before, after))) as unknown;
            assert.ok(isGraphDelta(delta));
            assert.deepEqual(canonical(applyDelta(before, delta)), canonical(after));
        }), { numRuns: 200, seed: 11 });
    });

    it('is empty for the same graph, and names one node for a title edit', () => {
        const a = examples();
        assert.equal(deltaSize(diffResults(a, examples())), 0);
        const b = examples();
        b.graph.nodes.find(n => n.id === 'ChurnPilot.Probing')!.title = 'Asks better questions';
        const delta = diffResults(a, b);
        assert.deepEqual(delta.nodes.set.map(n => n.id), ['ChurnPilot.Probing']);
        assert.equal(deltaSize(delta), 1);
        assert.ok(changesContentOnly(delta, a));
        assert.ok(JSON.stringify(delta).length < JSON.stringify(b).length / 20, 'a small message');
    });

    it('is posted for a small change; the whole graph for none held or a change of more than a quarter of the nodes and 50 things', () => {
        const a = examples();
        const b = examples();
        b.graph.nodes[0]!.title = 'Edited';
        assert.equal(deltaToPost(undefined, b), undefined);
        assert.deepEqual(deltaToPost(a, b), diffResults(a, b));
        const big = examples();
        for (let i = 0; i < 60; i++) big.graph.nodes.push({ ...big.graph.nodes[0]!, id: `Added${i}`, name: `Added${i}`, qualifiedName: `Added${i}` });
        assert.ok(deltaSize(diffResults(a, big)) > 50 && deltaSize(diffResults(a, big)) > big.graph.nodes.length / 4);
        assert.equal(deltaToPost(a, big), undefined);
    });

    it('carries a renamed node as one removed id and one new node, its edges and findings moved', () => {
        const a = examples();
        const b = examples();
        rename(b, b.graph.nodes.findIndex(n => n.id === 'ChurnPilot.Probing'), 'X');
        const renamed = b.graph.nodes.find(n => n.name.startsWith('Probing_X'))!.id;
        b.findings[renamed] = { errors: 1, warnings: 0, infos: 0 };
        const delta = diffResults(a, b);
        assert.deepEqual(delta.nodes.removed, ['ChurnPilot.Probing']);
        assert.deepEqual(delta.nodes.set.map(n => n.id), [renamed]);
        const touching = (key: string) => key.includes(`|${renamed}`) || key.includes('|ChurnPilot.Probing|') || key.endsWith('|ChurnPilot.Probing');
        assert.ok(delta.edges.added.length > 0 && delta.edges.added.every(e => touching(edgeKey(e))));
        assert.ok(delta.edges.removed.length > 0 && delta.edges.removed.every(touching));
        assert.deepEqual(delta.findings.set, { [renamed]: { errors: 1, warnings: 0, infos: 0 } });
        assert.ok(!changesContentOnly(delta, a));
        assert.deepEqual(canonical(applyDelta(a, delta)), canonical(b));
    });

    it('carries findings that change, appear and clear, and leaves the old graph as it was', () => {
        const a = examples();
        const b = examples();
        const [first, second] = Object.keys(a.findings);
        assert.ok(first && second, 'the fixture has findings on two nodes');
        b.findings[first] = { ...b.findings[first]!, warnings: b.findings[first]!.warnings + 1 };
        delete b.findings[second];
        b.findings['ChurnPilot.Probing'] = { errors: 0, warnings: 0, infos: 3 };
        const delta = diffResults(a, b);
        assert.deepEqual(Object.keys(delta.findings.set).sort(), [first, 'ChurnPilot.Probing'].sort());
        assert.deepEqual(delta.findings.removed, [second]);
        assert.deepEqual(delta.nodes.set, []);
        assert.ok(changesContentOnly(delta, a));
        const snapshot = JSON.stringify(a);
        assert.deepEqual(canonical(applyDelta(a, delta)), canonical(b));
        assert.equal(JSON.stringify(a), snapshot, 'applyDelta does not change its input');
    });

    it('tells structural changes from content changes', () => {
        const a = examples();
        const b = examples();
        b.graph.edges.pop();
        assert.ok(!changesContentOnly(diffResults(a, b), a));
        const c = examples();
        c.focusable = c.focusable.slice(1);
        assert.ok(!changesContentOnly(diffResults(a, c), a));
    });

    it('rejects what is not a delta', () => {
        for (const junk of [null, 1, {}, { nodes: { set: [], removed: [] } }, { nodes: { set: 'x', removed: [] }, edges: { added: [], removed: [] }, findings: { set: {}, removed: [] }, coverage: {}, version: 1 }]) {
            assert.equal(isGraphDelta(junk), false, JSON.stringify(junk));
        }
    });
});
