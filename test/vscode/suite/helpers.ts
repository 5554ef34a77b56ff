import * as vscode from 'vscode';
import type { AlignApi } from '../../../client/api.js';

/** The extension under test (publisher.name from package.json). */
export const EXTENSION_ID = 'align.align-lang';

/** Activates the extension (opening a `.align` file would too) and waits until its language client runs. */
export async function activateAlign(): Promise<AlignApi> {
    const extension = vscode.extensions.getExtension<AlignApi>(EXTENSION_ID);
    if (!extension) throw new Error(`extension ${EXTENSION_ID} is not installed in the test host`);
    const api = await extension.activate();
    await api.ready;
    return api;
}

/** The first workspace folder: a copy of test/fixtures/examples. */
export function root(): vscode.Uri {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) throw new Error('the tests need the fixture workspace open');
    return folder.uri;
}

export const fileUri = (relative: string): vscode.Uri => vscode.Uri.joinPath(root(), relative);

export async function readText(relative: string): Promise<string> {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(fileUri(relative)));
}

/**
 * Resolves with `check()`'s value as soon as it is truthy, checking again
 * whenever one of `events` fires; fails after `ms` with `what()` of the state.
 */
export function until<T>(check: () => T | undefined | false, events: ReadonlyArray<vscode.Event<unknown>>, what: () => string, ms = 45000): Promise<T> {
    return new Promise<T>((resolve, reject) => {
        const subscriptions: vscode.Disposable[] = [];
        const finish = (action: () => void) => {
            clearTimeout(timer);
            for (const s of subscriptions) s.dispose();
            action();
        };
        const test = () => {
            try {
                const value = check();
                if (value) finish(() => resolve(value));
            } catch (error) {
                finish(() => reject(error));
            }
        };
        const timer = setTimeout(() => finish(() => reject(new Error(`timed out after ${ms} ms waiting for ${what()}`))), ms);
        // Checked after the code that fired the event has run to its end.
        for (const event of events) subscriptions.push(event(() => queueMicrotask(test)));
        test();
    });
}

/** Waits until the diagnostics of a file satisfy `predicate` (checked on every diagnostics change). */
export function diagnosticsOf(uri: vscode.Uri, predicate: (d: vscode.Diagnostic[]) => boolean, ms?: number): Promise<vscode.Diagnostic[]> {
    return until(() => {
        const diagnostics = vscode.languages.getDiagnostics(uri);
        return predicate(diagnostics) ? diagnostics : undefined;
    }, [vscode.languages.onDidChangeDiagnostics], () => `diagnostics of ${uri.path}; now ${JSON.stringify(keys(vscode.languages.getDiagnostics(uri)))}`, ms);
}

/** The rule id of a diagnostic (its `code`, which may come with a link to the rule's documentation). */
export function ruleOf(diagnostic: vscode.Diagnostic): string {
    const code = diagnostic.code;
    return String(typeof code === 'object' ? code.value : code);
}

/** `line:rule` keys (1-based lines) of diagnostics, sorted. */
export function keys(diagnostics: readonly vscode.Diagnostic[]): string[] {
    return diagnostics.map(d => `${d.range.start.line + 1}:${ruleOf(d)}`).sort();
}

/**
 * The findings the `// expect: rule[, rule]` comments of a fixture file
 * announce: each rule starts on the next line that is not an `expect:`
 * comment. `line:rule` keys, sorted.
 */
export function expectedFindings(text: string): string[] {
    const lines = text.split(/\r?\n/);
    const found: string[] = [];
    let pending: string[] = [];
    lines.forEach((line, index) => {
        const match = /^\s*\/\/\s*expect:\s*(.+)$/.exec(line);
        if (match) {
            pending.push(...match[1]!.split(',').map(r => r.trim()).filter(r => r !== ''));
        } else if (pending.length > 0) {
            found.push(...pending.map(rule => `${index + 1}:${rule}`));
            pending = [];
        }
    });
    return found.sort();
}

/** The position of the first occurrence of `text` in a document (plus `offset` characters). */
export function positionOf(document: vscode.TextDocument, text: string, offset = 0): vscode.Position {
    const index = document.getText().indexOf(text);
    if (index < 0) throw new Error(`"${text}" is not in ${document.uri.path}`);
    return document.positionAt(index + offset);
}

/** Opens a workspace file in an editor. */
export async function open(relative: string): Promise<vscode.TextEditor> {
    return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(fileUri(relative)));
}

/** The `.align` files of the fixture workspace, relative paths. */
export const ALIGN_FILES = ['catalog/metrics.align', 'churn-pilot.align', 'onboarding.align', 'safety.align', 'sales-win-rate.align'];
