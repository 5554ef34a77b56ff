/**
 * The files of a workspace that are not Align text: a README or notes saved
 * as `x.align`. Such a file has a syntax error where its first code
 * (comments and blank space aside) begins; the parser then recovers
 * declarations from prose (a program named `as`, an outcome `a`), which
 * would get boxes in `align graph`, rows and sections of their own in the
 * review, and objectives in its coverage: both leave such a file out. A
 * file whose first code reads as Align and that has syntax errors further
 * on is an Align file with mistakes: both keep what could be read of it.
 */
import { leavesTextOut, type PlacedFinding } from '../check/collect-findings.js';

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
