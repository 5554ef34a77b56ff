import type { AstNode, LangiumDocument } from 'langium';
import type { TextEdit } from 'vscode-languageserver';
import type { GraphIndex } from '../../language/graph/build-graph.js';
import type { GraphNode } from '../../language/graph/types.js';
import { isProgram, type Objective } from '../../language/generated/ast.js';
import { addAttributeLines, emptyAt } from './code-action-edits.js';
import { visibleName } from './code-action-names.js';

/** How many "Link to KPI" actions one diagnostic offers at most. */
export const MAX_KPI_ACTIONS = 8;

/** A KPI an objective may link to, and the name to write for it there. */
export interface KpiCandidate {
    readonly node: GraphNode;
    /** `Name`, or `Program.Name` outside its program. */
    readonly reference: string;
}

/**
 * The KPIs an objective may link to, best first: those measuring the
 * outcomes its program serves, then the program's own KPIs and the other
 * KPIs of its chain,
 * then every other KPI of the workspace. KPIs it already links to, KPIs
 * with a duplicate name and global KPIs hidden by a member of the same name
 * are left out.
 */
export function kpiCandidates(objective: Objective, graph: GraphIndex): KpiCandidate[] {
    const self = graph.nodeOf(objective);
    if (!self) return [];
    const program = isProgram(objective.$container) ? objective.$container : undefined;
    const programNode = program ? graph.nodeOf(program) : undefined;
    const linked = new Set(self.objective?.metrics ?? []);
    const ordered: string[] = [];
    if (programNode) {
        for (const outcome of graph.adjacency.targets(programNode.id, 'serves')) {
            ordered.push(...graph.adjacency.sources(outcome, 'measures'));
        }
        ordered.push(...graph.graph.nodes.filter(n => n.program === programNode.id).map(n => n.id));
        ordered.push(...programNode.programFigures?.chain ?? []);
    } else {
        // A global objective belongs to no program: KPIs that measure an outcome come first.
        ordered.push(...graph.graph.edges.filter(e => e.kind === 'measures').map(e => e.from));
    }
    ordered.push(...graph.graph.nodes.filter(n => n.kind === 'metric').map(n => n.id));
    const result: KpiCandidate[] = [];
    const seen = new Set<string>();
    for (const id of ordered) {
        if (seen.has(id) || linked.has(id)) continue;
        seen.add(id);
        const node = graph.node(id);
        const ast = graph.astOf(id);
        if (!node?.metric?.isKpi || !ast || graph.duplicates.has(ast)) continue;
        const reference = visibleName(node, graph, program);
        if (reference) result.push({ node, reference });
    }
    return result;
}

/**
 * The title of the fix that links an objective to a KPI. A direct `kpi`
 * link is asserted: it leaves the info `unexplained-kpi-link` until a skill
 * the objective builds enables a behavior moving the KPI, and says so.
 */
export function linkKpiTitle(reference: string): string {
    return `Link to KPI ${reference} (asserted, not explained)`;
}

/** Adds `kpi Name` to an objective: appends to its `kpi` list if it has one, else adds a line (and a block if needed). */
export function linkKpiEdit(document: LangiumDocument, objective: Objective, reference: string): TextEdit {
    const last = objective.kpis.at(-1)?.$refNode;
    if (last) return { range: emptyAt(last.range.end), newText: `, ${reference}` };
    return addAttributeLines(document, objective as AstNode, [`kpi ${reference}`]);
}
