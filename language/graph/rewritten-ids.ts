import type { AstNode } from 'langium';
import type { Fragment } from './fragment.js';
import { sameIds } from './graph-ids.js';

/**
 * The ids of one kind, in fragments made again (their document parsed
 * again), whose own figures may have changed: those the document's fragment
 * before did not declare with that id and kind, and those whose text is not
 * the same as before. A program also counts when the ids of its members
 * changed, a metric when the text of the program declaring it changed (the
 * program's window dates the metric's trajectory). Whatever else figures
 * read (edges, other nodes' figures, actuals blocks, `isolate` targets) the
 * update tracks by itself. After an edit of one title in a file of 10k
 * elements, this leaves one program to figure again instead of 555.
 */
export function rewrittenIds(fresh: Iterable<Fragment>, previous: ReadonlyMap<string, Fragment>, kind: 'program' | 'metric'): string[] {
    const ids: string[] = [];
    for (const f of fresh) {
        const old = previous.get(f.uri);
        const before = old && old !== f ? indexesOf(old, kind) : undefined;
        /** For pairs of program indexes of `f` and `old` (metrics only): whether the program is written as before. */
        const programsSame = new Map<number, boolean>();
        const declared = f.declared;
        for (let i = 0; i < declared.length; i++) {
            const d = declared[i]!;
            if (d.base.kind !== kind) continue;
            const id = f.ids[i]!;
            const j = before?.get(id);
            if (j === undefined || !sameText(d.ast, old!.declared[j]!.ast)) {
                ids.push(id);
            } else if (kind === 'program') {
                if (!sameIds(f.membersOf(i).map(k => f.ids[k]!), old!.membersOf(j).map(k => old!.ids[k]!))) ids.push(id);
            } else if (!sameProgram(f, d.programIndex, old!, old!.declared[j]!.programIndex, programsSame)) {
                ids.push(id);
            }
        }
    }
    return ids;
}

/** Index in `f.declared` of each id of `kind`. */
function indexesOf(f: Fragment, kind: 'program' | 'metric'): Map<string, number> {
    const indexes = new Map<string, number>();
    f.declared.forEach((d, i) => { if (d.base.kind === kind) indexes.set(f.ids[i]!, i); });
    return indexes;
}

/** Whether the programs at `p` (in `f`) and `q` (in `old`) are written the same; both -1 (top level) counts as the same. */
function sameProgram(f: Fragment, p: number, old: Fragment, q: number, memo: Map<number, boolean>): boolean {
    if (p < 0 || q < 0) return p < 0 && q < 0;
    const pair = p * old.declared.length + q;
    let same = memo.get(pair);
    if (same === undefined) {
        same = sameText(f.declared[p]!.ast, old.declared[q]!.ast);
        memo.set(pair, same);
    }
    return same;
}

/** True when two declarations are written the same (comments inside included). */
function sameText(a: AstNode, b: AstNode): boolean {
    const [x, y] = [a.$cstNode, b.$cstNode];
    if (!x || !y) return false;
    const [xStart, xEnd, yStart, yEnd] = [x.offset, x.end, y.offset, y.end];
    return xEnd - xStart === yEnd - yStart && x.root.fullText.substring(xStart, xEnd) === y.root.fullText.substring(yStart, yEnd);
}
