import type { Reference } from 'langium';
import type { Declaration, Program } from '../generated/ast.js';
import type { GraphNode } from '../graph/types.js';
import { codeSpan } from '../present/index.js';
import { referenceLists, repeatedReferences, writtenName } from '../reference-lists.js';
import type { LocalRuleContext, RuleContext } from './rule-context.js';

/**
 * `syntax`: a reference written again in the same list (`measured by M, M`),
 * or naming again by another name what an earlier one of the list names
 * (`M, P.M` in program `P`), marking the later: a list names each
 * declaration once, as a block gives each attribute once. The quick fix
 * removes it with its comma.
 */
export function checkRepeatedReferences(node: Declaration | Program, { report }: LocalRuleContext): void {
    for (const { property, keyword, refs } of referenceLists(node)) {
        if (refs.length < 2) continue;
        repeatedReferences(refs).forEach((earlier, index) => {
            if (!earlier) return;
            const ref = refs[index]!;
            const name = writtenName(ref);
            const first = writtenName(earlier);
            const twice = first === name ? `${codeSpan(name)} twice` : `${ref.ref?.$type.toLowerCase() ?? 'a declaration'} ${codeSpan(first)} twice, the second time as ${codeSpan(name)},`;
            report('syntax', `'${node.name}' names ${twice} in \`${keyword}\`. Name each once: remove this ${codeSpan(name)}.`,
                { node, property, index });
        });
    }
}

/**
 * The references of a list that resolve to a node no earlier one of the list
 * resolves to, with their index: a rule that marks references says a thing
 * about a target once, however often the list names it (`M, M`, `M, P.M`).
 */
export function firstOfEachTarget<T extends Reference>(refs: readonly T[], graph: RuleContext['graph']): Array<{ ref: T; index: number; target: GraphNode }> {
    const seen = new Set<GraphNode>();
    const first: Array<{ ref: T; index: number; target: GraphNode }> = [];
    refs.forEach((ref, index) => {
        const target = graph.nodeOf(ref.ref);
        if (!target || seen.has(target)) return;
        seen.add(target);
        first.push({ ref, index, target });
    });
    return first;
}
