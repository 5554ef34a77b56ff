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
 * For each reference of a list, the earlier one of the same comma list
 * that it repeats, if any: one that writes the same name (so names the same
 * declaration, resolved or not), or one that resolves to the same
 * declaration by another name (`M` and `P.M` in program `P`). A repeat is a
 * `syntax` error, and no finding of its own (`measured by M, M`). Two names
 * that resolve to different declarations, or a name that resolves to none
 * and is written otherwise, repeat nothing. A list given twice (`moves M`
 * ... `moves M`) is its keyword's `syntax` error; its names start a list of
 * their own.
 */
export function repeatedReferences(refs: readonly Reference[]): Array<Reference | undefined> {
    const byName = new Map<string, number>();
    const byTarget = new Map<AstNode, number>();
    let clauses: number[] | undefined;
    const latest = <K>(map: Map<K, number>, key: K, index: number): number | undefined => {
        const before = map.get(key);
        map.set(key, index);
        return before;
    };
    return refs.map((ref, index) => {
        const name = writtenName(ref);
        // A reference recovery left without a name is a parse error already.
        if (name === '') return undefined;
        const target = ref.ref;
        const sameName = latest(byName, name, index);
        const sameTarget = target ? latest(byTarget, target, index) : undefined;
        if (sameName === undefined && sameTarget === undefined) return undefined;
        // Told apart only once a name or target comes again (most lists repeat none).
        clauses ??= commaLists(refs);
        const list = clauses[index];
        const earlier = [sameName, sameTarget].find(before => before !== undefined && clauses![before] === list);
        return earlier === undefined ? undefined : refs[earlier];
    });
}

/** For each reference of a list, whether it repeats an earlier one of its comma list ({@link repeatedReferences}). */
export function repeatsInList(refs: readonly Reference[]): boolean[] {
    return repeatedReferences(refs).map(earlier => earlier !== undefined);
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
