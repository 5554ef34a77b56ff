import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GraphNode, ImpactGraph } from '../../language/graph/types.js';
import type { ImpactGraphResult } from '../../language/protocol.js';
import { COLUMNS, countCrossings, layoutGraph, NODE_WIDTH, type ColumnId, type GraphLayout } from '../../language/render/index.js';
import { orderBySweeps, orderStable } from '../../language/render/order.js';
import { isotonic } from '../../language/render/place.js';
import { generateImpactGraph } from '../../scripts/bench/webview-graph.js';

const fixture = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../webview/fixtures/examples-graph.json');
const examples = (): ImpactGraphResult => JSON.parse(fs.readFileSync(fixture, 'utf-8')) as ImpactGraphResult;

/** Ids per column, top to bottom. */
function columns(layout: GraphLayout): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const n of [...layout.nodes].sort((a, b) => a.y - b.y)) (out[n.column] ??= []).push(n.id);
    return out;
}

function withSkill(graph: ImpactGraph, id: string, enables: string): ImpactGraph {
    const template = graph.nodes.find(n => n.kind === 'skill')!;
    const skill: GraphNode = { ...template, id, name: id, qualifiedName: id, title: id };
    return { ...graph, nodes: [...graph.nodes, skill], edges: [...graph.edges, { kind: 'enables', from: id, to: enables }] };
}

describe('render: layered layout', () => {
    it('puts each kind in its column, left to right, and leaves out programs and toolkits', () => {
        const layout = layoutGraph(examples().graph);
        const columnOf = Object.fromEntries(layout.nodes.map(n => [n.id, n.column]));
        const expected: Record<string, ColumnId> = {
            'ChurnPilot.AskOpenQuestions': 'objective', 'ChurnPilot.NeedsDiscovery': 'skill', 'ChurnPilot.Probing': 'behavior',
            'CompletionRate': 'activity', 'NewHireAcademy.SandboxScore': 'activity', 'NPS': 'leading', 'ChurnPilot.RepeatContactRate': 'leading',
            'ChurnRate': 'lagging', 'WinRate': 'lagging', 'ReduceChurn': 'outcome'
        };
        for (const [id, column] of Object.entries(expected)) assert.equal(columnOf[id], column, id);
        assert.ok(!('ChurnPilot' in columnOf) && !('ChurnPilot.TeamLeadKit' in columnOf));
        assert.deepEqual(layout.columns.map(c => c.id), COLUMNS.map(c => c.id));
        for (let i = 1; i < layout.columns.length; i++) assert.ok(layout.columns[i]!.x > layout.columns[i - 1]!.x + NODE_WIDTH.right);
        for (const n of layout.nodes) {
            assert.equal(n.x, layout.columns.find(c => c.id === n.column)!.x);
            assert.equal(n.width, NODE_WIDTH.right);
            assert.equal(n.height, n.text.height, 'each box as tall as its lines');
        }
        assert.deepEqual(layout.nodes.find(n => n.id === 'ChurnPilot.Probing')!.toolkits.map(t => t.id), ['ChurnPilot.TeamLeadKit']);
    });

    it('keeps boxes of a column apart and inside the drawing', () => {
        const layout = layoutGraph(generateImpactGraph(300).graph);
        for (const ids of Object.values(columns(layout))) {
            const boxes = ids.map(id => layout.nodes.find(n => n.id === id)!);
            for (let i = 1; i < boxes.length; i++) assert.ok(boxes[i]!.y >= boxes[i - 1]!.y + boxes[i - 1]!.height + 15, `${boxes[i - 1]!.id} / ${boxes[i]!.id}`);
        }
        for (const n of layout.nodes) assert.ok(n.x >= 0 && n.y >= 0 && n.x + n.width <= layout.width && n.y + n.height <= layout.height);
    });

    it('hides activity and learning metrics and their edges on request, dropping the empty column', () => {
        const layout = layoutGraph(examples().graph, { hideLearningMetrics: true });
        const ids = layout.nodes.map(n => n.id);
        assert.ok(!ids.includes('CompletionRate') && !ids.includes('NewHireAcademy.SandboxScore'));
        assert.ok(!layout.columns.some(c => c.id === 'activity'));
        assert.ok(!layout.edges.some(e => e.to === 'CompletionRate' || e.to === 'NewHireAcademy.SandboxScore'));
        assert.ok(layout.edges.some(e => e.kind === 'kpi' && e.to === 'WinRate'));
    });

    it('draws chain edges as cubic curves, kpi edges with their explanation', () => {
        const layout = layoutGraph(examples().graph);
        const kinds = new Set(layout.edges.map(e => e.kind));
        assert.deepEqual([...kinds].sort(), ['builds', 'drives', 'enables', 'kpi', 'measures', 'moves']);
        for (const e of layout.edges) assert.match(e.path, /^M[-\d.]+ [-\d.]+(C[-\d. ]+(H[-\d.]+)?)+$/, e.key);
        assert.equal(layout.edges.find(e => e.key === 'kpi:DiscoveryBootcamp.ForecastCategories>WinRate')!.explained, false);
        assert.equal(layout.edges.find(e => e.key === 'kpi:ChurnPilot.RestateNeeds>ChurnPilot.RepeatContactRate')!.explained, true);
        assert.equal(layout.edges.find(e => e.kind === 'builds')!.explained, undefined);
    });

    it('is deterministic', () => {
        const graph = generateImpactGraph(400).graph;
        assert.deepEqual(layoutGraph(graph), layoutGraph(structuredClone(graph)));
    });

    it('reduces crossings with barycenter sweeps', () => {
        const result = generateImpactGraph(400, 3);
        // Shuffle the declaration order, so that the initial order is poor.
        const nodes = [...result.graph.nodes].sort((a, b) => (hash(a.id) - hash(b.id)));
        const graph = { ...result.graph, nodes };
        const before = crossings(layoutGraph(graph, { sweeps: 0 }));
        const after = crossings(layoutGraph(graph));
        assert.ok(after < before * 0.5, `${before} crossings before the sweeps, ${after} after`);
    });

    it('keeps the order of existing nodes when one is added, and inserts it by barycenter', () => {
        const graph = examples().graph;
        const first = layoutGraph(graph);
        const second = layoutGraph(withSkill(graph, 'Empathy', 'ChurnPilot.Summarizing'), { previous: first });
        const a = columns(first);
        const b = columns(second);
        for (const column of Object.keys(a)) assert.deepEqual(b[column]!.filter(id => id !== 'Empathy'), a[column], column);
        const skills = b['skill']!;
        const near = skills.indexOf('Empathy');
        assert.ok(Math.abs(near - skills.indexOf('ChurnPilot.ActiveListening')) <= 2, skills.join(', '));
    });

    it('keeps the places of existing nodes when one is added: only what is below it in its column moves down', () => {
        const graph = examples().graph;
        const first = layoutGraph(graph);
        const second = layoutGraph(withSkill(graph, 'Empathy', 'ChurnPilot.Summarizing'), { previous: first });
        const before = new Map(first.nodes.map(n => [n.id, n]));
        const added = second.nodes.find(n => n.id === 'Empathy')!;
        const moved = second.nodes.filter(n => before.has(n.id) && (before.get(n.id)!.y !== n.y || before.get(n.id)!.x !== n.x));
        for (const n of moved) {
            assert.equal(n.column, 'skill', `${n.id} moved`);
            assert.ok(n.y > added.y && n.y > before.get(n.id)!.y, `${n.id} moved up or sits above the new node`);
        }
        assert.ok(moved.length < b(first).skill.length, `${moved.length} skills moved`);
        const unchanged = second.nodes.filter(n => before.has(n.id) && n.column !== 'skill');
        assert.ok(unchanged.length > 30 && unchanged.every(n => before.get(n.id)!.y === n.y));
        assert.deepEqual(layoutGraph(withSkill(graph, 'Empathy', 'ChurnPilot.Summarizing'), { previous: first }), second, 'deterministic');
    });

    it('keeps the order when nodes are removed, and lays out afresh when most nodes are new', () => {
        const graph = examples().graph;
        const first = layoutGraph(graph);
        const smaller = { ...graph, nodes: graph.nodes.filter(n => n.id !== 'ChurnPilot.NeedsDiscovery') };
        const second = layoutGraph(smaller, { previous: first });
        const a = columns(first);
        const b = columns(second);
        for (const column of Object.keys(a)) assert.deepEqual(b[column], a[column]!.filter(id => id !== 'ChurnPilot.NeedsDiscovery'), column);
        const unrelated = layoutGraph(graph, { previous: { order: ['WinRate', 'ChurnRate'] } });
        assert.deepEqual(unrelated.order, first.order);
    });

    it('stays stable over many small edits of a large graph', () => {
        const result = generateImpactGraph(1000, 5);
        let layout = layoutGraph(result.graph);
        let graph = result.graph;
        const behaviors = graph.nodes.filter(n => n.kind === 'behavior');
        for (let i = 0; i < 5; i++) {
            const before = columns(layout);
            graph = withSkill(graph, `NewSkill${i}`, behaviors[(i * 37) % behaviors.length]!.id);
            layout = layoutGraph(graph, { previous: layout });
            const after = columns(layout);
            for (const column of Object.keys(before)) assert.deepEqual(after[column]!.filter(id => !id.startsWith('NewSkill')), before[column]!.filter(id => !id.startsWith('NewSkill')));
        }
    });

    it('lays out 2,000 nodes and about 3,700 edges, again stably (times are in npm run bench)', () => {
        const result = generateImpactGraph(2000);
        assert.ok(result.graph.edges.length > 3400, `${result.graph.edges.length} edges`);
        const first = layoutGraph(result.graph);
        const again = layoutGraph(result.graph, { previous: first });
        assert.deepEqual(again.order, first.order);
        assert.deepEqual(again.nodes.map(n => [n.x, n.y]), first.nodes.map(n => [n.x, n.y]));
    });

    it('orders by sweeps and inserts stably at the level of indices', () => {
        // Two columns: 0 -> {a0, a1}, 1 -> {b0, b1}; edges a0-b1, a1-b0 cross in the initial order.
        const graph = { column: [0, 0, 1, 1], neighbors: [[3], [2], [1], [0]], columnCount: 2 };
        assert.deepEqual(orderBySweeps(graph, [[0, 1], [2, 3]]), [[0, 1], [3, 2]]);
        assert.equal(countCrossings(graph, [[0, 1], [2, 3]]), 1);
        assert.equal(countCrossings(graph, [[0, 1], [3, 2]]), 0);
        // Node 3 is new: it goes next to its neighbour's rank (before 2), the old order stays.
        assert.deepEqual(orderStable(graph, [[0, 1], [2]], [[], [3]]), [[0, 1], [3, 2]]);
    });

    it('fits columns in order with isotonic regression', () => {
        assert.deepEqual([...isotonic([1, 3, 2, 4])], [1, 2.5, 2.5, 4]);
        assert.deepEqual([...isotonic([5, 4, 3])], [4, 4, 4]);
    });
});

function b(layout: GraphLayout): { skill: string[] } {
    return { skill: columns(layout)['skill']! };
}

function crossings(layout: GraphLayout): number {
    const column = new Map(layout.nodes.map(n => [n.id, COLUMNS.findIndex(c => c.id === n.column)]));
    const y = new Map(layout.nodes.map(n => [n.id, n.y]));
    const adjacent = layout.edges.filter(e => column.get(e.to)! - column.get(e.from)! === 1);
    let count = 0;
    for (let i = 0; i < adjacent.length; i++) {
        for (let j = i + 1; j < adjacent.length; j++) {
            const a = adjacent[i]!;
            const b = adjacent[j]!;
            if (column.get(a.from) !== column.get(b.from)) continue;
            if ((y.get(a.from)! - y.get(b.from)!) * (y.get(a.to)! - y.get(b.to)!) < 0) count++;
        }
    }
    return count;
}

function hash(s: string): number {
    let h = 2166136261;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
    return h >>> 0;
}

describe('a title of blanks, as it stands while being typed', () => {
    it('is no title in the graph: the node is drawn with its name, and no figure is NaN', async () => {
        const { checkWorkspace } = await import('./helpers/check-workspace.js');
        const { renderSvg } = await import('../../language/render/index.js');
        const { graph } = await checkWorkspace({ 'a.align': 'skill S ""\nbehavior B "  " { enabled by S }\nskill T "Titled"\n' });
        assert.equal(graph.node('S')!.title, undefined);
        assert.equal(graph.node('B')!.title, undefined);
        assert.equal(graph.node('T')!.title, 'Titled');
        const svg = renderSvg(layoutGraph(graph.graph));
        assert.doesNotMatch(svg, /NaN|Infinity/);
        assert.match(svg, /class="node-title"[^>]*>S</);
    });
});
