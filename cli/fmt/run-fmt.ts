/**
 * `align fmt [paths...] [--check]`: the canonical layout (language/format),
 * in place. Every file is read before any is written, so unreadable input
 * (exit 2) leaves everything untouched; a file with a syntax error is
 * reported as `file:line:column message` and left as it is (exit 1).
 */
import * as fs from 'node:fs';
import { formatAlign } from '../../language/format/format-align.js';
import type { FmtArgs } from '../args.js';
import { relativePath } from '../check/collect-findings.js';
import type { Progress } from '../progress.js';
import { findAlignFiles } from '../workspace/find-files.js';
import { describeCode, InputError } from '../workspace/input-error.js';
import { readSourceFile } from '../workspace/read-source.js';

export interface FmtIo {
    write(text: string): void;
    progress: Progress;
}

/** Runs `align fmt`; resolves to 0 (nothing to do or all written), 1 (--check found changes, or syntax errors). */
export async function runFmt(args: FmtArgs, io: FmtIo): Promise<number> {
    const files = (await findAlignFiles(args.paths)).map(file => ({ file, shown: relativePath(file) || file }));
    const sources = files.map(({ file, shown }, i) => {
        const text = readSourceFile(file, shown);
        io.progress.update('read', i + 1, files.length);
        return { file, shown, text };
    });
    const changed: string[] = [];
    const problems: string[] = [];
    sources.forEach(({ file, shown, text }, i) => {
        const result = formatAlign(text);
        io.progress.update(args.check ? 'checked' : 'formatted', i + 1, sources.length);
        if ('error' in result) {
            problems.push(problemLine(shown, text, result.error));
            return;
        }
        if (!result.changed) return;
        if (!args.check) writeSource(file, shown, result.text);
        changed.push(shown);
    });
    io.progress.done();
    if (changed.length > 0) io.write(changed.map(f => `${f}\n`).join(''));
    if (problems.length > 0) process.stderr.write(problems.map(p => `${p}\n`).join(''));
    return problems.length > 0 || (args.check && changed.length > 0) ? 1 : 0;
}

/**
 * `file:line:column message` for a file the formatter refused. Its message
 * reads `Not formatted: the file has a syntax error (12:5 message).`
 */
function problemLine(shown: string, text: string, error: string): string {
    const syntax = /syntax error \((\d+):(\d+) (.*)\)\.$/.exec(error);
    if (syntax) return `${shown}:${syntax[1]}:${syntax[2]} syntax error: ${sentence(syntax[3]!)} (not formatted)`;
    const atEnd = /syntax error \(end of file: (.*)\)\.$/.exec(error);
    if (atEnd) {
        const lines = text.split(/\r?\n/);
        return `${shown}:${lines.length}:${lines.at(-1)!.length + 1} syntax error: ${sentence(atEnd[1]!)} (not formatted)`;
    }
    return `${shown}: ${error}`;
}

/** A message without its final period, to go on in the same line. */
function sentence(message: string): string {
    return message.trim().replace(/\.$/, '');
}

function writeSource(file: string, shown: string, text: string): void {
    try {
        fs.writeFileSync(file, text);
    } catch (error) {
        throw new InputError(`${shown}: cannot be written (${describeCode((error as NodeJS.ErrnoException).code, error)})`);
    }
}
