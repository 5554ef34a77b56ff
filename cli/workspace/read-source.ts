import * as fs from 'node:fs';
import * as path from 'node:path';
import { binarySource, notUtf8NameSource, notUtf8Source, unreadableSource, type SourceProblem } from '../../language/files/source-problems.js';
import { describeCode, InputError } from './input-error.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** An `.align` file's text, or why it has none. */
export type SourceRead = { readonly text: string; readonly bom: boolean } | { readonly problem: SourceProblem };

/** Reads an `.align` file as UTF-8 text, without its leading byte order mark (one: a second is text); refuses binary and non-UTF-8 files with one clear line. */
export function readSourceFile(file: string, shownAs: string): string {
    const read = tryReadSource(file);
    if ('problem' in read) throw new InputError(`${shownAs}: ${read.problem.problem}`);
    return read.text;
}

/**
 * An `.align` file's text (as `readSourceFile`) and whether it starts with
 * a UTF-8 byte order mark (for `align fmt` to keep it), or what keeps it
 * from being Align source: unreadable, binary (a NUL byte), not UTF-8. The
 * whole file is read, whatever its size (docs/reliability.md, huge input).
 */
export function tryReadSource(file: string): SourceRead {
    let bytes: Buffer;
    try {
        bytes = fs.readFileSync(file);
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        // Listed from its folder but missing by that name: the folder's listing decoded a name that is not UTF-8.
        if (code === 'ENOENT' && path.basename(file).includes('\uFFFD')) return { problem: notUtf8NameSource() };
        return { problem: unreadableSource(describeCode(code, error)) };
    }
    const nul = bytes.indexOf(0);
    if (nul >= 0) return { problem: binarySource(lineAt(bytes, nul)) };
    let text: string;
    try {
        text = utf8.decode(bytes);
    } catch {
        const at = firstInvalidUtf8(bytes);
        return { problem: notUtf8Source(bytes[at]!, lineAt(bytes, at)) };
    }
    // The decoder has dropped one leading byte order mark (ignoreBOM false): a second one is text, kept.
    return { text, bom: bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf };
}

/** The offset of the first byte that does not start a valid UTF-8 sequence (the decoder's rules: no overlong forms, no surrogates, at most U+10FFFF). */
function firstInvalidUtf8(bytes: Uint8Array): number {
    for (let i = 0; i < bytes.length;) {
        const lead = bytes[i]!;
        const more = lead < 0x80 ? 0 : lead >= 0xc2 && lead <= 0xdf ? 1 : lead >= 0xe0 && lead <= 0xef ? 2 : lead >= 0xf0 && lead <= 0xf4 ? 3 : -1;
        if (more < 0) return i;
        const [low, high] = lead === 0xe0 ? [0xa0, 0xbf] : lead === 0xed ? [0x80, 0x9f] : lead === 0xf0 ? [0x90, 0xbf] : lead === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
        for (let k = 1; k <= more; k++) {
            const next = bytes[i + k];
            if (next === undefined || next < (k === 1 ? low : 0x80) || next > (k === 1 ? high : 0xbf)) return i;
        }
        i += more + 1;
    }
    return bytes.length - 1;
}

/** The 1-based line of a byte offset (lines end at `\n`). */
function lineAt(bytes: Uint8Array, offset: number): number {
    let line = 1;
    for (let i = bytes.indexOf(0x0a); i >= 0 && i < offset; i = bytes.indexOf(0x0a, i + 1)) line++;
    return line;
}
