/**
 * Running a built bundle as `nobody`, for tests of files a user may not
 * read or write: root reads and writes anything, so as root such a test
 * runs the command through `setpriv` as that user. The checkout may sit
 * under a private folder (a CI's `mktemp -d`) and Node under root's home,
 * neither of which `nobody` can reach: the bundle's files are copied, and
 * Node and `node_modules` hard-linked (no copy of their bytes, and their
 * modes untouched), into a temporary folder every user can read.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeTempDir } from './temp-dirs.js';

export const NOBODY = 65534;
export const isRoot = process.getuid?.() === 0;

/** setpriv's arguments that run the rest of its command line as `nobody`. */
export const AS_NOBODY = [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups'];

/** A copy of part of the checkout that `nobody` can run: `node` runs `path.join(root, file)` for the files copied. */
export interface NobodyCopy {
    readonly node: string;
    readonly root: string;
}

/**
 * Copies `files` (paths in `repo`) into a folder `nobody` can read, with a
 * Node beside them and, if asked, `repo`'s node_modules; where setpriv or
 * hard links cannot be had here, the reason instead.
 */
export function copyForNobody(prefix: string, repo: string, files: readonly string[], options: { nodeModules?: boolean } = {}): NobodyCopy | string {
    if (spawnSync('setpriv', ['--version']).status !== 0) return 'setpriv is not installed';
    const root = makeTempDir(prefix);
    fs.chmodSync(root, 0o755);
    for (const file of files) {
        const target = path.join(root, file);
        fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o755 });
        fs.chmodSync(path.dirname(target), 0o755);
        fs.copyFileSync(path.join(repo, file), target);
        fs.chmodSync(target, 0o644);
    }
    const node = path.join(root, 'node');
    try {
        fs.linkSync(fs.realpathSync(process.execPath), node);
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
        fs.copyFileSync(process.execPath, node);
        fs.chmodSync(node, 0o755);
    }
    if (options.nodeModules) {
        const linked = spawnSync('cp', ['-al', path.join(repo, 'node_modules'), path.join(root, 'node_modules')], { encoding: 'utf-8' });
        if (linked.status !== 0) return `node_modules cannot be hard-linked into ${root}: ${linked.stderr.trim()}`;
    }
    const probe = spawnSync('setpriv', [...AS_NOBODY, node, '-e', `require('node:fs').accessSync(${JSON.stringify(path.join(root, files[0] ?? ''))})`], { encoding: 'utf-8' });
    if (probe.status !== 0) return `user nobody cannot run ${node} on ${root}: ${(probe.stderr || probe.error?.message || '').trim()}`;
    return { node, root };
}

/** Lets every user read a tree that a test made (temporary folders are private); never a hard-linked one, whose originals it would change. */
export function makeReadable(dir: string): void {
    fs.chmodSync(dir, 0o755);
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) makeReadable(file);
        else fs.chmodSync(file, 0o644);
    }
}

/** What a command run as `nobody` did: its exit status or signal and its outputs. */
export interface NobodyRun {
    readonly status: number | null;
    readonly signal: NodeJS.Signals | null;
    readonly stdout: string;
    readonly stderr: string;
}

/** Runs `node <copy>/<script> ...args` in `cwd` with `env` as `nobody` (setpriv); a failure to start throws. */
export function runAsNobody(copy: NobodyCopy, script: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): NobodyRun {
    const result = spawnSync('setpriv', [...AS_NOBODY, copy.node, path.join(copy.root, script), ...args],
        { cwd, env, encoding: 'utf-8', timeout: 50_000, stdio: ['ignore', 'pipe', 'pipe'] });
    if (result.error) throw result.error;
    return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}
