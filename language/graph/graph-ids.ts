import type { AstNode } from 'langium';
import type { Declaration, Program } from '../generated/ast.js';
import type { DeclaredNode } from './collect-nodes.js';
import type { Fragment } from './fragment.js';

/** The ids of every fragment, and the declarations whose name is taken twice. */
export interface AssignedIds {
    /** New ids of each fragment, in the fragments' order. */
    readonly ids: string[][];
    /** For each declaration whose qualified name is taken more than once: every declaration of that name, itself included (one array per name). */
    readonly duplicates: Map<AstNode, Array<Declaration | Program>>;
    /** The qualified names taken more than once. */
    readonly dupKeys: Set<string>;
}

/**
 * Gives each declaration its id: its qualified name, with `#2`, `#3`... for
 * the second and later declarations of the same name, in document order
 * (documents sorted by URI).
 */
export function assignIds(fragments: readonly Fragment[]): AssignedIds {
    const seen = new Map<string, Array<Declaration | Program> | Declaration | Program>();
    const ids = fragments.map(fragment => fragment.declared.map(({ ast, key }) => {
        const before = seen.get(key);
        if (before === undefined) {
            seen.set(key, ast);
            return key;
        }
        const group = Array.isArray(before) ? before : [before];
        group.push(ast);
        seen.set(key, group);
        return `${key}#${group.length}`;
    }));
    const duplicates = new Map<AstNode, Array<Declaration | Program>>();
    const dupKeys = new Set<string>();
    seen.forEach((group, key) => {
        if (!Array.isArray(group)) return;
        dupKeys.add(key);
        for (const ast of group) duplicates.set(ast, group);
    });
    return { ids, duplicates, dupKeys };
}

/** True when two documents declare the same qualified names, in the same order. */
export function sameKeys(a: readonly DeclaredNode[], b: readonly DeclaredNode[]): boolean {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i]!.key !== b[i]!.key) return false;
    return true;
}

/** True when two id lists are equal. */
export function sameIds(a: readonly string[], b: readonly string[]): boolean {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
}
