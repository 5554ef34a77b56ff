import type { AstNode, Reference } from 'langium';
import type { Declaration, Program } from './generated/ast.js';

/**
 * The comma lists of references of each declaration type: every
 * `x+=[Type] (',' x+=[Type])*` of align.langium (unit-tested against the
 * grammar's reflection), with the words that start it.
 */
export const REFERENCE_LISTS: Readonly<Record<(Declaration | Program)['$type'], Readonly<Record<string, string>>>> = {
    Program: { serves: 'serves' }, Outcome: { measuredBy: 'measured by' }, Metric: { drives: 'drives' }, Skill: {},
    Behavior: { enabledBy: 'enabled by', moves: 'moves' }, Objective: { builds: 'builds', kpis: 'kpi' }, Toolkit: { behaviors: 'for' }
};

/** One reference list of a declaration: its property, the words that start it, and its references in the order written. */
export interface ReferenceList {
    readonly property: string;
    readonly keyword: string;
    readonly refs: readonly Reference[];
}

/** The reference lists of a declaration or program (none for another node). */
export function referenceLists(node: AstNode): ReferenceList[] {
    const lists = (REFERENCE_LISTS as Readonly<Record<string, Readonly<Record<string, string>> | undefined>>)[node.$type];
    if (!lists) return [];
    return Object.entries(lists).map(([property, keyword]) => ({
        property, keyword, refs: (node as unknown as Record<string, readonly Reference[] | undefined>)[property] ?? []
    }));
}

/** A reference's name as written, without white space between its parts (`P . M` is `P.M`). */
export function writtenName(ref: Reference): string {
    return ref.$refText.replace(/\s+/g, '');
}

/**
 * For each reference of a list, whether an earlier one of the same comma
 * list writes the same name (so names the same declaration, resolved or
 * not): a `syntax` error, and no finding of its own (`measured by M, M`).
 * A list given twice (`moves M` ... `moves M`) is its keyword's `syntax`
 * error; its names start a list of their own.
 */
export function repeatsInList(refs: readonly Reference[]): boolean[] {
    const latest = new Map<string, number>();
    let clauses: number[] | undefined;
    return refs.map((ref, index) => {
        const name = writtenName(ref);
        // A reference recovery left without a name is a parse error already.
        if (name === '') return false;
        const before = latest.get(name);
        latest.set(name, index);
        if (before === undefined) return false;
        // Told apart only once a name comes again (most lists repeat none).
        clauses ??= commaLists(refs);
        return clauses[before] === clauses[index];
    });
}

/** For each reference, the number of the comma list it is written in: a new one starts where the text before it is more than a comma. */
function commaLists(refs: readonly Reference[]): number[] {
    const lists: number[] = [];
    refs.forEach((ref, index) => {
        const previous = refs[index - 1]?.$refNode;
        const cst = ref.$refNode;
        const continues = previous !== undefined && cst !== undefined
            && /^\s*,\s*$/.test(cst.root.fullText.slice(previous.end, cst.offset).replace(/\/\*[\s\S]*?\*\/|\/\/[^\n\r]*/g, ' '));
        lists.push(index === 0 ? 0 : lists[index - 1]! + (continues ? 0 : 1));
    });
    return lists;
}
