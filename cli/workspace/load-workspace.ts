import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import { DocumentState, URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createAlignServices, type AlignServices } from '../../language/align-module.js';
import { nodeHost } from '../../language/host.js';
import type { ConfigProblem } from '../../language/config/parse-config.js';
import { neededCatalogFiles } from '../../language/catalogs/catalog-prescan.js';
import { LOCK_FILE } from '../../language/pull/lock-file.js';
import { CONFIG_FILE, resolveConfig } from '../../language/config/extends.js';
import type { AlignSettings } from '../../language/config/align-settings.js';
import type { LocatedSource } from '../../language/config/locate.js';
import { sourceProblemDiagnostic, type SourceProblem } from '../../language/files/source-problems.js';
import { findAlignFilesPerPath, onceEach, requireFilesIn, type FoundPath } from './find-files.js';
import { describeCode, InputError } from './input-error.js';
import { readSourceFile, tryReadSource } from './read-source.js';
import { templatesResolver, type TemplatesOf } from './templates-of.js';
import { readRegularFileSync } from './read-regular-file.js';
import { shownPath } from '../shown-path.js';

/** Options shared by every command that loads a workspace. */
export interface WorkspaceOptions {
    readonly paths: readonly string[];
    /** `--config FILE`; otherwise `align.config.json` at the workspace root. */
    readonly configFile?: string;
    /** `--rule`, `--max-lagging-kpis`, `--max-pilot-days`. */
    readonly overrides?: AlignSettings;
    /** Called as files are read (`read`) and checked (`checked`), for progress on a terminal. */
    readonly onProgress?: (verb: 'read' | 'checked', done: number, total: number) => void;
    /**
     * True when a folder without `.align` files (other than catalog files)
     * is an empty workspace; otherwise it is a usage error, exit 2
     * (find-files.ts, `FindOptions`): `align diff`'s sides may be empty.
     */
    readonly allowEmpty?: boolean;
    /** `YYYY-MM-DD`: the workspace as it stood that day, without the actuals dated after it (AlignGraphService.setAsOf). */
    readonly asOf?: string;
}

/** A loaded, linked and validated workspace. */
export interface LoadedWorkspace {
    readonly services: AlignServices;
    readonly documents: LangiumDocument[];
    readonly root: string;
    readonly configFile?: string;
    /** `configFile` and the settings files of its `extends` chain, as read (none without a settings file). */
    readonly configFiles: readonly string[];
    readonly configProblems: ConfigProblem[];
    /**
     * What Langium logged to the console while building, e.g. the stack of
     * a validation check that threw. Captured so that stdout holds only the
     * report and stderr no stack trace; the caller decides what to show.
     */
    readonly logged: string[];
}

/** Loads every `.align` file under the paths as one workspace and builds it with validation. */
export async function loadWorkspace(options: WorkspaceOptions): Promise<LoadedWorkspace> {
    const paths = options.paths.length > 0 ? options.paths : ['.'];
    const root = workspaceRoot(paths);
    const configFile = options.configFile ?? existing(path.join(root, CONFIG_FILE));
    const { services, configProblems, configFiles } = await configuredServices(root, configFile, options.configFile !== undefined);
    const walkTemplates = configuredTemplatesOf(services, configFile);
    const found = withoutTemplates(await findAlignFilesPerPath(paths, walkTemplates), services.align.Settings.templates);
    const files = onceEach(found);
    services.align.Settings.setOverrides(options.overrides ?? {});
    if (options.asOf !== undefined) services.align.Graph.setAsOf(options.asOf);
    const catalogs = services.align.Catalogs;
    await listCatalogs(services, paths);
    const library = catalogs.uris;
    const checkedFiles = files.filter(file => !catalogs.isCatalog(URI.file(file)));
    if (!options.allowEmpty) await requireFilesIn(found, walkTemplates, file => catalogs.isCatalog(URI.file(file)));
    const progress = options.onProgress;
    // A catalog file that is not Align source still stops the run (exit 2): the library is not checked, its findings not reported.
    const readText = (file: string) => readSourceFile(file, shownPath(file));
    const add = (uri: URI, text: string) => {
        const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, uri);
        services.shared.workspace.LangiumDocuments.addDocument(document);
        return document;
    };
    // A file that is not Align source (binary, UTF-16, not UTF-8, unreadable) is an empty document with one `syntax` finding.
    const unreadable = new Map<LangiumDocument, SourceProblem>();
    const documents = checkedFiles.map((file, i) => {
        const read = tryReadSource(file);
        const document = add(URI.file(file), 'text' in read ? read.text : '');
        if ('problem' in read) unreadable.set(document, read.problem);
        progress?.('read', i + 1, checkedFiles.length);
        return document;
    });
    // Only the catalog files the workspace can need are parsed (language/catalogs/catalog-prescan.ts).
    const catalogTexts = new Map(library.map(uri => [uri, readText(uri.fsPath)]));
    const needed = neededCatalogFiles(documents.map(d => d.textDocument.getText()), catalogTexts);
    const libraryDocuments = library.filter(uri => needed.has(uri)).map(uri => add(uri, catalogTexts.get(uri)!));
    let checked = 0;
    const listening = progress && services.shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, () => progress('checked', ++checked, checkedFiles.length));
    const logged = await capturingConsole(() => services.shared.workspace.DocumentBuilder.build([...documents, ...libraryDocuments], { validation: true }))
        .finally(() => listening?.dispose());
    for (const [document, problem] of unreadable) document.diagnostics = [sourceProblemDiagnostic(problem), ...document.diagnostics ?? []];
    return { services, documents, root, configFile, configFiles, configProblems, logged };
}

/**
 * Lists the catalog files of the settings, but those of a catalog folder or
 * file named on the command line: they are workspace files for this run
 * (checked, formatted), as its owners check a catalog.
 */
async function listCatalogs(services: AlignServices, paths: readonly string[]): Promise<void> {
    await services.align.Catalogs.reload();
    services.align.Catalogs.adopt(paths.map(p => URI.file(path.resolve(p))));
}

/**
 * The catalog files of the workspace of `paths` as `align check` leaves
 * them out (`catalogs` of its `align.config.json`, a catalog named on the
 * command line aside): `align fmt` does not format them either.
 */
export async function catalogFilesOf(paths: readonly string[]): Promise<(file: string) => boolean> {
    const given = paths.length > 0 ? paths : ['.'];
    const root = workspaceRoot(given);
    const configFile = existing(path.join(root, CONFIG_FILE));
    if (configFile === undefined) return () => false;
    // Its problems are align check's to report; the catalogs it names are read all the same.
    const { services } = await configuredServices(root, configFile, false);
    await listCatalogs(services, given);
    return file => services.align.Catalogs.isCatalog(URI.file(file));
}

/** Align's services for the workspace at `root`, with its settings file (if any) applied; the file's problems. */
async function configuredServices(root: string, configFile: string | undefined, explicit: boolean): Promise<{ services: AlignServices; configProblems: ConfigProblem[]; configFiles: string[] }> {
    // CSV files are confined to the workspace folder with symbolic links resolved (fs.realpath).
    const services = createAlignServices({ ...NodeFileSystem, host: nodeHost(fs.promises.realpath) }).Align;
    services.align.Settings.workspaceRoot = URI.file(root);
    const { problems, files } = configFile ? await applyConfig(services, configFile, explicit) : { problems: [], files: [] };
    return { services, configProblems: problems, configFiles: files };
}

/**
 * The folder given (a file's folder), or its nearest ancestor that has an
 * `align.config.json`; without one, the nearest that has an
 * `align.lock.json` (so `align pull programs/` records in the lock `align
 * pull` made at the top, and `align check programs/` reads it). With several
 * paths, the folder that holds them all: the root (and so which CSV files
 * may be read) must not depend on their order.
 */
export function workspaceRoot(given: string | readonly string[]): string {
    const folders = (typeof given === 'string' ? [given] : given.length > 0 ? given : ['.']).map(folderOf);
    const start = folders.reduce(commonFolder);
    return markedRoot(start) ?? start;
}

/**
 * The nearest folder, `folder` or above, that holds an `align.config.json`,
 * else the nearest that holds an `align.lock.json`: the root that marks the
 * workspace `folder` is in, as `workspaceRoot` finds it; undefined without one.
 */
export function markedRoot(folder: string): string | undefined {
    return nearestHolding(folder, CONFIG_FILE) ?? nearestHolding(folder, LOCK_FILE);
}

/** `folder` or its nearest ancestor that holds a file named `name`. */
function nearestHolding(folder: string, name: string): string | undefined {
    for (let current = folder; ; current = path.dirname(current)) {
        if (fs.existsSync(path.join(current, name))) return current;
        if (path.dirname(current) === current) return undefined;
    }
}

const CONSOLE_METHODS = ['log', 'info', 'debug', 'warn', 'error'] as const;

/** Runs `work` with the console captured, and returns what was logged. */
async function capturingConsole(work: () => Promise<unknown>): Promise<string[]> {
    const logged: string[] = [];
    const saved = CONSOLE_METHODS.map(method => console[method]);
    for (const method of CONSOLE_METHODS) console[method] = (...args: unknown[]) => { logged.push(format(...args)); };
    try {
        await work();
    } finally {
        CONSOLE_METHODS.forEach((method, i) => { console[method] = saved[i]!; });
    }
    return logged;
}

function folderOf(given: string): string {
    const absolute = path.resolve(given);
    return fs.existsSync(absolute) && fs.statSync(absolute).isDirectory() ? absolute : path.dirname(absolute);
}

/** The deepest folder that holds both absolute folders. */
function commonFolder(a: string, b: string): string {
    let folder = a;
    while (folder !== b && !isInside(b, folder)) {
        const parent = path.dirname(folder);
        if (parent === folder) return folder;
        folder = parent;
    }
    return folder;
}

function isInside(child: string, folder: string): boolean {
    const relative = path.relative(folder, child);
    return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

function existing(file: string): string | undefined {
    return fs.existsSync(file) ? file : undefined;
}

/**
 * The files found less those in the templates folder of the configuration in
 * force (its `templates`, `extends` followed), which the walk does not see
 * when the config file is above the paths given (`align check programs/`
 * with `"templates": "./programs/templates"` at the root, or `--config`).
 */
function withoutTemplates(found: FoundPath[], templates: LocatedSource | undefined): FoundPath[] {
    if (!templates || templates.isPackage) return found;
    const folder = templates.uri.fsPath;
    const inside = (file: string) => file.startsWith(`${folder}${path.sep}`);
    return found.map(entry => {
        const files = entry.files.filter(file => !inside(file));
        if (files.length === entry.files.length) return entry;
        return { ...entry, files, skippedTemplates: [...entry.skippedTemplates, folder] };
    });
}

/**
 * The templates folders for the file walk: the config file just resolved
 * (`configFile`, when it is a folder's `align.config.json`) gives its
 * folder's, so that its `extends` chain is read once; the walk resolves
 * any other folder's config file itself.
 */
function configuredTemplatesOf(services: AlignServices, configFile: string | undefined): TemplatesOf {
    const fs = services.shared.workspace.FileSystemProvider;
    const absolute = configFile === undefined ? undefined : path.resolve(configFile);
    if (absolute === undefined || path.basename(absolute) !== CONFIG_FILE) return templatesResolver(fs);
    const templates = services.align.Settings.templates;
    return templatesResolver(fs, new Map([[path.dirname(absolute), templates && !templates.isPackage ? templates.uri : undefined]]));
}

/** Reads the config file and its `extends` chain into the settings; returns its problems and the files read. */
async function applyConfig(services: AlignServices, file: string, explicit: boolean): Promise<{ problems: ConfigProblem[]; files: string[] }> {
    let text: string;
    try {
        text = readRegularFileSync(file);
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (explicit) throw new InputError(`--config ${file}: ${code === 'ENOENT' ? 'no such file' : `cannot be read (${describeCode(code, error)})`}`);
        return { problems: [{ message: `align.config.json cannot be read (${describeCode(code, error)}); the defaults apply`, line: 1, column: 1 }], files: [file] };
    }
    const resolved = await resolveConfig(services.shared.workspace.FileSystemProvider, URI.file(path.resolve(file)), text);
    services.align.Settings.setConfigFile(resolved.settings);
    services.align.Settings.catalogs = resolved.catalogs;
    services.align.Settings.templates = resolved.templates;
    return { problems: [...resolved.problems], files: (resolved.files ?? []).map(uri => uri.fsPath) };
}
