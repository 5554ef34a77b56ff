import * as fs from 'node:fs';
import { describeCode, InputError } from './input-error.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads an `.align` file as UTF-8 text; refuses binary and non-UTF-8 files with one clear line. */
export function readSourceFile(file: string, shownAs: string): string {
    let bytes: Buffer;
    try {
        bytes = fs.readFileSync(file);
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new InputError(`${shownAs}: cannot be read (${describeCode(code, error)})`);
    }
    if (bytes.includes(0)) throw new InputError(`${shownAs}: is a binary file, not Align source`);
    try {
        return utf8.decode(bytes).replace(/^\uFEFF/, '');
    } catch {
        throw new InputError(`${shownAs}: is not valid UTF-8 text`);
    }
}
