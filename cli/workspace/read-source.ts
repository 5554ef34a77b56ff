import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeSource, type DecodedSource } from '../../language/files/decode-source.js';
import { notUtf8NameSource, unreadableSource } from '../../language/files/source-problems.js';
import { describeCode, InputError } from './input-error.js';

/** Reads an `.align` file as UTF-8 text, without its leading byte order mark (one: a second is text); refuses binary, UTF-16 and non-UTF-8 files with one clear line. */
export function readSourceFile(file: string, shownAs: string): string {
    const read = tryReadSource(file);
    if ('problem' in read) throw new InputError(`${shownAs}: ${read.problem.problem}`);
    return read.text;
}

/**
 * An `.align` file's text (as `readSourceFile`) and whether it starts with
 * a UTF-8 byte order mark (for `align fmt` to keep it), or what keeps it
 * from being Align source: unreadable, or as `decodeSource` finds its
 * bytes. The whole file is read, whatever its size (docs/reliability.md,
 * huge input).
 */
export function tryReadSource(file: string): DecodedSource {
    let bytes: Buffer;
    try {
        bytes = fs.readFileSync(file);
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        // Listed from its folder but missing by that name: the folder's listing decoded a name that is not UTF-8.
        if (code === 'ENOENT' && path.basename(file).includes('\uFFFD')) return { problem: notUtf8NameSource() };
        return { problem: unreadableSource(describeCode(code, error)) };
    }
    return decodeSource(bytes);
}
