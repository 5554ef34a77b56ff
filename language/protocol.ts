/**
 * The language server <-> client boundary: Align's custom LSP messages,
 * imported by both sides.
 */
import { NotificationType, RequestType } from 'vscode-jsonrpc';
import type { ChainComparison } from './diff/chain-marks.js';
import type { CatalogMark, Coverage, ImpactGraph } from './graph/types.js';

/** Parameters of `align/impactGraph`. */
export interface ImpactGraphParams {
    /** Id of a program or outcome to focus on: only its chain is returned. */
    focus?: string;
}

/** Findings on a node, by severity, for badges. */
export interface NodeFindings {
    errors: number;
    warnings: number;
    infos: number;
}

/** The answer to `align/impactGraph`. */
export interface ImpactGraphResult {
    graph: ImpactGraph;
    /** Findings whose range starts inside a node's declaration, by node id. */
    findings: Record<string, NodeFindings>;
    /** Programs and outcomes that can be focused on, for a picker. */
    focusable: Array<{ id: string; kind: 'program' | 'outcome'; title?: string }>;
    /** Increases with every validation of the workspace. */
    version: number;
    /**
     * The documents with syntax findings when this graph was read, and how
     * many each has: sent with the graph, so that a client never pairs a
     * graph with the diagnostics of another build.
     */
    syntaxErrors: Array<{ uri: string; count: number }>;
}

export const ImpactGraphRequest = new RequestType<ImpactGraphParams, ImpactGraphResult, void>('align/impactGraph');

/**
 * Sent after each validation of the workspace, only to a client that asks
 * for it with `initializationOptions.graphNotifications: true` (the Align
 * extension does; other editors get none): the graph's coverage, or
 * `fault` when the graph could not be built (a bug in Align: `The impact
 * graph could not be built: TypeError: ...`; `align/impactGraph` fails
 * with that message until a build succeeds).
 */
export type DidChangeGraphParams =
    | { version: number; coverage: Coverage; fault?: undefined }
    | { version: number; fault: string; coverage?: undefined };

export const DidChangeGraphNotification = new NotificationType<DidChangeGraphParams>('align/didChangeGraph');

/** A file's text by URI (the base's files of `align/compareGraph`). */
export interface WorkspaceFile {
    uri: string;
    text: string;
}

/**
 * A workspace file the web client hands to the web worker server, which
 * cannot read files itself: its text when its bytes are UTF-8 (most files;
 * a byte order mark kept, as the desktop server reads it), else its bytes
 * in base64, which the server judges as the desktop server does (not UTF-8,
 * saved as UTF-16: language/files/decode-source.ts). Made and read by
 * language/files/mirrored-file.ts.
 */
export type MirroredFile = { uri: string; text: string; base64?: undefined } | { uri: string; base64: string; text?: undefined };

/** `initializationOptions` the Align client sends. */
export interface AlignInitializationOptions {
    /** False in an untrusted workspace: the server reads no CSV file. Absent means trusted. */
    trusted?: boolean;
    /** The workspace's `.align`, CSV and `align.config.json` files, for a server without file access (web). */
    files?: MirroredFile[];
    /**
     * The client's own Align commands that code lenses and quick fixes may
     * name: the Align extension sends `align.showImpactChain`, and on the
     * desktop `align.pullActuals`. Other clients send none and get the
     * server's commands (`workspace/executeCommand`) or none.
     */
    clientCommands?: string[];
    /** True: the client reads `align/didChangeGraph`, which the server then sends after each validation (the Align extension, both hosts). */
    graphNotifications?: boolean;
}

/** Workspace files created, changed or deleted (web client -> web worker server). */
export interface DidChangeWorkspaceFilesParams {
    /** Created or changed files with their new content. */
    changed: MirroredFile[];
    /** URIs of deleted files. */
    deleted: string[];
}

export const DidChangeWorkspaceFilesNotification = new NotificationType<DidChangeWorkspaceFilesParams>('align/didChangeWorkspaceFiles');

export type { ChainComparison, MarkStatus, NodeMark } from './diff/chain-marks.js';

/** Parameters of `align/compareGraph`: the base's `.align` files (e.g. the last commit's, read with git by the client). */
export interface CompareGraphParams {
    /** The base's files by URI: the same URIs as the workspace's for the same files. */
    files: WorkspaceFile[];
    /** What the base is, for the legend: `HEAD (3f2a9c1)`. */
    base: string;
}

/** The workspace's impact graph compared with the base built from the given texts (language/diff). */
export const CompareGraphRequest = new RequestType<CompareGraphParams, ChainComparison, void>('align/compareGraph');

/** A program template as `align/programTemplates` lists it (language/templates/configured-templates.ts). */
export interface ProgramTemplateInfo {
    name: string;
    /** `built-in`, or the package's name and version, or the folder as written. */
    source: string;
    text: string;
    builtin: boolean;
}

/** The answer to `align/programTemplates`: the built-in template, then the configured ones. */
export interface ProgramTemplatesResult {
    templates: ProgramTemplateInfo[];
}

export const ProgramTemplatesRequest = new RequestType<Record<string, never>, ProgramTemplatesResult, void>('align/programTemplates');

/** Parameters of `align/workspaceFiles`: files to ask about (a file deleted since the last commit, say). */
export interface WorkspaceFilesParams {
    uris: string[];
}

/**
 * The answer to `align/workspaceFiles`: the workspace folders' `.align`
 * files the server checks (catalog files aside; no hidden, `node_modules`,
 * `out`, `dist` or templates folder), and which of the URIs asked about its
 * walk of the folders reaches. The client's Check Workspace counts the
 * first; Compare with Last Commit reads them, and those asked about, at HEAD.
 */
export interface WorkspaceFilesResult {
    files: string[];
    walked: string[];
}

export const WorkspaceFilesRequest = new RequestType<WorkspaceFilesParams, WorkspaceFilesResult, void>('align/workspaceFiles');

/** A catalog file (language.md, "Configuration"): a read-only library document, and where it comes from. */
export interface CatalogFile {
    uri: string;
    catalog: CatalogMark;
}

/**
 * Every catalog file, sent after the catalogs are listed (at start, and
 * again when `align.config.json`, a `package.json` or a lock file changes):
 * the client opens these files read-only (client/catalog-documents.ts).
 */
export interface DidChangeCatalogFilesParams {
    files: CatalogFile[];
}

export const DidChangeCatalogFilesNotification = new NotificationType<DidChangeCatalogFilesParams>('align/didChangeCatalogFiles');
