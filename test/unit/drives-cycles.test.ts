import * as assert from 'node:assert/strict';
import { drivesCycleEdges } from '../../language/graph/drives-cycles.js';
import type { GraphEdge } from '../../language/graph/types.js';

const drives = (from: string, to: string): GraphEdge => ({ kind: 'drives', from, to });

describe('drives cycles', () => {
    it('finds no cycle in chains, trees and joins (nothing ends where another drives edge starts, or only along a path)', () => {
        assert.deepEqual([...drivesCycleEdges([drives('A', 'X'), drives('B', 'X'), drives('C', 'Y')])], []);
        assert.deepEqual([...drivesCycleEdges([drives('A', 'B'), drives('B', 'C'), drives('A', 'C')])], []);
    });

    it('marks a metric that drives itself, and only that edge', () => {
        assert.deepEqual([...drivesCycleEdges([drives('A', 'A'), drives('A', 'B')])], ['A -> A']);
    });

    it('marks every edge of a cycle and none of the edges leading into or out of it', () => {
        const edges = [drives('In', 'A'), drives('A', 'B'), drives('B', 'C'), drives('C', 'A'), drives('C', 'Out'), { kind: 'moves', from: 'Out', to: 'In' } as GraphEdge];
        assert.deepEqual([...drivesCycleEdges(edges)].sort(), ['A -> B', 'B -> C', 'C -> A']);
    });
});
