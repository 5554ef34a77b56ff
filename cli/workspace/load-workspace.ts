import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createAlignServices, type AlignServices } from '../../language/align-module.js';
import { parseAlignConfig, type ConfigProblem } from '../../language/config/parse-config.js';
import type { AlignSettings } from '../../language/config/align-settings.js';
import { findAlignFiles } from './find-files.js';
import { InputError } from './input-error.js';
import { readSourceFile } from './read-source.js';

/** Options shared by every command that loads a workspace. */
export interface WorkspaceOptions {
    readonly paths: readonly string[];
    /** `--config FILE`; otherwise `align.config.json` at the workspace root. */
    readonly configFile?: string;
    /** `--rule`, `--max-lagging-kpis`, `--max-pilot-days`. */
    readonly overrides?: AlignSettings;
}

/** A loaded, linked and validated workspace. */
export interface LoadedWorkspace {
    readonly services: AlignServices;
    readonly documents: LangiumDocument[];
    readonly root: string;
    readonly configFile?: string;
    readonly configProblems: ConfigProblem[];
}

/** Loads every `.align` file under the paths as one workspace and builds it with validation. */
export async function loadWorkspace(options: WorkspaceOptions): Promise<LoadedWorkspace> {
    const paths = options.paths.length > 0 ? options.paths : ['.'];
    const files = findAlignFiles(paths);
    const root = workspaceRoot(paths[0]!);
    const configFile = options.configFile ?? existing(path.join(root, 'align.config.json'));
    const services = createAlignServices(NodeFileSystem).Align;
    const configProblems = configFile ? applyConfig(services, configFile, options.configFile !== undefined) : [];
    services.align.Settings.setOverrides(options.overrides ?? {});
    services.align.Settings.workspaceRoot = URI.file(root);
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const documents = files.map(file => {
        const text = readSourceFile(file, path.relative(process.cwd(), file) || file);
        const document = factory.fromString(text, URI.file(file));
        services.shared.workspace.LangiumDocuments.addDocument(document);
        return document;
    });
    await services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
    return { services, documents, root, configFile, configProblems };
}

/** The folder given (a file's folder), or its nearest ancestor that has an `align.config.json`. */
export function workspaceRoot(given: string): string {
    const absolute = path.resolve(given);
    const start = fs.existsSync(absolute) && fs.statSync(absolute).isDirectory() ? absolute : path.dirname(absolute);
    for (let folder = start; ; folder = path.dirname(folder)) {
        if (fs.existsSync(path.join(folder, 'align.config.json'))) return folder;
        if (path.dirname(folder) === folder) return start;
    }
}

function existing(file: string): string | undefined {
    return fs.existsSync(file) ? file : undefined;
}

function applyConfig(services: AlignServices, file: string, explicit: boolean): ConfigProblem[] {
    let text: string;
    try {
        text = fs.readFileSync(file, 'utf-8');
    } catch (error) {
        if (explicit) throw new InputError(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
        return [{ message: `align.config.json cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}); the defaults apply`, line: 1, column: 1 }];
    }
    const { settings, problems } = parseAlignConfig(text);
    services.align.Settings.setConfigFile(settings);
    return problems;
}
