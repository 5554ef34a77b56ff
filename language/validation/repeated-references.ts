import type { Reference } from 'langium';
import type { Declaration, Program } from '../generated/ast.js';
import type { GraphNode } from '../graph/types.js';
import { referenceLists, repeatsInList, writtenName } from '../reference-lists.js';
import type { LocalRuleContext, RuleContext } from './rule-context.js';

/**
 * `syntax`: a reference written again in the same list (`measured by M, M`),
 * marking the second: a list names each declaration once, as a block gives
 * each attribute once. The quick fix removes it with its comma.
 */
export function checkRepeatedReferences(node: Declaration | Program, { report }: LocalRuleContext): void {
    for (const { property, keyword, refs } of referenceLists(node)) {
        if (refs.length < 2) continue;
        repeatsInList(refs).forEach((repeated, index) => {
            if (!repeated) return;
            const name = writtenName(refs[index]!);
            report('syntax', `'${node.name}' names \`${name}\` twice in \`${keyword}\`. Name each once: remove this \`${name}\`.`,
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
