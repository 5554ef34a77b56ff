import type { AstNode, Reference } from 'langium';
import type { Declaration, Program } from '../generated/ast.js';
import type { EdgeKind, GraphEdge } from './types.js';

/** Every chain edge, oriented along the chain (objective -> ... -> outcome), without duplicates. */
export function collectEdges(declared: ReadonlyArray<{ ast: Declaration | Program }>, idOf: (ast: AstNode) => string | undefined): GraphEdge[] {
    const edges: GraphEdge[] = [];
    const seen = new Set<string>();
    const add = (kind: EdgeKind, from: string | undefined, to: string | undefined): void => {
        if (!from || !to) return;
        const key = `${kind}\u0000${from}\u0000${to}`;
        if (seen.has(key)) return;
        seen.add(key);
        edges.push({ kind, from, to });
    };
    const target = (ref: Reference): string | undefined => ref.ref ? idOf(ref.ref) : undefined;
    for (const { ast } of declared) {
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
