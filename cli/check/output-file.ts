/**
 * `--output FILE` of `align check`, `graph` and `report`, and `align check
 * --write-baseline FILE`, never overwrite what a check reads: an `.align`
 * source (the workspace's, or a catalog's, read or not), a settings file (the
 * workspace's or one of its `extends` chain), the baseline, an actuals file
 * (a CSV file or a pulled snapshot, of the workspace or of a catalog) or a
 * lock file of `align pull`. Nor do they create one: a file named
 * `align.config.json` is refused wherever it is, existing or not (a new one
 * would become the settings of its folder and the folders under it).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI } from 'langium';
import { CONFIG_FILE } from '../../language/config/extends.js';
import { isPullSql, type Model } from '../../language/generated/ast.js';
import { actualsBlocks } from '../../language/model-utils.js';
import { LOCK_FILE } from '../../language/pull/lock-file.js';
import { InputError } from '../workspace/input-error.js';
import type { LoadedWorkspace } from '../workspace/load-workspace.js';

/**
 * The real path of a file (through symbolic links) when it exists, else its
 * absolute path: one under a file (ENOTDIR) cannot be an input either, and
 * writing it says why.
 */
function canonical(file: string): string {
    const absolute = path.resolve(file);
    try {
        return fs.realpathSync(absolute);
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'ENOTDIR') return absolute;
        throw error;
    }
}

/**
 * What names one file: its device and inode when it exists (the same
 * through a symbolic link or a hard link), else its canonical path.
 */
function identity(file: string): string {
    const real = canonical(file);
    const stat = statOf(real);
    return stat ? `inode ${stat.dev}:${stat.ino}` : `path ${real}`;
}

/** The file's stat, or undefined when there is none: missing, or under a file (ENOTDIR, which Node 22 throws even with throwIfNoEntry false). */
function statOf(file: string): fs.BigIntStats | undefined {
    try {
        return fs.statSync(file, { bigint: true, throwIfNoEntry: false });
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
        throw error;
    }
}

/**
 * Throws an InputError (exit 2) when `output` (the file `option` names) is
 * one of the files the check read (or would read, were it there: a missing
 * file of the `extends` chain), a lock file of `align pull`, or a settings
 * file by its name. A baseline is JSON, so `--write-baseline` also refuses
 * any `.align` file by its name (`--output` may write a drawing into an
 * `.align` file outside the paths read).
 */
export function refuseOutputOverInput(output: string, workspace: LoadedWorkspace, baseline: string | undefined, option = '--output'): void {
    const target = identity(output);
    const catalogs = catalogFiles(workspace);
    const inputs = [
        ...workspace.documents.map(d => ({ file: d.uri.fsPath, what: 'a checked .align file' })),
        ...catalogs.map(file => ({ file, what: 'a catalog\'s .align file' })),
        ...(workspace.configFile ? [{ file: workspace.configFile, what: 'the settings file' }] : []),
        ...workspace.configFiles.slice(1).map(file => ({ file, what: 'a settings file that "extends" reads' })),
        ...(baseline !== undefined ? [{ file: baseline, what: 'the baseline' }] : []),
        ...actualsFiles(workspace, catalogs),
    ];
    const what = inputs.find(input => identity(input.file) === target)?.what ?? readByName(path.basename(output), option === '--write-baseline');
    if (what === undefined) return;
    const fate = statOf(canonical(output)) ? 'overwrite' : 'create';
    throw new InputError(`${option} ${output}: is ${what}, which it would ${fate}; write ${option === '--output' ? 'the output' : 'it'} to another file`);
}

/**
 * What a file of this name is, where any file of that name is an input of
 * Align's. The settings file's name in any case: a file system that ignores
 * case reads `Align.config.json` as `align.config.json`.
 */
function readByName(name: string, baseline: boolean): string | undefined {
    if (name === LOCK_FILE) return 'a lock file of align pull';
    if (name.toLowerCase() === CONFIG_FILE) return `a settings file (an ${CONFIG_FILE} holds the settings of its folder and the folders under it)`;
    return baseline ? sourceOrSettingsByName(name) : undefined;
}

/** `an .align file` or `a settings file` for a file of that name (any case of `.align`), wherever it lies; else undefined. */
export function sourceOrSettingsByName(name: string): string | undefined {
    if (/\.align$/i.test(name)) return 'an .align file';
    if (name === 'align.config.json') return 'a settings file';
    return undefined;
}

/** Every catalog file of the settings' `catalogs` on disk, whether this run parsed it or not (only those the workspace needs are). */
function catalogFiles(workspace: LoadedWorkspace): string[] {
    return workspace.services.align.Catalogs.uris.filter(uri => uri.scheme === 'file').map(uri => uri.fsPath);
}

/**
 * The files of `actuals ... from "file"` in the workspace's documents and in
 * every catalog file, and the query and database files of their `pull sql`.
 * A catalog file the run did not parse is parsed here (a file that cannot be
 * read names none).
 */
function actualsFiles(workspace: LoadedWorkspace, catalogs: readonly string[]): Array<{ file: string; what: string }> {
    const documents = workspace.services.shared.workspace.LangiumDocuments;
    const parser = workspace.services.parser.LangiumParser;
    const models: Array<[string, Model]> = workspace.documents.map(d => [d.uri.fsPath, d.parseResult.value as Model]);
    for (const file of catalogs) {
        const uri = URI.file(file);
        if (documents.hasDocument(uri)) models.push([file, documents.getDocument(uri)!.parseResult.value as Model]);
        else {
            const text = readOrUndefined(file);
            if (text !== undefined) models.push([file, parser.parse<Model>(text).value]);
        }
    }
    return models.flatMap(([source, model]) => actualsBlocks(model).flatMap(actuals => {
        const sql = isPullSql(actuals.pull) ? actuals.pull : undefined;
        const files: Array<[string | undefined, string]> = [[actuals.file, 'an actuals file the check reads'], [sql?.query, 'the query of a pull'], [sql?.database, 'the database of a pull']];
        return files.flatMap(([file, what]) => file !== undefined && file.trim() !== '' ? [{ file: path.resolve(path.dirname(source), file), what }] : []);
    }));
}

/** The file's text; undefined when the file system refuses it (gone, unreadable, a folder): such a file names no actuals. */
function readOrUndefined(file: string): string | undefined {
    try {
        return fs.readFileSync(file, 'utf-8');
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code === undefined) throw error;
        return undefined;
    }
}

/**
 * The file `--output` names, or undefined for standard output (no
 * `--output`, or `-`); refused (InputError, exit 2) when it is a file the
 * command read.
 */
export function outputFileOf(output: string | undefined, workspace: LoadedWorkspace, baseline?: string): string | undefined {
    if (output === undefined || output === '-') return undefined;
    refuseOutputOverInput(output, workspace, baseline);
    return output;
}
