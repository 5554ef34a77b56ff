import { isAstNode, isReference, type AstNode } from 'langium';

/**
 * The content of an AST as plain data: node types, property values and
 * reference texts, without CST links, containers or positions, with keys in
 * a fixed order. Two parses of differently laid-out text that mean the same
 * have equal shapes (compare with `JSON.stringify` or a deep equality).
 */
export function astShape(node: AstNode): unknown {
    return shapeOf(node);
}

function shapeOf(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(shapeOf);
    if (isReference(value)) return { $ref: value.$refText };
    if (isAstNode(value)) {
        const shape: Record<string, unknown> = { $type: value.$type };
        for (const key of Object.keys(value).filter(k => !k.startsWith('$')).sort()) {
            shape[key] = shapeOf((value as unknown as Record<string, unknown>)[key]);
        }
        return shape;
    }
    return value;
}

/**
 * The comments of a text as the formatter must keep them: each line trimmed
 * (re-indenting a block comment changes only its indentation), sorted (a
 * program's attributes move before its members with their comments).
 */
export function commentShape(comments: ReadonlyArray<{ image: string }>): string[] {
    return comments.map(c => c.image.split(/\r?\n/).map(l => l.trim()).join('\n')).sort();
}
