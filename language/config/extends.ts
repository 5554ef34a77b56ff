/**
 * `align.config.json` with its `extends` chain followed (language.md,
 * "Configuration"): keys merge, the extending file wins, `rules` merge per
 * rule; a chain is at most MAX_EXTENDS_DEPTH deep. A missing target, a cycle
 * or a problem of an extended file is `config-invalid` at the `extends` key
 * of the workspace's file, naming the package or the cycle; a problem of an
 * extended file names the chain, the file and its line, and what to do.
 */
import { UriUtils, type FileSystemProvider, type URI } from 'langium';
import type { AlignSettings } from './align-settings.js';
import { isFolder, isPathSpec, locate, type LocatedSource } from './locate.js';
import { configText, keyPosition, offsetPosition, parseAlignConfig, tokenEnds, type ConfigProblem } from './parse-config.js';
import { NOT_REGULAR_CODE, NOT_REGULAR_WORDS } from '../files/regular-files.js';

/** How many files one `extends` chain may add to the workspace's own. */
export const MAX_EXTENDS_DEPTH = 5;

/** The settings file of a workspace or a standards package. */
export const CONFIG_FILE = 'align.config.json';

/** The configuration in force: settings, catalogs and templates found on disk, and the problems in the workspace's file. */
export interface ResolvedConfig {
    readonly settings: AlignSettings;
    /** Packages and folders of library `.align` files, in the order written. */
    readonly catalogs: readonly LocatedSource[];
    /** The package or folder of program templates. */
    readonly templates?: LocatedSource;
    /** Problems, positioned in the workspace's `align.config.json`. */
    readonly problems: readonly ConfigProblem[];
    /**
     * The config files of the chain, whatever their names (`./std/base.jsonc`,
     * `./std/config`): the file itself, every file `extends` leads to, and
     * one a relative `extends` names that is missing. A change of any of
     * them changes the configuration.
     */
    readonly files: readonly URI[];
    /**
     * What `catalogs` and `templates` of the chain's files name by relative
     * path where nothing is: creating it, or a file in it, changes the
     * configuration (the language server reads it again).
     */
    readonly unresolved: readonly URI[];
}

/** Resolves the config file `file` whose text is `text` (read by the caller, which reports an unreadable file its own way). */
export async function resolveConfig(fs: FileSystemProvider, file: URI, text: string): Promise<ResolvedConfig> {
    const trace: Trace = { files: [], unresolved: [] };
    const resolved = await resolveLayer(fs, file, text, [file.toString()], [UriUtils.basename(file)], trace);
    const shown = configText(text);
    const at = keyPosition(shown, 'extends');
    const root = UriUtils.dirname(file);
    const problems = resolved.problems.map(p => p.via.length === 0 ? plain(p) : { message: nestedMessage(p, root), ...at });
    const endOf = tokenEnds(shown);
    return { ...resolved, problems: problems.map(p => ({ ...p, endColumn: endOf(p.line, p.column) })), files: distinct(trace.files), unresolved: distinct(trace.unresolved) };
}

/** The files of the chain and the paths named where nothing is, gathered as the chain is followed. */
interface Trace {
    readonly files: URI[];
    readonly unresolved: URI[];
}

function distinct(uris: readonly URI[]): URI[] {
    return [...new Map(uris.map(uri => [uri.toString(), uri])).values()];
}

/** A problem of one file of the chain: where it is, and the `extends` specs that lead to that file from the workspace's. */
interface LayerProblem extends ConfigProblem {
    readonly file: URI;
    readonly via: readonly string[];
}

interface Layer extends Omit<ResolvedConfig, 'problems' | 'files' | 'unresolved'> {
    readonly problems: readonly LayerProblem[];
}

function plain(p: LayerProblem): ConfigProblem {
    return { message: p.message, line: p.line, column: p.column };
}

async function resolveLayer(fs: FileSystemProvider, file: URI, source: string, chain: string[], names: string[], trace: Trace): Promise<Layer> {
    trace.files.push(file);
    const text = configText(source); // comments blanked: a key or path in a comment is not where a problem is
    const nested = chain.length > 1;
    const parsed = parseAlignConfig(source, UriUtils.basename(file), nested ? 'its settings are not merged' : 'the defaults apply');
    const folder = UriUtils.dirname(file);
    const problems: LayerProblem[] = parsed.problems.map(p => ({ ...p, file, via: [] }));
    const at = (key: string, value?: string) => ({ ...valuePosition(text, key, value), file, via: [] });
    const catalogs: LocatedSource[] = [];
    for (const spec of parsed.references.catalogs ?? []) {
        const found = await locate(fs, spec, folder);
        if (typeof found === 'string') {
            problems.push({ message: `catalogs: ${found}`, ...at('catalogs', spec) });
            if (isPathSpec(spec)) trace.unresolved.push(UriUtils.resolvePath(folder, spec));
        }
        // A folder of .align files, or one .align file: another file (a config, a JSON file) holds no catalog.
        else if (!found.uri.path.endsWith('.align') && !await isFolder(fs, found.uri)) problems.push({ message: `catalogs: ${spec} is a file, not a folder of .align files or an .align file; name the catalog's folder`, ...at('catalogs', spec) });
        else catalogs.push(found);
    }
    let templates: LocatedSource | undefined;
    if (parsed.references.templates) {
        const spec = parsed.references.templates;
        const found = await locate(fs, spec, folder);
        if (typeof found === 'string') {
            problems.push({ message: `templates: ${found}`, ...at('templates') });
            if (isPathSpec(spec)) trace.unresolved.push(UriUtils.resolvePath(folder, spec));
        }
        else if (!await isFolder(fs, found.uri)) problems.push({ message: `templates: ${spec} is a file, not a folder of program templates; name the folder that holds them`, ...at('templates') });
        else templates = found;
    }
    const own: Layer = {
        settings: parsed.settings,
        catalogs: parsed.references.catalogs ? catalogs : [],
        templates,
        problems
    };
    const spec = parsed.references.extends;
    if (!spec) return own;
    const base = await extended(fs, spec, folder, chain, names, trace);
    if (typeof base === 'string') return { ...own, problems: [...problems, { message: base, ...at('extends') }] };
    for (const p of base.problems) problems.push({ ...p, via: [spec, ...p.via] });
    return {
        settings: mergeSettings(base.settings, own.settings),
        catalogs: parsed.references.catalogs ? own.catalogs : base.catalogs,
        templates: parsed.references.templates ? own.templates : base.templates,
        problems
    };
}

/** The resolved config `spec` names, or a message: missing, a cycle, too deep. */
async function extended(fs: FileSystemProvider, spec: string, folder: URI, chain: string[], names: string[], trace: Trace): Promise<Layer | string> {
    const found = await locate(fs, spec, folder);
    if (typeof found === 'string') {
        // A config file named by path, not there yet: creating it changes the configuration.
        if (isPathSpec(spec)) trace.files.push(UriUtils.resolvePath(folder, spec));
        return `extends: ${found}`;
    }
    const target = found.isPackage || await isFolder(fs, found.uri) ? UriUtils.joinPath(found.uri, CONFIG_FILE) : found.uri;
    if (!await fs.exists(target)) {
        trace.files.push(target);
        return found.isPackage
            ? `extends: package ${spec} has no ${CONFIG_FILE}, so it is no Align standards package; check the package name (and its version: an older one may lack the file)`
            : `extends: folder ${spec} has no ${CONFIG_FILE}; name the config file itself (e.g. "${spec.replace(/\/$/, '')}/${CONFIG_FILE}") or add one there`;
    }
    const key = target.toString();
    if (chain.includes(key)) {
        const cycle = [...names.slice(chain.indexOf(key)), spec].join(' -> ');
        return `extends: cycle ${cycle}; the chain is not followed. Remove the "extends" that leads back`;
    }
    if (chain.length > MAX_EXTENDS_DEPTH) return `extends: chain deeper than ${MAX_EXTENDS_DEPTH} files at ${spec}; the rest is not followed. Merge files so that the chain is at most ${MAX_EXTENDS_DEPTH} deep`;
    let text: string;
    try {
        text = await fs.readFile(target);
    } catch (error) {
        trace.files.push(target);
        return `extends: ${spec} cannot be read (${(error as { code?: string }).code === NOT_REGULAR_CODE ? NOT_REGULAR_WORDS : (error as { code?: string }).code ?? String(error)}); check that it is a readable file`;
    }
    return resolveLayer(fs, target, text, [...chain, key], [...names, spec], trace);
}

/**
 * A problem of an extended file, told at the workspace's `extends` key: the
 * chain of `extends` that leads to it, then the file (relative to the
 * workspace's config) and line it is on.
 */
function nestedMessage(problem: LayerProblem, root: URI): string {
    if (problem.message.startsWith('extends: cycle ')) return problem.message; // names the whole chain itself
    const where = UriUtils.relative(root, problem.file) || UriUtils.basename(problem.file);
    const message = problem.message.replace(/^extends: /, 'its extends: ');
    const owners = /(^|\/)node_modules\//.test(where) ? '; it is in an installed package: ask its owners for a fixed version, or override the key in this file' : '';
    return `extends ${problem.via.join(' -> ')}: ${where}:${problem.line}:${problem.column}: ${message}${owners}`;
}

/** The position of `value` (a JSON string) after `"key"`, else of `"key"`. */
function valuePosition(text: string, key: string, value?: string): { line: number; column: number } {
    const keyAt = text.indexOf(`"${key}"`);
    const valueAt = value === undefined || keyAt < 0 ? -1 : text.indexOf(JSON.stringify(value), keyAt + key.length + 2);
    return valueAt >= 0 ? offsetPosition(text, valueAt) : keyPosition(text, key);
}

/** `own` over `base`: every key `own` gives wins; `rules` merge per rule. */
export function mergeSettings(base: AlignSettings, own: AlignSettings): AlignSettings {
    const merged: AlignSettings = { ...base, ...own };
    if (base.rules || own.rules) merged.rules = { ...base.rules, ...own.rules };
    return merged;
}
