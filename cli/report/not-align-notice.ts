/** The report's notice of the files that are not Align text (cli/graph/not-align-files.ts). */
import { push } from '../../language/graph/adjacency.js';
import { plural } from '../../language/present/index.js';
import { leavesTextOut, type PlacedFinding } from '../check/collect-findings.js';
import type { Block } from './blocks.js';

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
