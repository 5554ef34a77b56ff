/**
 * Runs git for `align diff`. A repository git refuses to read (one of
 * another user: "detected dubious ownership", common in a CI container
 * whose checkout belongs to another uid) stops the command with git's
 * reason and the command that trusts it, instead of reading as "not a
 * repository".
 */
import { spawnSync } from 'node:child_process';
import { InputError } from '../workspace/input-error.js';
import { shellCommand } from '../shell-word.js';

/** What git printed and how it ended. */
export interface GitResult {
    ok: boolean;
    stdout: Buffer;
    stderr: string;
}

export interface GitOptions {
    input?: string;
    /** Bytes of standard output kept (1 GiB unless told). */
    maxBuffer?: number;
    /**
     * True for a command in another repository than the caller's (a
     * submodule): the variables that name a repository (`GIT_DIR`, set in a
     * git hook) are left out, so that git finds the one at `cwd`.
     */
    ownRepository?: boolean;
}

/** The variables that tie git to one repository, which a command in another (a submodule) must not inherit. */
const REPOSITORY_VARIABLES = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_IMPLICIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY',
    'GIT_ALTERNATE_OBJECT_DIRECTORIES', 'GIT_COMMON_DIR', 'GIT_PREFIX'];

/** Runs git in `cwd`; an InputError when git cannot run or refuses the repository. */
export function runGit(cwd: string, args: readonly string[], options: GitOptions = {}): GitResult {
    // Git's messages in English: they are matched here ("dubious ownership", "not a git repository").
    const env: NodeJS.ProcessEnv = { ...process.env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' };
    if (options.ownRepository) for (const name of REPOSITORY_VARIABLES) delete env[name];
    const result = spawnSync('git', args, { cwd, input: options.input, maxBuffer: options.maxBuffer ?? 1024 * 1024 * 1024, env });
    if (result.error) {
        const code = (result.error as NodeJS.ErrnoException).code;
        throw new InputError(code === 'ENOENT' ? 'git is not installed: align diff reads revisions with git' : `git could not run: ${result.error.message}`);
    }
    const stderr = result.stderr.toString('utf-8');
    if (result.status !== 0) {
        const refusal = refusedRepository(stderr);
        if (refusal !== undefined) throw new InputError(refusal);
    }
    return { ok: result.status === 0, stdout: result.stdout, stderr };
}

/** Runs git in `cwd`; returns stdout, or undefined when git exits non-zero. */
export function git(cwd: string, args: readonly string[], options: GitOptions = {}): Buffer | undefined {
    const result = runGit(cwd, args, options);
    return result.ok ? result.stdout : undefined;
}

/**
 * Why git refuses the repository, with the command that trusts it; undefined
 * for any other failure. Git 2.35.2 to 2.36 say "unsafe repository ('DIR' is
 * owned by someone else)", later ones "detected dubious ownership in
 * repository at 'DIR'".
 */
function refusedRepository(stderr: string): string | undefined {
    const match = /detected dubious ownership in repository at '([^'\n]*)'|unsafe repository \('([^'\n]*)' is owned by someone else\)/.exec(stderr);
    if (!match) return undefined;
    const folder = match[1] ?? match[2]!;
    return `git refuses to read the repository at ${folder}: it belongs to another user than the one running align (git's "dubious ownership" check, common in CI containers).`
        + ` If you trust it, run ${shellCommand(['git', 'config', '--global', '--add', 'safe.directory', folder])} and run align diff again`;
}

/** Git's message, without its `fatal: ` and on one line. */
export function gitReason(stderr: string): string {
    return stderr.trim().split('\n').map(line => line.replace(/^(fatal|error): /, '').trim()).filter(line => line !== '').join(' ') || 'no reason given';
}
