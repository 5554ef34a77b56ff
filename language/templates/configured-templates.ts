/**
 * Program templates an organisation ships (`templates` of
 * `align.config.json`, language.md "Configuration"): the `*.align` files of
 * a package or folder, in which `${name}` and `${title}` are replaced.
 * Listed beside the built-in template by `align init --template NAME` and
 * by VS Code's *New Program from Template*.
 */
import { UriUtils } from 'langium';
import { withoutBom } from '../byte-order-mark.js';
import { isMissing, packageInfo, type LocatedSource } from '../config/locate.js';
import { isAlignFileName, walkFolder, type WalkFileSystem } from '../files/folder-walk.js';
import { isSkippedFolder } from '../files/skipped-folders.js';
import { BUILTIN_PROGRAM_TEMPLATE } from './builtin-program.js';

/** The name of the built-in template (`align init --template builtin`). */
export const BUILTIN_TEMPLATE_NAME = 'builtin';

/** A program template: the built-in one or one of the configured package or folder. */
export interface ProgramTemplate {
    /** The file's name without `.align`; `builtin` for the built-in one. */
    readonly name: string;
    /** Where it comes from: `built-in`, or the package's name and version, or the folder as written. */
    readonly source: string;
    /** The template's text, with its placeholders. */
    readonly text: string;
    /** True for the built-in template (`{{placeholders}}`, pilot dates from today). */
    readonly builtin: boolean;
}

/** The built-in template. */
export const BUILTIN_TEMPLATE: ProgramTemplate = { name: BUILTIN_TEMPLATE_NAME, source: 'built-in', text: BUILTIN_PROGRAM_TEMPLATE, builtin: true };

/**
 * The built-in template, then the `*.align` files of the configured package
 * or folder, sorted by name. The folder's own files are read as a
 * workspace's walk reads them (language/files/folder-walk.ts): hidden files
 * passed over, symbolic links followed while they stay inside the folder,
 * a file reached twice read once; its subfolders hold no templates. A
 * file's leading byte order mark is dropped, as for a source: the program
 * made from it starts with its text, wherever it is written or inserted.
 */
export async function listTemplates(system: WalkFileSystem, configured: LocatedSource | undefined): Promise<ProgramTemplate[]> {
    if (!configured) return [BUILTIN_TEMPLATE];
    const info = await packageInfo(system.fs, configured.uri);
    const source = info.name ? `${info.name}${info.version ? ` ${info.version}` : ''}` : configured.spec;
    const { files } = await walkFolder<undefined>(configured.uri, undefined, system, {
        skipsFolderNamed: isSkippedFolder,
        entersFolder: () => false,
        readsFile: file => isAlignFileName(UriUtils.basename(file)),
        contextOf: () => undefined,
        unreadable: (_uri, error) => {
            // A folder that is not there (yet) holds no templates; one that cannot be read stops the listing, as before.
            if (!isMissing(error)) throw error;
        }
    });
    const templates = await Promise.all(files.map(async (file): Promise<ProgramTemplate> => ({
        name: UriUtils.basename(file.uri).replace(/\.align$/, ''), source, text: withoutBom(await system.fs.readFile(file.uri)), builtin: false
    })));
    templates.sort((a, b) => a.name.localeCompare(b.name));
    return [BUILTIN_TEMPLATE, ...templates.filter(t => t.name !== BUILTIN_TEMPLATE_NAME)];
}
