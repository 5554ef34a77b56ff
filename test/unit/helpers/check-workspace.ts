import { URI } from 'langium';
import { createAlignServices, type AlignServices } from '../../../language/align-module.js';
import { HOST_WITHOUT_LINKS } from '../../../language/host.js';
import type { AlignSettings } from '../../../language/config/align-settings.js';
import type { GraphIndex } from '../../../language/graph/build-graph.js';
import { toFinding } from '../../../language/findings.js';
import type { Finding } from '../../../language/rules.js';
import { MemoryFileSystem } from './memory-file-system.js';

/** A finding as the rule tests see it: `file` is the name relative to the workspace root. */
export type TestFinding = Finding;

export interface CheckedWorkspace {
    findings: TestFinding[];
    graph: GraphIndex;
    services: AlignServices;
}

export const TEST_ROOT = URI.file('/ws');

/**
 * Builds an in-memory workspace through Langium's document builder with
 * validation, exactly as the CLI and the server do. Files ending in `.align`
 * are documents; every file (CSV too) is readable through the file system.
 * `prepare` sees the services before the build (to inject a fault).
 */
export async function checkWorkspace(files: Readonly<Record<string, string>>, settings?: AlignSettings,
    prepare?: (services: AlignServices) => void): Promise<CheckedWorkspace> {
    const fileSystem = new MemoryFileSystem(TEST_ROOT, files);
    const services = createAlignServices({ fileSystemProvider: () => fileSystem, host: HOST_WITHOUT_LINKS }).Align;
    services.align.Settings.workspaceRoot = TEST_ROOT;
    if (settings) services.align.Settings.setOverrides(settings);
    prepare?.(services);
    const documents = Object.entries(files).filter(([name]) => name.endsWith('.align')).map(([name, text]) => {
        const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(`/ws/${name}`));
        services.shared.workspace.LangiumDocuments.addDocument(document);
        return document;
    });
    await services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
    const findings = documents.flatMap(document => (document.diagnostics ?? []).map(d => toFinding(document.uri.path.slice('/ws/'.length), d)));
    return { findings, graph: await services.align.Graph.getIndex(), services };
}

/**
 * Reads `// expect: rule[, rule]` comments: each listed rule has a finding
 * that starts on the next line that is not an `expect:` comment.
 * Returns `line:rule` keys (1-based lines).
 */
export function expectedFindings(text: string): string[] {
    const lines = text.split(/\r?\n/);
    const expected: string[] = [];
    let pending: string[] = [];
    lines.forEach((line, index) => {
        const m = /^\s*\/\/\s*expect:\s*(.+)$/.exec(line);
        if (m) {
            pending.push(...m[1]!.split(',').map(s => s.trim()).filter(Boolean));
        } else if (pending.length > 0) {
            expected.push(...pending.map(rule => `${index + 1}:${rule}`));
            pending = [];
        }
    });
    return expected.sort();
}

/** `line:rule` keys of the findings of one file, sorted, for comparison with `expectedFindings`. */
export function findingKeys(findings: readonly TestFinding[], file: string): string[] {
    return findings.filter(f => f.file === file).map(f => `${f.line}:${f.rule}`).sort();
}
