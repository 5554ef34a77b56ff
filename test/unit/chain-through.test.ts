/**
 * The chain through an element and the element at a position, as the
 * preview highlights them under the editor's cursor: queries of the one
 * impact graph (language/graph/chain-through.ts), checked on the safety
 * example with a toolkit added.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chainThrough, nodeAt } from '../../language/graph/chain-through.js';
import type { ImpactGraph } from '../../language/graph/types.js';
import { checkWorkspace } from './helpers/check-workspace.js';
import { REPO_ROOT } from './helpers/textmate-grammar.js';

const SAFETY = fs.readFileSync(path.join(REPO_ROOT, 'test/fixtures/examples/safety.align'), 'utf-8')
    .replace('  objective SpotHazards', '  toolkit Huddle "Shift huddle" { for ReportsNearMisses }\n\n  objective SpotHazards');

describe('chain through an element (language/graph/chain-through)', () => {
    let graph: ImpactGraph;
    before(async () => {
        graph = (await checkWorkspace({ 'safety.align': SAFETY })).graph.graph;
    });
    const node = (id: string) => graph.nodes.find(n => n.id === id)!;
    const chain = (id: string) => [...chainThrough(graph, node(id))].sort();

    it('a behavior: what leads to it and what it leads to, not the other paths into its KPIs', () => {
        assert.deepEqual(chain('LockoutTagout.ReportsNearMisses'), [
            'LockoutTagout.HazardSpotting', 'LockoutTagout.NearMissReports', 'LockoutTagout.ReportsNearMisses', 'LockoutTagout.SpotHazards',
            'RecordableIncidents', 'SaferPlants'
        ]);
    });

    it('a lagging KPI: every path into it, and the outcome it measures', () => {
        assert.deepEqual(chain('RecordableIncidents'), [
            'LockoutTagout.ApplyLoto', 'LockoutTagout.HazardSpotting', 'LockoutTagout.LotoProcedure', 'LockoutTagout.NearMissReports',
            'LockoutTagout.ReportsNearMisses', 'LockoutTagout.SpotHazards', 'LockoutTagout.VerifiesIsolation', 'RecordableIncidents', 'SaferPlants'
        ]);
    });

    it('a toolkit stands for the behaviors it reinforces; a program for its chain', () => {
        assert.deepEqual(chain('LockoutTagout.Huddle'), ['LockoutTagout.Huddle', ...chain('LockoutTagout.ReportsNearMisses')].sort());
        const program = node('LockoutTagout');
        assert.deepEqual(chain('LockoutTagout'), [...new Set(['LockoutTagout', ...program.programFigures!.chain])].sort());
        assert.ok(chain('LockoutTagout').includes('LockoutTagout.Huddle'), 'the toolkit is in its program\'s chain');
    });

    it('the element at a position is the innermost declaration holding it', () => {
        const uri = node('LockoutTagout').uri;
        const lines = SAFETY.split('\n');
        const at = (text: string, offset = 0) => {
            const line = lines.findIndex(l => l.includes(text));
            return nodeAt(graph, uri, { line, character: lines[line]!.indexOf(text) + offset })?.id;
        };
        assert.equal(at('moves NearMissReports'), 'LockoutTagout.ReportsNearMisses');
        assert.equal(at('review monthly'), 'LockoutTagout');
        assert.equal(at('measured by RecordableIncidents'), 'SaferPlants');
        // A range ends after its last character: a cursor just after the closing brace is still in the declaration, one further is not.
        const line = lines.findIndex(l => l.includes('objective SpotHazards'));
        const end = lines[line]!.length;
        assert.equal(nodeAt(graph, uri, { line, character: end })?.id, 'LockoutTagout.SpotHazards');
        assert.equal(nodeAt(graph, uri, { line, character: end + 1 })?.id, 'LockoutTagout');
        assert.equal(nodeAt(graph, uri, { line: 1, character: 0 }), undefined, 'a blank line outside every declaration');
        assert.equal(nodeAt(graph, 'file:///elsewhere.align', { line: 30, character: 4 }), undefined, 'another document');
    });
});
