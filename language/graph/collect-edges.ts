import type { AstNode, Reference } from 'langium';
import type { Declaration, Program } from '../generated/ast.js';
import type { EdgeKind, GraphEdge } from './types.js';

/**
 * Every chain edge, oriented along the chain (objective -> ... -> outcome),
 * without duplicates. Each edge is declared by one of its ends, so the same
 * edge can only come twice from one declaration (`moves A, A`).
 */
export function collectEdges(declared: ReadonlyArray<{ ast: Declaration | Program }>, idOf: (ast: AstNode) => string | undefined): GraphEdge[] {
    const edges: GraphEdge[] = [];
    let start = 0;
    const add = (kind: EdgeKind, from: string | undefined, to: string | undefined): void => {
        if (!from || !to) return;
        for (let i = start; i < edges.length; i++) {
            const e = edges[i]!;
            if (e.kind === kind && e.from === from && e.to === to) return;
        }
        edges.push({ kind, from, to });
    };
    const target = (ref: Reference): string | undefined => ref.ref ? idOf(ref.ref) : undefined;
    for (const { ast } of declared) {
        start = edges.length;
        const self = idOf(ast);
        switch (ast.$type) {
            case 'Program': ast.serves.forEach(r => add('serves', self, target(r))); break;
            case 'Outcome': ast.measuredBy.forEach(r => add('measures', target(r), self)); break;
            case 'Metric': ast.drives.forEach(r => add('drives', self, target(r))); break;
            case 'Behavior':
                ast.enabledBy.forEach(r => add('enables', target(r), self));
                ast.moves.forEach(r => add('moves', self, target(r)));
                break;
            case 'Objective':
                ast.builds.forEach(r => add('builds', self, target(r)));
                ast.kpis.forEach(r => add('kpi', self, target(r)));
                break;
            case 'Toolkit': ast.behaviors.forEach(r => add('reinforces', self, target(r))); break;
            case 'Skill': break;
        }
    }
    return edges;
}
