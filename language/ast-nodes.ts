import type { AstNode } from 'langium';

/**
 * Every node of a syntax tree, the root first, in the order of Langium's
 * `AstUtils.streamAst` (depth first, each node's properties in their own
 * order), as an array: about three times faster than the stream, whose
 * per-node iterator objects were a visible part of linking and validation.
 * The list is kept with the root (a parse makes a new tree, and nothing
 * changes a tree's containment after its parse): linking and validation
 * of the same parse share one walk.
 */
export function astNodes(root: AstNode): readonly AstNode[] {
    let nodes = walked.get(root);
    if (!nodes) {
        nodes = [];
        collect(root, nodes);
        walked.set(root, nodes);
    }
    return nodes;
}

const walked = new WeakMap<AstNode, AstNode[]>();

function collect(node: AstNode, into: AstNode[]): void {
    into.push(node);
    const record = node as unknown as Record<string, unknown>;
    // `for...in` reads the keys from the shape's cache (syntax nodes are plain objects, nothing enumerable inherited),
    // where `Object.keys` makes an array per node; the same order.
    for (const key in record) {
        if (key.charCodeAt(0) === 36 /* $ */) continue;
        const value = record[key];
        if (Array.isArray(value)) {
            for (let i = 0; i < value.length; i++) if (isNode(value[i])) collect(value[i] as AstNode, into);
        } else if (isNode(value)) {
            collect(value, into);
        }
    }
}

/** Langium's `isAstNode`, inlined. */
function isNode(value: unknown): value is AstNode {
    return typeof value === 'object' && value !== null && typeof (value as { $type?: unknown }).$type === 'string';
}
