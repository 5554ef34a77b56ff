/**
 * The folder of program templates that a folder's `align.config.json` names
 * as a path (`"templates": "./templates"`): its files have `${name}`
 * placeholders, so they are no programs to check, nor catalog files. The
 * CLI's file walk, the language server's workspace walk and the catalogs
 * all skip it.
 */
import { UriUtils, type FileSystemProvider, type URI } from 'langium';
import { resolveConfig } from './extends.js';
import { isMissing, isPathSpec, type LocatedSource } from './locate.js';
import { readConfigJson } from './jsonc.js';

/** The templates path of a config file's text (JSON with comments), when it names a folder (not a package); undefined when the text is not JSON. */
export function templatesPathIn(configText: string): string | undefined {
    const read = readConfigJson(configText);
    if (!read.ok) return undefined; // reported as config-invalid when it is the workspace's
    const templates = (read.value as { templates?: unknown } | null)?.templates;
    return typeof templates === 'string' && isPathSpec(templates) ? templates : undefined;
}

function ownTemplates(folder: URI, configText: string): URI | undefined {
    const templates = templatesPathIn(configText);
    return templates === undefined ? undefined : UriUtils.resolvePath(folder, templates);
}

/**
 * The templates folder of `folder`'s `align.config.json` with its `extends`
 * chain followed (extends.ts): the file's own `templates`, else the one of
 * the file it extends. A folder only: a package's is in `node_modules`,
 * which no walk enters. A config that is no readable file names none here:
 * the workspace's own is reported as `config-invalid` where it is read, and
 * a package's or a catalog's is its owners' to fix. When a file or folder
 * of the chain cannot be looked at (EACCES...), the file's own `templates`
 * counts, as if it extended nothing: a walk goes on. Used by the CLI's walk,
 * the server's workspace walk and the catalogs.
 */
export async function resolvedTemplatesFolderOf(fs: FileSystemProvider, folder: URI): Promise<URI | undefined> {
    const config = await readFolderConfig(fs, folder);
    if (!config) return undefined;
    let templates: LocatedSource | undefined;
    try {
        templates = (await resolveConfig(fs, config.uri, config.text)).templates;
    } catch (error) {
        if (!isFileError(error)) throw error;
        return ownTemplates(folder, config.text);
    }
    return templates && !templates.isPackage ? templates.uri : undefined;
}

/** `folder`'s `align.config.json` and its text; undefined when it is missing or no readable file. */
async function readFolderConfig(fs: FileSystemProvider, folder: URI): Promise<{ uri: URI; text: string } | undefined> {
    const uri = UriUtils.joinPath(folder, 'align.config.json');
    try {
        if (!(await fs.stat(uri)).isFile) return undefined;
        return { uri, text: await fs.readFile(uri) };
    } catch (error) {
        if (isMissing(error) || isFileError(error)) return undefined;
        throw error;
    }
}

/** An error of the file system (EACCES, EISDIR...), as opposed to a fault of this code. */
export function isFileError(error: unknown): boolean {
    const code = (error as { code?: unknown } | undefined)?.code;
    return typeof code === 'string' && /^E[A-Z]+$/.test(code);
}
