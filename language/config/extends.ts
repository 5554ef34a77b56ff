/**
 * `align.config.json` with its `extends` chain followed (language.md,
 * "Configuration"): keys merge, the extending file wins, `rules` merge per
 * rule; a chain is at most MAX_EXTENDS_DEPTH deep. A missing target, a cycle
 * or a problem of an extended file is `config-invalid` at the `extends` key
 * of the workspace's file, naming the package or the cycle.
 */
import { UriUtils, type FileSystemProvider, type URI } from 'langium';
import type { AlignSettings } from './align-settings.js';
import { isFolder, locate, type LocatedSource } from './locate.js';
import { keyPosition, parseAlignConfig, withoutBom, type ConfigProblem } from './parse-config.js';

/** How many files one `extends` chain may add to the workspace's own. */
export const MAX_EXTENDS_DEPTH = 5;

const CONFIG_FILE = 'align.config.json';

/** The configuration in force: settings, catalogs and templates found on disk, and the problems in the workspace's file. */
export interface ResolvedConfig {
    readonly settings: AlignSettings;
    /** Packages and folders of library `.align` files, in the order written. */
    readonly catalogs: readonly LocatedSource[];
    /** The package or folder of program templates. */
    readonly templates?: LocatedSource;
    /** Problems, positioned in the workspace's `align.config.json`. */
    readonly problems: readonly ConfigProblem[];
}

/** Resolves the config file `file` whose text is `text` (read by the caller, which reports an unreadable file its own way). */
export async function resolveConfig(fs: FileSystemProvider, file: URI, text: string): Promise<ResolvedConfig> {
    return resolveLayer(fs, file, text, [file.toString()], [UriUtils.basename(file)]);
}

async function resolveLayer(fs: FileSystemProvider, file: URI, source: string, chain: string[], names: string[]): Promise<ResolvedConfig> {
    const text = withoutBom(source);
    const parsed = parseAlignConfig(text, UriUtils.basename(file));
    const folder = UriUtils.dirname(file);
    const problems = [...parsed.problems];
    const at = (key: string) => keyPosition(text, key);
    const catalogs: LocatedSource[] = [];
    for (const spec of parsed.references.catalogs ?? []) {
        const found = await locate(fs, spec, folder);
        if (typeof found === 'string') problems.push({ message: `catalogs: ${found}`, ...at('catalogs') });
        else catalogs.push(found);
    }
    let templates: LocatedSource | undefined;
    if (parsed.references.templates) {
        const found = await locate(fs, parsed.references.templates, folder);
        if (typeof found === 'string') problems.push({ message: `templates: ${found}`, ...at('templates') });
        else templates = found;
    }
    const own: ResolvedConfig = {
        settings: parsed.settings,
        catalogs: parsed.references.catalogs ? catalogs : [],
        templates,
        problems
    };
    const spec = parsed.references.extends;
    if (!spec) return own;
    const base = await extended(fs, spec, folder, chain, names);
    if (typeof base === 'string') return { ...own, problems: [...problems, { message: base, ...at('extends') }] };
    for (const p of base.problems) problems.push({ message: nestedMessage(spec, p), ...at('extends') });
    return {
        settings: mergeSettings(base.settings, own.settings),
        catalogs: parsed.references.catalogs ? own.catalogs : base.catalogs,
        templates: parsed.references.templates ? own.templates : base.templates,
        problems
    };
}

/** The resolved config `spec` names, or a message: missing, a cycle, too deep. */
async function extended(fs: FileSystemProvider, spec: string, folder: URI, chain: string[], names: string[]): Promise<ResolvedConfig | string> {
    const found = await locate(fs, spec, folder);
    if (typeof found === 'string') return `extends: ${found}`;
    const target = found.isPackage || await isFolder(fs, found.uri) ? UriUtils.joinPath(found.uri, CONFIG_FILE) : found.uri;
    if (!await fs.exists(target)) return `extends: package ${spec} has no ${CONFIG_FILE}`;
    const key = target.toString();
    if (chain.includes(key)) {
        const cycle = [...names.slice(chain.indexOf(key)), spec].join(' -> ');
        return `extends: cycle ${cycle}; the chain is not followed`;
    }
    if (chain.length > MAX_EXTENDS_DEPTH) return `extends: chain deeper than ${MAX_EXTENDS_DEPTH} files at ${spec}; the rest is not followed`;
    let text: string;
    try {
        text = await fs.readFile(target);
    } catch (error) {
        return `extends: ${spec} cannot be read (${(error as { code?: string }).code ?? String(error)})`;
    }
    return resolveLayer(fs, target, text, [...chain, key], [...names, spec]);
}

/** A problem of an extended file, told at the `extends` key that leads to it; a cycle names itself. */
function nestedMessage(spec: string, problem: ConfigProblem): string {
    if (problem.message.startsWith('extends: cycle ')) return problem.message;
    const message = problem.message.replace(/^extends: /, '');
    return `extends ${spec}: ${message}${problem.line > 1 ? ` (its line ${problem.line})` : ''}`;
}

/** `own` over `base`: every key `own` gives wins; `rules` merge per rule. */
export function mergeSettings(base: AlignSettings, own: AlignSettings): AlignSettings {
    const merged: AlignSettings = { ...base, ...own };
    if (base.rules || own.rules) merged.rules = { ...base.rules, ...own.rules };
    return merged;
}
