import * as fs from 'node:fs';
import { describeCode, InputError } from './input-error.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads an `.align` file as UTF-8 text, without a leading byte order mark; refuses binary and non-UTF-8 files with one clear line. */
export function readSourceFile(file: string, shownAs: string): string {
    return readSource(file, shownAs).text;
}

/** As `readSourceFile`, and whether the file starts with a UTF-8 byte order mark (for `align fmt` to keep it). */
export function readSource(file: string, shownAs: string): { text: string; bom: boolean } {
    let bytes: Buffer;
    try {
        bytes = fs.readFileSync(file);
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new InputError(`${shownAs}: cannot be read (${describeCode(code, error)})`);
    }
    if (bytes.includes(0)) throw new InputError(`${shownAs}: is a binary file, not Align source`);
    try {
        return { text: utf8.decode(bytes).replace(/^\uFEFF/, ''), bom: bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf };
    } catch {
        throw new InputError(`${shownAs}: is not valid UTF-8 text`);
    }
}
