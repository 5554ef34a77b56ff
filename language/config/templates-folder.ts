/**
 * The folder of program templates that a folder's `align.config.json` names
 * as a path (`"templates": "./templates"`): its files have `${name}`
 * placeholders, so they are no programs to check, nor catalog files. The
 * CLI's file walk, the language server's workspace walk and the catalogs
 * all skip it.
 */
import { UriUtils, type FileSystemProvider, type URI } from 'langium';
import { isMissing, isPathSpec } from './locate.js';
import { readConfigJson } from './jsonc.js';

/** The templates path of a config file's text (JSON with comments), when it names a folder (not a package); undefined when the text is not JSON. */
export function templatesPathIn(configText: string): string | undefined {
    const templates = templatesKeysIn(configText)?.templates;
    return typeof templates === 'string' && isPathSpec(templates) ? templates : undefined;
}

/**
 * `templates` and `extends` of a config file's text (JSON with comments),
 * as written; undefined when the text is no JSON object. For a walk that
 * follows the `extends` chain to the templates folder without the rest of
 * the configuration (cli/workspace/find-files.ts).
 */
export function templatesKeysIn(configText: string): { readonly templates?: unknown; readonly extends?: unknown } | undefined {
    const read = readConfigJson(configText);
    if (!read.ok) return undefined; // reported as config-invalid when it is the workspace's
    const value = read.value as { templates?: unknown; extends?: unknown } | null;
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? { templates: value.templates, extends: value.extends } : undefined;
}

/**
 * The templates folder that `folder`'s `align.config.json` names, if any.
 * A config that is no readable file names none here: the workspace's own is
 * reported as `config-invalid` where it is read, and a package's is its
 * owners' to fix.
 */
export async function templatesFolderOf(fs: FileSystemProvider, folder: URI): Promise<URI | undefined> {
    const config = UriUtils.joinPath(folder, 'align.config.json');
    let text: string;
    try {
        if (!(await fs.stat(config)).isFile) return undefined;
        text = await fs.readFile(config);
    } catch (error) {
        if (isMissing(error) || isFileError(error)) return undefined;
        throw error;
    }
    const templates = templatesPathIn(text);
    return templates === undefined ? undefined : UriUtils.resolvePath(folder, templates);
}

/** An error of the file system (EACCES, EISDIR...), as opposed to a fault of this code. */
export function isFileError(error: unknown): boolean {
    const code = (error as { code?: unknown } | undefined)?.code;
    return typeof code === 'string' && /^E[A-Z]+$/.test(code);
}
