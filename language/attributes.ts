import type { AstNode } from 'langium';

/**
 * Reading the one-value attributes of a declaration (`sponsor`, `baseline`,
 * `target`...). The grammar collects them as nodes in `attributes`, in the
 * order written; a second one of a type is a `syntax` error
 * (`checkDuplicateAttributes`), and readers take the first.
 */

/** A declaration whose block holds attribute nodes. */
export interface Attributed {
    readonly attributes: readonly AstNode[];
}

/** The attribute node types a declaration of type `N` may hold. */
export type AttributeOf<N extends Attributed> = N['attributes'][number];

/** The attribute of type `type` (e.g. `'Baseline'`) written in `node`'s block, the first if written twice. */
export function attribute<N extends Attributed, T extends AttributeOf<N>['$type']>(
    node: N, type: T
): Extract<AttributeOf<N>, { $type: T }> | undefined {
    return node.attributes.find(a => a.$type === type) as Extract<AttributeOf<N>, { $type: T }> | undefined;
}
