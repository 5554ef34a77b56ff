/**
 * `align fmt [paths...] [--check]`: the canonical layout (language/format),
 * in place. Every file is read before any is written, so unreadable input
 * (exit 2) leaves everything untouched; a file with a syntax error is
 * reported as `file:line:column message` and left as it is (exit 1). A
 * rewritten file keeps its line ends (CRLF, LF or lone CR) and its UTF-8 byte order
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
import type { FmtArgs } from '../args.js';
import { cellWidth } from '../cell-width.js';
import type { Progress } from '../progress.js';
import { findAlignFiles } from '../workspace/find-files.js';
import { catalogFilesOf } from '../workspace/load-workspace.js';
import { describeCode } from '../workspace/input-error.js';
import { readSource } from '../workspace/read-source.js';
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
        const { text, bom } = readSource(file, shown);
        io.progress.update('read', i + 1, files.length);
        return { file, shown, text, bom };
    });
    const changed: string[] = [];
    const problems: string[] = [];
    const unwritten: string[] = [];
    sources.forEach(({ file, shown, text, bom }, i) => {
        const result = formatAlign(text);
        io.progress.update(args.check ? 'checked' : 'formatted', i + 1, sources.length);
        if ('error' in result) {
            problems.push(problemLine(shown, text, result.error));
            return;
        }
        if (!result.changed) return;
        const failure = args.check ? undefined : writeSource(file, shown, bom ? BOM + result.text : result.text);
        if (failure) unwritten.push(failure);
        else changed.push(shown);
    });
    io.progress.done();
    if (changed.length > 0) io.write(changed.map(f => args.check ? `${f}: not formatted\n` : `${f}\n`).join(''));
    if (problems.length > 0) process.stderr.write(problems.map(p => `${p}\n`).join(''));
    if (unwritten.length > 0) process.stderr.write(unwritten.map(p => `${p}\n`).join(''));
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

/**
 * `file:line:column message` for a file the formatter refused. Its message
 * reads `Not formatted: the file has a syntax error (12:5 message).`
 */
function problemLine(shown: string, text: string, error: string): string {
    const syntax = /syntax error \((\d+):(\d+) (.*)\)\.$/.exec(error);
    if (syntax) return `${shown}:${syntax[1]}:${syntax[2]} syntax error: ${sentence(syntax[3]!)} (not formatted)`;
    const atEnd = /syntax error \(end of file: (.*)\)\.$/.exec(error);
    if (atEnd) {
        const lines = text.split(/\r\n?|\n/);
        return `${shown}:${lines.length}:${lines.at(-1)!.length + 1} syntax error: ${sentence(atEnd[1]!)} (not formatted)`;
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
