import type { AstNode } from 'langium';
import { isProgram } from '../generated/ast.js';

/** The name a declaration is known by from anywhere: `Name`, or `Program.Name` inside a program. */
export function qualifiedNameOf(node: AstNode & { name?: string }): string {
    const container = node.$container;
    const name = node.name ?? '';
    return isProgram(container) && container.name ? `${container.name}.${name}` : name;
}

/** The program a node is declared in, if any. */
export function enclosingProgramName(node: AstNode): string | undefined {
    for (let n: AstNode | undefined = node; n; n = n.$container) {
        if (isProgram(n)) return n.name;
    }
    return undefined;
}
