/**
 * What the preview shows: the scope. By default it follows the editor: the
 * program of the element under the cursor, or, for an element declared
 * outside any program, the programs whose chain holds it and the outcomes
 * its chain reaches (an outcome is its own scope). The user may instead pick
 * the whole workspace or one program or outcome.
 */
import type { GraphNode, ImpactGraph } from '../language/graph/types.js';
import { chainThrough } from '../language/graph/chain-through.js';
import type { ScopeChoice } from './protocol.js';

/** The programs and outcomes (ids) an element belongs to; empty for nothing (the whole workspace). */
export function scopeOfNode(graph: ImpactGraph, node: GraphNode | undefined): string[] {
    if (!node) return [];
    if (node.kind === 'program' || node.kind === 'outcome') return [node.id];
    if (node.program) return [node.program];
    const programs = graph.nodes.filter(n => n.kind === 'program' && n.programFigures?.chain.includes(node.id)).map(n => n.id);
    const byId = new Map(graph.nodes.map(n => [n.id, n]));
    const outcomes = node.kind === 'toolkit' ? [] : [...chainThrough(graph, node)].filter(id => byId.get(id)?.kind === 'outcome');
    return [...programs, ...outcomes];
}

/** The programs and outcomes declared in a file (the editor's, when its cursor is on no declaration). */
export function scopeOfFile(graph: ImpactGraph, uri: string): string[] {
    return graph.nodes.filter(n => n.uri === uri && (n.kind === 'program' || (n.kind === 'outcome' && !n.program))).map(n => n.id);
}

/**
 * The ids a choice stands for: a picked program or outcome (if it still
 * exists), none for the whole workspace, or those of the editor cursor: its
 * element's, else those declared in its file.
 */
export function scopeIds(graph: ImpactGraph, choice: ScopeChoice, cursor: { node: GraphNode | undefined; uri: string } | undefined): string[] {
    switch (choice.kind) {
        case 'workspace': return [];
        case 'focus': return graph.nodes.some(n => n.id === choice.id) ? [choice.id] : [];
        case 'cursor': return !cursor ? [] : cursor.node ? scopeOfNode(graph, cursor.node) : scopeOfFile(graph, cursor.uri);
    }
}

/** The words for a scope, for the toolbar and the panel title: `Consultative discovery bootcamp`, `Churn reduction pilot + 1 outcome`. */
export function scopeTitle(graph: ImpactGraph, ids: readonly string[]): string {
    if (ids.length === 0) return 'Whole workspace';
    const byId = new Map(graph.nodes.map(n => [n.id, n]));
    if (ids.length === 1) {
        const node = byId.get(ids[0]!);
        return node ? node.title ?? node.name : ids[0]!;
    }
    const first = byId.get(ids[0]!);
    const rest = ids.slice(1);
    const programs = rest.filter(id => byId.get(id)?.kind === 'program').length;
    const outcomes = rest.length - programs;
    const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
    const others = [programs > 0 ? count(programs, 'program') : '', outcomes > 0 ? count(outcomes, 'outcome') : ''].filter(Boolean).join(' and ');
    return `${first?.title ?? first?.name ?? ids[0]} + ${others}`;
}
