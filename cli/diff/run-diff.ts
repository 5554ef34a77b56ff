/**
 * `align diff BASE [HEAD] [-- PATH...]`: loads both sides (git revisions
 * copied from the repository, the working tree, or folders), compares
 * their impact graphs and findings (language/diff), and prints the result.
 */
import { changeGraph, diffChains } from '../../language/diff/index.js';
import { writeOutputFile } from '../graph/write-output.js';
import type { Progress } from '../progress.js';
import type { DiffArgs, DiffFormat } from './diff-args.js';
import { diffJson } from './format-json.js';
import { diffMarkdown } from './format-md.js';
import { diffText } from './format-text.js';
import { loadSide } from './load-side.js';
import type { DiffReport } from './report.js';
import { resolveSides } from './sides.js';

export interface DiffIo {
    write(text: string): void;
    progress: Progress;
}

const FORMATTERS: Record<DiffFormat, (report: DiffReport) => string> = { md: diffMarkdown, json: diffJson, text: diffText };

/** Runs `align diff`; resolves to 0 when the comparison is printed (whatever it says). */
export async function runDiff(args: DiffArgs, io: DiffIo): Promise<number> {
    const explicitPaths = !(args.paths.length === 1 && args.paths[0] === '.');
    const [base, head] = resolveSides(args.base, args.head, explicitPaths ? args.paths : ['.']);
    const ambiguous = [base, head].filter(side => side.alsoRevision).map(side => side.label);
    if (ambiguous.length > 0) {
        const [names, tilde] = [ambiguous.join(' and '), ambiguous.map(name => `${name}~0`).join(' ')];
        process.stderr.write(`align: ${names} ${ambiguous.length === 1 ? 'is a folder' : 'are folders'} here, compared as such; for git, write ${tilde}\n`);
    }
    try {
        const before = await loadSide(base, args, io.progress);
        const after = await loadSide(head, args, io.progress);
        const diff = diffChains(before.diff, after.diff);
        const report: DiffReport = {
            diff,
            base: { label: base.label, commit: base.commit, files: before.files },
            head: { label: head.label, commit: head.commit, files: after.files },
            scope: base.scope && !base.scope.includes('') ? base.scope : undefined,
            change: changeGraph(before.diff.graph, after.diff.graph, diff)
        };
        const text = FORMATTERS[args.format](report);
        if (args.output !== undefined) writeOutputFile(args.output, text);
        else io.write(text);
        return 0;
    } finally {
        base.dispose();
        head.dispose();
    }
}
