/**
 * `align diff BASE [HEAD] [-- PATH...]`: loads both sides (git revisions
 * copied from the repository, the working tree, or folders), compares
 * their impact graphs and findings (language/diff), and prints the result.
 */
import * as path from 'node:path';
import { changeGraph, diffChains } from '../../language/diff/index.js';
import { InputError } from '../workspace/input-error.js';
import { writeOutputFile } from '../graph/write-output.js';
import type { Progress } from '../progress.js';
import type { DiffArgs, DiffFormat } from './diff-args.js';
import { diffJson } from './format-json.js';
import { diffMarkdown } from './format-md.js';
import { diffText, TEXT_WIDTH } from './format-text.js';
import { sourceOrSettingsByName } from '../check/output-file.js';
import { loadSide } from './load-side.js';
import type { DiffReport } from './report.js';
import { requireFilesUnder } from './require-files.js';
import { resolveSides } from './sides.js';
import { printMessage } from '../message.js';

export interface DiffIo {
    write(text: string): void;
    /** Columns of standard output: the terminal's, 80 when it is not a terminal. */
    width: number;
    progress: Progress;
}

/** Each format; `width` is the text's (the terminal's, 80 in a file). */
const FORMATTERS: Record<DiffFormat, (report: DiffReport, width: number) => string> = { md: diffMarkdown, json: diffJson, text: diffText };

/** Runs `align diff`; resolves to 0 when the comparison is printed (whatever it says). */
export async function runDiff(args: DiffArgs, io: DiffIo): Promise<number> {
    const output = diffOutput(args.output);
    if (args.formatWarning !== undefined) printMessage(args.formatWarning);
    const explicitPaths = !(args.paths.length === 1 && args.paths[0] === '.');
    const paths = explicitPaths ? args.paths : ['.'];
    const { base, head, notices } = resolveSides(args.base, args.head, paths);
    for (const notice of notices) printMessage(notice);
    const ambiguous = [base, head].filter(side => side.alsoRevision).map(side => side.label);
    if (ambiguous.length > 0) {
        const [names, tilde] = [ambiguous.join(' and '), ambiguous.map(name => `${name}~0`).join(' ')];
        printMessage(`align: ${names} ${ambiguous.length === 1 ? 'is a folder' : 'are folders'} here, compared as such; for git, write ${tilde}`);
    }
    try {
        const before = await loadSide(base, args, io.progress);
        const after = await loadSide(head, args, io.progress);
        if (base.scope) requireFilesUnder(paths, base.scope, { ...base, files: before.files }, { ...head, files: after.files });
        const diff = diffChains(before.diff, after.diff);
        const report: DiffReport = {
            diff,
            base: { label: base.label, commit: base.commit, files: before.files.length },
            head: { label: head.label, commit: head.commit, files: after.files.length },
            scope: base.scope && !base.scope.includes('') ? base.scope : undefined,
            change: changeGraph(before.diff.graph, after.diff.graph, diff)
        };
        const text = FORMATTERS[args.format](report, output === undefined ? io.width : TEXT_WIDTH);
        if (output !== undefined) writeOutputFile(output, text);
        else io.write(text);
        return 0;
    } finally {
        base.dispose();
        head.dispose();
    }
}

/**
 * The file `--output` names: none for `-` (standard output, as for the
 * other commands); never an `.align` file or a settings file, which a diff
 * reads (on the working tree's side) and never writes (exit 2).
 */
function diffOutput(output: string | undefined): string | undefined {
    if (output === undefined || output === '-') return undefined;
    const name = path.basename(output);
    const what = sourceOrSettingsByName(name);
    if (what !== undefined) throw new InputError(`--output ${output}: is ${what}, which align diff reads; write the output to another file`);
    return output;
}
