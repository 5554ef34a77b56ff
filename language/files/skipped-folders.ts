/**
 * The folders no walk of a workspace enters: hidden ones (`.git`), installed
 * packages and build output. One answer for `align check`, `align diff`, the
 * language server's workspace and its file watcher, so that the editor and
 * CI check the same files (README, "align check").
 */
import { isHiddenName } from './folder-walk.js';

const SKIPPED = new Set(['node_modules', 'out', 'dist']);

/** Whether a folder named `name` is left out of a workspace walk. */
export function isSkippedFolder(name: string): boolean {
    return isHiddenName(name) || SKIPPED.has(name);
}
