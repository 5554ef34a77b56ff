/**
 * The workspace's `.align` files as the last commit had them, read through
 * `HeadSource` (the git extension's API on the desktop; git itself in the
 * tests). Imports no `vscode`: the logic runs under node tests against a
 * real repository.
 */

/** A git repository as the comparison reads it. */
export interface HeadSource {
    /** Its top folder, a file system path. */
    readonly root: string;
    /** The commit HEAD names; undefined before the first commit. */
    readonly head: string | undefined;
    /** Files changed since HEAD (staged or not), by their path at HEAD: this is how deleted and renamed files are found. */
    changedSinceHead(): readonly string[];
    /** A file's text at HEAD; undefined when HEAD does not have it (a new file). */
    readAtHead(path: string): Promise<string | undefined>;
}

/** One file of the base. */
export interface BaseFile {
    path: string;
    text: string;
}

/** What `headFiles` reads. */
export interface HeadFilesInput {
    /** The workspace's `.align` files now (file system paths). */
    current: readonly string[];
    repositories: readonly HeadSource[];
    /** Whether a path belongs to the workspace (a deleted file must have been in a workspace folder). */
    inWorkspace(path: string): boolean;
    /** A file's text now: files in no repository are their own base. */
    readCurrent(path: string): Promise<string>;
}

/**
 * The base of the comparison: every `.align` file of the workspace as HEAD
 * has it (files deleted or renamed since included, files added since left
 * out), and files outside every repository as they are now. Sorted by path.
 */
export async function headFiles(input: HeadFilesInput): Promise<BaseFile[]> {
    const changed = input.repositories.flatMap(r => r.changedSinceHead()).filter(p => isAlignFile(p) && input.inWorkspace(p));
    const paths = [...new Set([...input.current, ...changed])].sort();
    const files = await Promise.all(paths.map(async (path): Promise<BaseFile | undefined> => {
        const repository = repositoryOf(path, input.repositories);
        const text = repository ? repository.head === undefined ? undefined : await repository.readAtHead(path) : await input.readCurrent(path);
        return text === undefined ? undefined : { path, text };
    }));
    return files.filter((f): f is BaseFile => f !== undefined);
}

/** The innermost repository that holds a path (a submodule over its parent). */
export function repositoryOf<R extends { root: string }>(path: string, repositories: readonly R[]): R | undefined {
    return repositories.filter(r => isInside(path, r.root)).sort((a, b) => b.root.length - a.root.length)[0];
}

/** What the legend calls the base: `HEAD (3f2a9c1)` for one repository, `HEAD` for several. */
export function headLabel(repositories: readonly HeadSource[]): string {
    const commits = [...new Set(repositories.map(r => r.head).filter((c): c is string => c !== undefined))];
    return commits.length === 1 ? `HEAD (${commits[0]!.slice(0, 7)})` : 'HEAD';
}

function isInside(path: string, root: string): boolean {
    const trimmed = root.replace(/[\\/]+$/, '');
    return path === trimmed || (path.startsWith(trimmed) && (path[trimmed.length] === '/' || path[trimmed.length] === '\\'));
}

function isAlignFile(path: string): boolean {
    return path.toLowerCase().endsWith('.align');
}
