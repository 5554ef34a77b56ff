/**
 * References are resolved among the files a check reads: `align check
 * churn-pilot.align` alone does not read the metrics declared in the other
 * files of its folder, and reports each use of them as an
 * `unresolved-reference`. When some references did not resolve and the
 * paths given leave out `.align` files of the workspace folder, one line on
 * standard error says so and gives the command that reads them all (in the
 * `pretty` format, for a reader).
 */
import * as fs from 'node:fs';
import { URI } from 'langium';
import type { Finding } from '../../language/rules.js';
import { plural } from '../../language/present/index.js';
import { shellCommand } from '../shell-word.js';
import { relativePath, shownPath } from '../shown-path.js';
import { findAlignFilesPerPath } from '../workspace/find-files.js';
import { templatesResolver } from '../workspace/templates-of.js';
import type { LoadedWorkspace } from '../workspace/load-workspace.js';

/** The hint, or undefined: every reference resolved, or every `.align` file of the workspace folder was read. */
export async function unreadFilesHint(findings: readonly Finding[], workspace: LoadedWorkspace): Promise<string | undefined> {
    const unresolved = findings.filter(f => f.rule === 'unresolved-reference').length;
    if (unresolved === 0) return undefined;
    // By real path: a file read under a link's name (`align check link.align`) was read, though the walk names it by its own.
    const read = new Set(await Promise.all(workspace.documents.map(d => realPathOf(d.uri.fsPath))));
    const catalogs = workspace.services.align.Catalogs;
    // The walk knows where each file it found really is.
    const [walked] = await findAlignFilesPerPath([workspace.root], templatesResolver());
    const left = walked!.files.filter(file => !catalogs.isCatalog(URI.file(file)) && !read.has(walked!.realPaths.get(file)?.real ?? file));
    if (left.length === 0) return undefined;
    const folder = shownPath(workspace.root, '.');
    const were = left.length === 1 ? 'was' : 'were';
    return `align: ${plural(unresolved, 'reference')} did not resolve, and ${plural(left.length, 'other .align file')} in ${folder === '.' ? 'this folder' : folder} ${were} not read:`
        + ` a name declared there is unknown to this check. To read them all, run ${shellCommand(['align', 'check', ...pathWords(relativePath(workspace.root) || '.')])}`;
}

/** A path as the last words of a command: after `--` when it would read as an option. */
function pathWords(real: string): string[] {
    return real.startsWith('-') ? ['--', real] : [real];
}

/** Where `file` really is, symbolic links resolved; the path itself when it is gone since it was read. */
async function realPathOf(file: string): Promise<string> {
    try {
        return await fs.promises.realpath(file);
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code === undefined) throw error;
        return file;
    }
}
