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
    /** Keys of the current declaration's edges: duplicates are dropped in linear time. */
    const seen = new Set<string>();
    /** Edges of `kind` between `self` and each reference's target: from `self` (`forward`) or into it. Indexed loops: no closure per declaration. */
    const addAll = (kind: EdgeKind, self: string | undefined, refs: readonly Reference[], forward: boolean): void => {
        if (!self) return;
        for (let r = 0; r < refs.length; r++) {
            const ref = refs[r]!.ref;
            const other = ref ? idOf(ref) : undefined;
            if (!other) continue;
            const from = forward ? self : other;
            const to = forward ? other : self;
            const key = `${kind}\0${from}\0${to}`;
            if (seen.has(key)) continue;
            seen.add(key);
            edges.push({ kind, from, to });
        }
    };
    for (let d = 0; d < declared.length; d++) {
        const ast = declared[d]!.ast;
        seen.clear();
        const self = idOf(ast);
        switch (ast.$type) {
            case 'Program': addAll('serves', self, ast.serves, true); break;
            case 'Outcome': addAll('measures', self, ast.measuredBy, false); break;
            case 'Metric': addAll('drives', self, ast.drives, true); break;
            case 'Behavior':
                addAll('enables', self, ast.enabledBy, false);
                addAll('moves', self, ast.moves, true);
                break;
            case 'Objective':
                addAll('builds', self, ast.builds, true);
                addAll('kpi', self, ast.kpis, true);
                break;
            case 'Toolkit': addAll('reinforces', self, ast.behaviors, true); break;
            case 'Skill': break;
        }
    }
    return edges;
}
