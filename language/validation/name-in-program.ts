import type { GraphIndex } from '../graph/build-graph.js';

/**
 * A node as a program's own text names it: by its simple name when it is
 * the program's own or global, by its qualified name (`Other.Kpi`) when
 * another program declares it; its id when the graph has no such node.
 * `programId` undefined: as the text outside every program names it.
 */
export function nameInProgram(graph: Pick<GraphIndex, 'node'>, id: string, programId: string | undefined): string {
    const node = graph.node(id);
    if (!node) return id;
    return node.program !== undefined && node.program !== programId ? node.qualifiedName : node.name;
}
