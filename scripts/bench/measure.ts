/**
 * The two measurements of the benchmark, each on fresh services:
 * raw parsing (lexer + parser, no linking) and the whole check through
 * Langium's DocumentBuilder, phase by phase, then the findings collection.
 */
import * as fs from 'node:fs';
import { PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { DocumentState, EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createAlignServices } from '../../language/align-module.js';
import { HOST_WITHOUT_LINKS, nodeHost } from '../../language/host.js';
import { collectFindings } from '../../cli/check/collect-findings.js';
import type { LoadedWorkspace } from '../../cli/workspace/load-workspace.js';
import { heapUsedMb, collectGarbage, now } from './timing.js';

export interface SourceFile {
    readonly path: string;
    readonly text: string;
}

export interface RawParseResult extends Record<string, number | undefined> {
    ms: number;
    /**
     * CPU time of this process (user + system, all its threads: V8's background
     * compiler and GC helpers count too). Less skewed than wall time by other load.
     */
    cpu: number;
    /** Lexer and parser errors over all files. */
    errors: number;
}

/** The build phases, in order, as the DocumentBuilder runs them. */
export const PHASES = [
    DocumentState.Parsed, DocumentState.IndexedContent, DocumentState.ComputedScopes,
    DocumentState.Linked, DocumentState.IndexedReferences, DocumentState.Validated
] as const;

export type PhaseName = 'Parsed' | 'IndexedContent' | 'ComputedScopes' | 'Linked' | 'IndexedReferences' | 'Validated';
export const PHASE_NAMES: readonly PhaseName[] = ['Parsed', 'IndexedContent', 'ComputedScopes', 'Linked', 'IndexedReferences', 'Validated'];

export interface CheckResult extends Record<string, number | undefined> {
    /** Each phase's duration; `Parsed` includes creating the documents (`fromString` parses). */
    Parsed: number; IndexedContent: number; ComputedScopes: number; Linked: number; IndexedReferences: number; Validated: number;
    /** Collecting the diagnostics as CLI findings (sorted, with relative paths). */
    findings: number;
    /** From creating the first document to the findings collected. */
    total: number;
    /** CPU time of the same span (user + system, all threads of the process). */
    cpu: number;
    /** Building the impact graph (CSV reads included), timed inside `Validated`, of which it is part. */
    graph: number;
    /** Garbage-collection pauses during the check (part of every phase). */
    gc: number;
    /** Heap in use after the build with the workspace alive, MB (undefined without --expose-gc). */
    heapMb: number | undefined;
    diagnostics: number;
}

/** Lexes and parses every file with `LangiumParser.parse`; the parser is created before timing starts. */
export function measureRawParse(files: readonly SourceFile[]): RawParseResult {
    const { Align } = createAlignServices({ ...EmptyFileSystem, host: HOST_WITHOUT_LINKS });
    const parser = Align.parser.LangiumParser;
    collectGarbage();
    const cpuStart = process.cpuUsage();
    const start = now();
    let errors = 0;
    for (const file of files) {
        const result = parser.parse(file.text);
        errors += result.lexerErrors.length + result.parserErrors.length;
    }
    return { ms: now() - start, cpu: cpuMs(cpuStart), errors };
}

/**
 * Builds the workspace as `align check` does (fresh services, documents from
 * strings, `build(docs, { validation: true })`), with a timestamp at the end
 * of each build phase, then collects the findings.
 */
export async function measureCheck(files: readonly SourceFile[], root: string): Promise<{ result: CheckResult; byRule: Map<string, number> }> {
    const { shared, Align } = createAlignServices({ ...NodeFileSystem, host: nodeHost(fs.promises.realpath) });
    Align.align.Settings.workspaceRoot = URI.file(root);
    const builder = shared.workspace.DocumentBuilder;
    const stamps = new Map<DocumentState, number>();
    for (const phase of PHASES) builder.onBuildPhase(phase, () => { stamps.set(phase, now()); });
    void Align.parser.LangiumParser; // create the parser (grammar analysis) before timing, as for raw parsing
    const graph = timeGraphBuilds(Align.align.Graph);
    const factory = shared.workspace.LangiumDocumentFactory;
    const documents = shared.workspace.LangiumDocuments;
    collectGarbage();

    const gcPauses: PerformanceEntry[] = [];
    const observer = new PerformanceObserver(list => { gcPauses.push(...list.getEntries()); });
    observer.observe({ entryTypes: ['gc'] });
    const cpuStart = process.cpuUsage();
    const start = now();
    const docs: LangiumDocument[] = files.map(file => {
        const document = factory.fromString(file.text, URI.file(file.path));
        documents.addDocument(document);
        return document;
    });
    await builder.build(docs, { validation: true });
    const built = now();
    // collectFindings reads the documents (and a config file, none here); other fields of LoadedWorkspace are the CLI's.
    const loaded: Pick<LoadedWorkspace, 'services' | 'documents' | 'root' | 'configProblems'> = { services: Align, documents: docs, root, configProblems: [] };
    const findings = collectFindings(loaded as LoadedWorkspace);
    const done = now();
    const cpu = cpuMs(cpuStart);
    gcPauses.push(...observer.takeRecords());
    observer.disconnect();
    const gc = gcPauses.filter(e => e.startTime >= start && e.startTime <= done).reduce((sum, e) => sum + e.duration, 0);
    const heapMb = heapUsedMb();

    const durations = {} as Record<PhaseName, number>;
    let previous = start;
    PHASES.forEach((phase, i) => {
        const stamp = stamps.get(phase) ?? previous;
        durations[PHASE_NAMES[i]!] = stamp - previous;
        previous = stamp;
    });
    durations.Validated += built - previous; // the builder's own work after the last listener (small)
    const byRule = new Map<string, number>();
    for (const f of findings) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
    return {
        result: { ...durations, findings: done - built, total: done - start, cpu, graph: graph.ms, gc, heapMb, diagnostics: findings.length },
        byRule
    };
}

/**
 * Times the impact graph builds of a check from outside `language/`: wraps
 * the service's `getIndex` so that each new build (a new promise) is timed
 * from the call that starts it to its resolution. Validation waits for it,
 * so nothing else runs meanwhile.
 */
export function timeGraphBuilds(service: { getIndex(): Promise<unknown> }): { readonly ms: number } {
    const timing = { ms: 0 };
    const original = service.getIndex.bind(service);
    let last: Promise<unknown> | undefined;
    service.getIndex = () => {
        const start = now();
        const pending = original();
        if (pending !== last) {
            last = pending;
            void pending.then(() => { timing.ms += now() - start; }, () => undefined);
        }
        return pending;
    };
    return timing;
}

function cpuMs(since: NodeJS.CpuUsage): number {
    const used = process.cpuUsage(since);
    return (used.user + used.system) / 1000;
}
