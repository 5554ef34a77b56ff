/**
 * Helpers of the reliability tests that drive the BUILT language server
 * (out/server.cjs) over JSON-RPC, through test/lsp/lsp-session.ts.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LspSession, SERVER, uriOf } from '../../lsp/lsp-session.js';

export { LspSession, uriOf };

/** Fails early, with advice, when the server bundle has not been built. */
export function requireServerBundle(): void {
    const bundle = path.join(path.dirname(SERVER), '..', 'out', 'server.cjs');
    assert.ok(fs.existsSync(bundle), `${bundle} is missing: run \`npm run build\` first`);
}


/** `line:rule` keys (1-based lines) of published diagnostics, sorted. */
export function keysOf(diagnostics: readonly Diagnostic[]): string[] {
    return diagnostics.map(d => `${d.range.start.line + 1}:${String(d.code)}`).sort();
}

/**
 * Warnings known and tolerated (see docs/reliability.md, "Found, not fixed"):
 * Langium warns when a request (semantic tokens) reads a reference of a
 * document that an edit has just reset. They are counted, not failed.
 */
export const KNOWN_WARNINGS: readonly RegExp[] = [/^Attempted reference resolution before document reached ComputedScopes state/];

function logged(session: LspSession): string[] {
    return session.notifications
        .filter(n => n.method === 'window/logMessage' && ((n.params as { type: number }).type <= 2))
        .map(n => (n.params as { message: string }).message);
}

/** Errors and warnings the server logged (`window/logMessage` type 1 or 2: a check that threw, a failed request), but the known ones. */
export function loggedProblems(session: LspSession): string[] {
    return logged(session).filter(m => !KNOWN_WARNINGS.some(k => k.test(m)));
}

/** How many known warnings the server logged. */
export function knownWarnings(session: LspSession): number {
    return logged(session).filter(m => KNOWN_WARNINGS.some(k => k.test(m))).length;
}

/** Waits until a file's published diagnostics have exactly the `line:rule` keys; the error shows the last ones seen. */
export async function untilKeys(session: LspSession, file: string, expected: readonly string[], ms = 20_000): Promise<void> {
    const want = [...expected].sort().join('\n');
    try {
        await session.diagnosticsOf(file, d => keysOf(d).join('\n') === want, ms);
    } catch {
        const seen = session.diagnostics.get(uriOf(file));
        assert.deepEqual(seen ? keysOf(seen) : '(nothing published)', [...expected].sort(), `published diagnostics of ${path.basename(file)} (waited ${ms} ms)`);
    }
}

/** Resolves after `ms` milliseconds. */
export const sleep = (ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms));

const counters = new WeakMap<LspSession, { count: number }>();

/** How many notifications (publishDiagnostics included, even when identical) a session has received. */
export function received(session: LspSession): number {
    let counter = counters.get(session);
    if (!counter) {
        const c = { count: 0 };
        counter = c;
        counters.set(session, c);
        const map = session.diagnostics;
        const set = map.set.bind(map);
        map.set = (uri, diagnostics) => { c.count++; return set(uri, diagnostics); };
    }
    return counter.count + session.notifications.length;
}

/** Resolves once no notification has arrived for `quietMs` (at most `maxMs`). */
export async function untilQuiet(session: LspSession, quietMs = 400, maxMs = 10_000): Promise<void> {
    const started = Date.now();
    let count = -1;
    while (Date.now() - started < maxMs) {
        const now = received(session);
        if (now === count) return;
        count = now;
        await sleep(quietMs);
    }
}
