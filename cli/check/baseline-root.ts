/**
 * The folder a baseline names files from (cli/check/baseline.ts): the same
 * whatever folder the check runs from and whichever of the workspace's
 * paths it is given, so that a baseline written in one folder matches a
 * check run from another.
 */
import { markedRoot, type LoadedWorkspace } from '../workspace/load-workspace.js';
import { reportRoot } from './report-root.js';

/**
 * The workspace root when a settings file (else a lock file) marks it;
 * else the repository root above the folder checked (nearest `.git`),
 * else the folder checked. An absolute path.
 */
export function baselineRoot(workspace: LoadedWorkspace): string {
    return markedRoot(workspace.root) ?? reportRoot(undefined, workspace.root);
}
