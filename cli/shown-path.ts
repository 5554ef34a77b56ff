import * as path from 'node:path';
import { escapeUnseen } from '../language/present/controls.js';

/** A file as findings name it: relative to the working folder, with `/` on every system. */
export function relativePath(file: string): string {
    return path.relative(process.cwd(), file).split(path.sep).join('/');
}

/**
 * A file or folder as a message shows it: relative to the working folder,
 * or `whenHere` (by default the path as given) when it is that folder;
 * control characters in the name as `\xHH` (they would drive the terminal),
 * bidirectional overrides as `\uHHHH` (language/present/controls.ts).
 */
export function shownPath(file: string, whenHere = file): string {
    return escapeUnseen(path.relative(process.cwd(), file) || whenHere);
}
