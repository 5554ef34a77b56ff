import type { GraphIndex } from '../../language/graph/build-graph.js';
import type { GraphNode } from '../../language/graph/types.js';
import type { Program } from '../../language/generated/ast.js';

/**
 * The name under which `target` is visible from inside `program` (or from
 * the top level), for a reference a quick fix writes: a member of that
 * program by its name, of another program as `Program.Name`; a top-level
 * declaration by its name, unless a member of `program` of the same kind
 * and name hides it (then none).
 */
export function visibleName(target: GraphNode, graph: GraphIndex, program: Program | undefined): string | undefined {
    const programId = program ? graph.nodeOf(program)?.id : undefined;
    if (target.program) return target.program === programId ? target.name : target.qualifiedName;
    const type = graph.astOf(target.id)?.$type;
    const hidden = program?.members.some(m => m.$type === type && m.name === target.name);
    return hidden ? undefined : target.name;
}
