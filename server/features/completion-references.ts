import type { AstNode, AstNodeDescription, ReferenceInfo } from 'langium';
import { isReference } from 'langium';
import { isDeclaration, isMetric } from '../../language/generated/ast.js';
import { enclosingProgramName } from '../../language/scope/qualified-names.js';
import { attribute } from '../../language/attributes.js';
import { labelText } from './shown-text.js';

/**
 * The candidates worth offering for a reference, from the scope's:
 * - inside a program, its members by simple name only (not again as
 *   `Program.Name`, unless the text typed so far, `typed`, starts with `Program.`);
 * - one candidate per name (a program member shadows a global of the same name);
 * - not the declaration that holds the reference (`drives` itself);
 * - not the elements the same clause already lists (`moves A, B, |`), except
 *   the reference under the cursor, which is being edited.
 */
export function referenceCandidates(scope: Iterable<AstNodeDescription>, refInfo: ReferenceInfo, offset: number, typed: string): AstNodeDescription[] {
    const program = enclosingProgramName(refInfo.container);
    // Its own members qualified too once the writer has typed the program's name and the dot (`ChurnPilot.Rep`).
    const ownPrefix = program && !typed.startsWith(`${program}.`) ? `${program}.` : undefined;
    // A fresh element's container is synthetic (its parent is only the node before the cursor): only a real declaration counts.
    const self = isDeclaration(refInfo.container) ? refInfo.container : undefined;
    const listed = listedReferences(refInfo, offset);
    const seen = new Set<string>();
    const result: AstNodeDescription[] = [];
    for (const candidate of scope) {
        if (seen.has(candidate.name)) continue;
        if (ownPrefix && candidate.name.startsWith(ownPrefix)) continue;
        if (self && candidate.node === self) continue;
        if (listed.names.has(candidate.name) || (candidate.node && listed.nodes.has(candidate.node))) continue;
        seen.add(candidate.name);
        result.push(candidate);
    }
    return result;
}

/** The references of the same property of the container, but the one the cursor is in. */
function listedReferences(refInfo: ReferenceInfo, offset: number): { names: Set<string>; nodes: Set<AstNode> } {
    const names = new Set<string>();
    const nodes = new Set<AstNode>();
    const value = (refInfo.container as unknown as Record<string, unknown>)[refInfo.property];
    for (const ref of Array.isArray(value) ? value : [value]) {
        if (!isReference(ref)) continue;
        const cst = ref.$refNode;
        if (cst && cst.offset <= offset && offset <= cst.end) continue;
        names.add(ref.$refText);
        if (ref.ref) nodes.add(ref.ref);
    }
    return { names, nodes };
}

/** `detail` of a reference candidate: its kind, a metric's kind, and its title on one line (shown-text.ts), e.g. `metric · leading — Repeat contact within 7 days`. */
export function referenceDetail(candidate: AstNodeDescription): string {
    const node = candidate.node;
    let head = candidate.type.toLowerCase();
    const kind = isMetric(node) ? attribute(node, 'Kind')?.value : undefined;
    if (kind) head += ` · ${kind}`;
    const title = node && 'title' in node && typeof node.title === 'string' ? node.title : undefined;
    return title ? `${head} — ${labelText(title)}` : head;
}

/**
 * For a metric reference, the kinds of metric the clause is for, best
 * first: an outcome is `measured by` lagging KPIs, a metric `drives` a
 * lagging one, a behavior `moves` leading KPIs, an objective's `kpi` names
 * a leading or lagging one. Activity and learning metrics come last.
 */
const KINDS_FIRST: Readonly<Record<string, readonly string[]>> = {
    measuredBy: ['lagging', 'leading'],
    drives: ['lagging', 'leading'],
    moves: ['leading', 'lagging'],
    kpis: ['leading', 'lagging']
};

/** Where a candidate goes in its list, by how well its kind of metric fits the clause (0 best). */
export function kindRank(candidate: AstNodeDescription, refInfo: ReferenceInfo): number {
    const kinds = KINDS_FIRST[refInfo.property];
    if (!kinds) return 0;
    const kind = isMetric(candidate.node) ? attribute(candidate.node, 'Kind')?.value : undefined;
    const at = kind === undefined ? -1 : kinds.indexOf(kind);
    return at < 0 ? kinds.length : at;
}
