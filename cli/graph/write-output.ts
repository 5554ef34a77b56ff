import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeCode, InputError } from '../workspace/input-error.js';

/**
 * Writes `--output FILE` (or `--write-baseline FILE`), making its folder
 * first when it is missing (`-o reports/2026-12.html` in a fresh CI
 * checkout, as ESLint's `--output-file` does); a file that cannot be
 * written is a one-line InputError (exit 2).
 */
export function writeOutputFile(file: string, text: string, flag = '--output'): void {
    let undo = () => undefined as void;
    try {
        undo = makeFolderOf(file);
        fs.writeFileSync(file, text);
    } catch (error) {
        undo();
        throw new InputError(`${flag} ${file}: ${cannotWrite(error)}`);
    }
}

/**
 * Makes the folder `file` goes in, and the folders above it, when missing;
 * returns what removes the folders it made (a write that then fails leaves
 * no empty folders behind).
 */
export function makeFolderOf(file: string): () => void {
    const first = fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    return () => { if (first !== undefined) fs.rmSync(first, { recursive: true, force: true }); };
}

/** Why a file cannot be written, for its one-line message: `cannot be written (a file is in the way of its folder, ENOTDIR)`. */
export function cannotWrite(error: unknown): string {
    const code = (error as NodeJS.ErrnoException).code;
    return `cannot be written (${code === 'ENOTDIR' || code === 'EEXIST' ? `a file is in the way of its folder, ${code}` : describeCode(code, error)})`;
}
