/**
 * The files of a report that are not Align text: a README or notes saved
 * as `x.align`. Such a file has a syntax error where its first code
 * (comments and blank space aside) begins; the parser then recovers
 * declarations from prose (a program named `as`, an outcome `a`), which
 * would get rows and sections of their own in the review. A file whose
 * first code reads as Align and that has syntax errors further on is an
 * Align file with mistakes: the report keeps what could be read of it.
 */
import { push } from '../../language/graph/adjacency.js';
import { plural } from '../../language/present/index.js';
import { leavesTextOut, type PlacedFinding } from '../check/collect-findings.js';
import type { Block } from './blocks.js';

/** The URIs of the documents (`uri`, `text`) whose first syntax error is at their first code. */
export function notAlignFiles(documents: ReadonlyArray<{ uri: string; text: string }>, findings: readonly PlacedFinding[]): Set<string> {
    const firstError = new Map<string, { line: number; character: number }>();
    for (const f of findings) {
        if (!f.uri || !f.range || !leavesTextOut(f)) continue;
        const before = firstError.get(f.uri);
        if (!before || f.range.start.line < before.line || (f.range.start.line === before.line && f.range.start.character < before.character)) firstError.set(f.uri, f.range.start);
    }
    const files = new Set<string>();
    for (const { uri, text } of documents) {
        const error = firstError.get(uri);
        const code = firstCode(text);
        if (error && code && error.line === code.line && error.character === code.character) files.add(uri);
    }
    return files;
}

/** Where the first code of `text` is (after a byte order mark, blank space, `//` and `/* *\/` comments), 0-based as LSP positions; undefined when it has none. */
function firstCode(text: string): { line: number; character: number } | undefined {
    let i = text.startsWith('\uFEFF') ? 1 : 0;
    for (;;) {
        while (i < text.length && /\s/.test(text[i]!)) i++;
        if (text.startsWith('//', i)) {
            const end = text.indexOf('\n', i);
            if (end < 0) return undefined;
            i = end + 1;
        } else if (text.startsWith('/*', i)) {
            const end = text.indexOf('*/', i + 2);
            if (end < 0) return undefined;
            i = end + 2;
        } else break;
    }
    if (i >= text.length) return undefined;
    const lines = text.slice(0, i).split(/\r\n|\r|\n/);
    return { line: lines.length - 1, character: lines[lines.length - 1]!.length };
}

/**
 * The notice at the top of a report that leaves out files that are not
 * Align text: which files, how many syntax errors, and what to do.
 * Undefined when there are none.
 */
export function notAlignNotice(findings: readonly PlacedFinding[], files: ReadonlySet<string>): Block | undefined {
    const byFile = new Map<string, PlacedFinding[]>();
    for (const f of findings) if (f.uri && files.has(f.uri) && leavesTextOut(f)) push(byFile, f.file, f);
    if (byFile.size === 0) return undefined;
    const listed = [...byFile.entries()].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
    const one = listed.length === 1;
    return {
        type: 'notice',
        text: [{ strong: `${plural(listed.length, 'file')} ${one ? 'is' : 'are'} not Align text` }, `: ${one ? 'its' : 'their'} first line of code does not read as Align, so nothing in ${one ? 'it' : 'them'} is in this review (no program, outcome or finding recovered from ${one ? 'it' : 'them'}). Rename ${one ? 'it' : 'them'} to another extension, or fix ${one ? 'it' : 'them'} (`, { code: 'align check' }, ' lists the errors).'],
        items: listed.map(([file, list]) => [{ code: file }, `: ${plural(list.length, 'syntax error')}, the first at line ${list.reduce((first, f) => Math.min(first, f.line), Infinity)}.`])
    };
}
