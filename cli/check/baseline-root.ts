/**
 * The folder a baseline names files from (cli/check/baseline.ts): the same
 * whatever folder the check runs from and whichever of the workspace's
 * paths it is given, so that a baseline written in one folder matches a
 * check run from another. The baseline says which folder in its `"paths"`.
 */
import * as path from 'node:path';
import { markedRoot, type LoadedWorkspace } from '../workspace/load-workspace.js';
import { repositoryRoot } from './report-root.js';

/**
 * How a baseline's files are named: `workspace-root` relative to
 * {@link baselineRoot}; `baseline-folder` relative to the folder of the
 * baseline file itself (written so when nothing marks the workspace root).
 */
export type BaselinePaths = 'workspace-root' | 'baseline-folder';

export const BASELINE_PATHS: readonly BaselinePaths[] = ['workspace-root', 'baseline-folder'];

/**
 * The workspace root when a settings file (else a lock file) marks it;
 * else the repository root above the folder checked (nearest `.git`),
 * else the folder checked. An absolute path.
 */
export function baselineRoot(workspace: LoadedWorkspace): string {
    return markedRoot(workspace.root) ?? repositoryRoot(workspace.root) ?? workspace.root;
}

/**
 * How `--write-baseline FILE` names files: from the workspace root when a
 * settings file, a lock file or a repository marks it; else from the folder
 * of FILE when the folder checked lies in it (a baseline usually sits at the
 * top of what it covers, so a later check of a subfolder or of one file
 * names them the same); else from the folder checked.
 */
export function writtenBaselineRoot(workspace: LoadedWorkspace, file: string): { paths: BaselinePaths; root: string } {
    const marked = markedRoot(workspace.root) ?? repositoryRoot(workspace.root);
    if (marked !== undefined) return { paths: 'workspace-root', root: marked };
    const folder = path.dirname(path.resolve(file));
    return isWithin(workspace.root, folder) ? { paths: 'baseline-folder', root: folder } : { paths: 'workspace-root', root: workspace.root };
}

/**
 * The folder the files of a baseline FILE are named from, as its `"paths"`
 * says; a baseline without `"paths"` (files relative to the current folder)
 * is read as named from the workspace root.
 */
export function readBaselineRoot(workspace: LoadedWorkspace, file: string, paths: BaselinePaths | undefined): string {
    return paths === 'baseline-folder' ? path.dirname(path.resolve(file)) : baselineRoot(workspace);
}

function isWithin(folder: string, ancestor: string): boolean {
    const relative = path.relative(ancestor, folder);
    return relative === '' || (relative !== '..' && !relative.startsWith('..' + path.sep) && !path.isAbsolute(relative));
}
