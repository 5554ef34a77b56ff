/**
 * One fuzz step through the real document builder (checkWorkspace): the
 * build must not throw, must log nothing (a validation check or a scope
 * computation that threw is logged, and reported as `internal-error`), must
 * finish within the time limit, every diagnostic range must lie inside its
 * document, and no message may show `undefined`, `null` or `NaN`.
 */
import { format } from 'node:util';
import type { Diagnostic } from 'vscode-languageserver-types';
import { checkWorkspace, type CheckedWorkspace } from '../../unit/helpers/check-workspace.js';
import { ruleIdOf } from '../../../language/findings.js';

/** A hang guard, not a speed target (speed is measured by `npm run bench`): a build this long is stuck. */
export const BUILD_LIMIT_MS = 20000;

/** What no message may show: a value that was missing when the message was written. */
export const MISSING_VALUE = /\b(undefined|null|NaN)\b/;

/** The lines of a text as an LSP client counts them (`\r\n`, `\r` and `\n` end a line). */
export function linesOf(text: string): string[] {
    return text.split(/\r\n|\r|\n/);
}

/** Why a diagnostic's range does not fit its text, or undefined when it does. */
export function rangeProblem(text: string, d: Pick<Diagnostic, 'range'>): string | undefined {
    const lines = linesOf(text);
    const { start, end } = d.range;
    for (const [what, p] of [['start', start], ['end', end]] as const) {
        if (!Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0) return `${what} ${JSON.stringify(p)} is not a position`;
        if (p.line >= lines.length) return `${what} line ${p.line} >= line count ${lines.length}`;
        if (p.character > lines[p.line]!.length) return `${what} character ${p.character} > length ${lines[p.line]!.length} of line ${p.line}`;
    }
    if (start.line > end.line || (start.line === end.line && start.character > end.character)) return `start ${JSON.stringify(start)} after end ${JSON.stringify(end)}`;
    return undefined;
}

export interface StepResult {
    ms: number;
    diagnostics: number;
    /** `line:rule` keys (1-based lines) of every `.align` file, sorted. */
    keys: Record<string, string[]>;
    checked: CheckedWorkspace;
}

const CONSOLE = ['log', 'info', 'debug', 'warn', 'error'] as const;

/** Builds the files (names relative to the workspace root) and asserts the invariants; throws an Error that shows the problem. */
export async function buildStep(files: Readonly<Record<string, string>>, limitMs = BUILD_LIMIT_MS): Promise<StepResult> {
    const logged: string[] = [];
    const saved = CONSOLE.map(m => console[m]);
    for (const m of CONSOLE) console[m] = (...args: unknown[]) => { logged.push(`${m}: ${format(...args)}`); };
    const started = performance.now();
    let checked: CheckedWorkspace;
    try {
        checked = await checkWorkspace(files);
    } finally {
        CONSOLE.forEach((m, i) => { console[m] = saved[i]!; });
    }
    const ms = performance.now() - started;
    if (logged.length > 0) throw new Error(`the build logged:\n${logged.join('\n').slice(0, 4000)}`);
    if (ms > limitMs) throw new Error(`the build took ${Math.round(ms)} ms (limit ${limitMs} ms)`);
    const keys: Record<string, string[]> = {};
    let diagnostics = 0;
    for (const document of checked.services.shared.workspace.LangiumDocuments.all) {
        const name = document.uri.path.slice('/ws/'.length);
        const text = files[name];
        if (text === undefined) continue;
        if (document.textDocument.getText() !== text) throw new Error(`${name}: the document's text is not the text given`);
        for (const d of document.diagnostics ?? []) {
            diagnostics++;
            const problem = rangeProblem(text, d);
            if (problem) throw new Error(`${name}: diagnostic ${ruleIdOf(d)} "${String(d.message).slice(0, 200)}" has a range outside the document: ${problem}`);
            if (ruleIdOf(d) === 'internal-error') throw new Error(`${name}: an internal error: ${d.message}`);
            if (MISSING_VALUE.test(String(d.message))) throw new Error(`${name}: diagnostic ${ruleIdOf(d)} shows a missing value: ${d.message}`);
        }
        keys[name] = (document.diagnostics ?? []).map(d => `${d.range.start.line + 1}:${ruleIdOf(d)}`).sort();
    }
    return { ms, diagnostics, keys, checked };
}
