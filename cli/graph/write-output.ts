import * as fs from 'node:fs';
import { describeCode, InputError } from '../workspace/input-error.js';

/** Writes `--output FILE`; a file that cannot be written is a one-line InputError (exit 2). */
export function writeOutputFile(file: string, text: string, flag = '--output'): void {
    try {
        fs.writeFileSync(file, text);
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new InputError(`${flag} ${file}: cannot be written (${code === 'ENOENT' ? 'no such folder, ENOENT' : describeCode(code, error)})`);
    }
}
