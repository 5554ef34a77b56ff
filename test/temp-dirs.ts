/**
 * Temporary folders of the test suites: each one made here is removed when
 * the suite's process exits (or earlier by `removeTempDirs`), so that a test
 * run leaves nothing in the system's temporary folder, failed tests included.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const made: string[] = [];

/** A new empty folder under the system's temporary folder (its real path: /tmp may be a symbolic link). */
export function makeTempDir(prefix: string): string {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
    made.push(dir);
    return dir;
}

/** Removes every folder made so far. */
export function removeTempDirs(): void {
    for (const dir of made.splice(0)) {
        makeWritable(dir);
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

process.once('exit', removeTempDirs);

/**
 * Undoes `chmod 000` of folders (tests of unreadable files) in a tree, so
 * that it can be removed. Only folders: removing a file needs no right on
 * the file, and a file's mode is its inode's, which a hard link in the tree
 * (test/as-nobody.ts) shares with the original.
 */
function makeWritable(dir: string): void {
    if (!fs.existsSync(dir)) return;
    fs.chmodSync(dir, 0o755);
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) makeWritable(path.join(dir, entry.name));
    }
}
