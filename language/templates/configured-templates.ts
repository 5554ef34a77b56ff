/**
 * Program templates an organisation ships (`templates` of
 * `align.config.json`, language.md "Configuration"): the `*.align` files of
 * a package or folder, in which `${name}` and `${title}` are replaced.
 * Listed beside the built-in template by `align init --template NAME` and
 * by VS Code's *New Program from Template*.
 */
import { UriUtils, type FileSystemProvider } from 'langium';
import { isMissing, packageInfo, type LocatedSource } from '../config/locate.js';
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

/** The built-in template, then the `*.align` files of the configured package or folder, sorted by name. */
export async function listTemplates(fs: FileSystemProvider, configured: LocatedSource | undefined): Promise<ProgramTemplate[]> {
    if (!configured) return [BUILTIN_TEMPLATE];
    const info = await packageInfo(fs, configured.uri);
    const source = info.name ? `${info.name}${info.version ? ` ${info.version}` : ''}` : configured.spec;
    let entries;
    try {
        entries = await fs.readDirectory(configured.uri);
    } catch (error) {
        if (isMissing(error)) return [BUILTIN_TEMPLATE];
        throw error;
    }
    const files = entries.filter(e => e.isFile && e.uri.path.endsWith('.align')).sort((a, b) => a.uri.path.localeCompare(b.uri.path));
    const templates = await Promise.all(files.map(async (entry): Promise<ProgramTemplate> => ({
        name: UriUtils.basename(entry.uri).replace(/\.align$/, ''), source, text: await fs.readFile(entry.uri), builtin: false
    })));
    return [BUILTIN_TEMPLATE, ...templates.filter(t => t.name !== BUILTIN_TEMPLATE_NAME)];
}
