/**
 * `align fmt [paths...] [--check]`: the canonical layout (language/format),
 * in place. Every file is read before any is written. A file with a syntax
 * error is reported as `align: file:line:column message` (wrapped as every
 * `align: ` message) and left as it is (exit 1); so is a file that is not
 * Align source (binary, not UTF-8, unreadable), at 1:1 with the words of
 * `align check`'s `syntax` finding, and the other files are still formatted.
 * A rewritten file keeps its line ends (CRLF, LF or lone CR) and its UTF-8 byte order
 * mark. `--check` prints `file: not formatted` per file and a closing hint.
 * A file that cannot be written (read-only, permission denied) gets one
 * line on standard error and the others are still formatted (exit 2), as
 * gofmt and prettier do: the list names only the files written. Catalog
 * files (`catalogs` of align.config.json) are left alone, as `align check`
 * leaves them out, unless the catalog is named on the command line.
 */
import * as fs from 'node:fs';
import { BOM } from '../../language/byte-order-mark.js';
import { formatAlign } from '../../language/format/format-align.js';
import { sourceProblemMessage } from '../../language/files/source-problems.js';
import type { FmtArgs } from '../args.js';
import { cellWidth } from '../../language/text/cell-width.js';
import { lineStarts } from '../../language/line-starts.js';
import type { Progress } from '../progress.js';
import { findAlignFiles } from '../workspace/find-files.js';
import { catalogFilesOf } from '../workspace/load-workspace.js';
import { describeCode } from '../workspace/input-error.js';
import type { DecodedSource } from '../../language/files/decode-source.js';
import { tryReadSource } from '../workspace/read-source.js';
import { printMessage } from '../message.js';
import { shellCommand } from '../shell-word.js';
import { shownPath } from '../shown-path.js';

export interface FmtIo {
    write(text: string): void;
    progress: Progress;
}

/** Runs `align fmt`; resolves to 0 (nothing to do or all written), 1 (--check found changes, or syntax errors), 2 (a file could not be written). */
export async function runFmt(args: FmtArgs, io: FmtIo): Promise<number> {
    // Catalog files are a library: formatting never edits them (language.md), unless the catalog is named (its owners' run).
    const excluded = await catalogFilesOf(args.paths);
    const files = (await findAlignFiles(args.paths, { excluded })).map(file => ({ file, shown: shownPath(file) }));
    const sources = files.map(({ file, shown }, i) => {
        const read = tryReadSource(file);
        io.progress.update('read', i + 1, files.length);
        return { file, shown, read };
    });
    const changed: string[] = [];
    const problems: string[] = [];
    const unwritten: string[] = [];
    sources.forEach(({ file, shown, read }, i) => {
        const result = formatSource(shown, read);
        io.progress.update(args.check ? 'checked' : 'formatted', i + 1, sources.length);
        if ('problem' in result) {
            problems.push(result.problem);
            return;
        }
        if (!result.changed) return;
        const failure = args.check ? undefined : writeSource(file, shown, result.text);
        if (failure) unwritten.push(failure);
        else changed.push(shown);
    });
    io.progress.done();
    if (changed.length > 0) io.write(changed.map(f => args.check ? `${f}: not formatted\n` : `${f}\n`).join(''));
    for (const problem of problems) printMessage(`align: ${problem}`);
    for (const failure of unwritten) printMessage(failure);
    if (args.check && changed.length > 0) process.stderr.write(`${formatHint(args.paths, changed.length)}\n`);
    if (unwritten.length > 0) return 2;
    return problems.length > 0 || (args.check && changed.length > 0) ? 1 : 0;
}

/** The closing line of `--check`: the command that formats the files, with the paths given (each once) when they fit in 80 columns. */
function formatHint(paths: readonly string[], count: number): string {
    const files = `${count} ${count === 1 ? 'file' : 'files'}`;
    const unique = [...new Set(paths)];
    const given = unique.length === 1 && unique[0] === '.' ? [] : unique.some(p => p.startsWith('-')) ? ['--', ...unique] : unique;
    const line = `align: run ${shellCommand(['align', 'fmt', ...given])} to format ${files}`;
    return cellWidth(line) <= 80 ? line : `align: run align fmt on the paths given to format ${files}`;
}

/** A file's text in the canonical layout (its byte order mark kept), or the problem line that says why it is not formatted. */
function formatSource(shown: string, read: DecodedSource): { problem: string } | { text: string; changed: boolean } {
    // Not Align source: the `syntax` finding of align check, at the file's start.
    if ('problem' in read) return { problem: `${shown}:1:1 syntax error: ${sentence(sourceProblemMessage(read.problem))} (not formatted)` };
    const result = formatAlign(read.text);
    if ('error' in result) return { problem: problemLine(shown, read.text, result.error) };
    return { text: read.bom ? BOM + result.text : result.text, changed: result.changed };
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
        const starts = lineStarts(text);
        return `${shown}:${starts.length}:${text.length - starts.at(-1)! + 1} syntax error: ${sentence(atEnd[1]!)} (not formatted)`;
    }
    return `${shown}: ${error}`;
}

/** A message without its final period, to go on in the same line. */
function sentence(message: string): string {
    return message.trim().replace(/\.$/, '');
}

/** Writes a formatted file; the one-line message when it cannot be written, else undefined. */
function writeSource(file: string, shown: string, text: string): string | undefined {
    try {
        fs.writeFileSync(file, text);
        return undefined;
    } catch (error) {
        return `align: ${shown}: cannot be written (${describeCode((error as NodeJS.ErrnoException).code, error)})`;
    }
}
