/**
 * Fuzzing the BUILT language server over JSON-RPC: random `didChange`
 * sequences on several open files (incremental range changes, two changes
 * in one notification, whole-text replacements), many sent in quick
 * succession without waiting, mixed with requests, closes and re-opens.
 * Afterwards the server must still answer (hover and documentSymbol), no
 * request may fail with an internal error, nothing may be logged as an
 * error, and the diagnostics last published for every file must equal a
 * fresh in-memory build of the final texts (same `line:rule` keys).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { ResponseError } from 'vscode-jsonrpc';
import { checkWorkspace } from '../unit/helpers/check-workspace.js';
import { announceSeed, fuzzParameters, runsOf, report } from './helpers/fuzz-config.js';
import { keysOf, knownWarnings, loggedProblems, LspSession, requireServerBundle, sleep, untilKeys, untilQuiet, uriOf } from './helpers/server.js';
import { makeTempDir } from '../temp-dirs.js';
import { applyEdit, countKinds, editArb, EXAMPLES, fixtureFiles, type Edit } from './helpers/vocabulary.js';
import { diff, positionAt, rangeOf } from './helpers/lsp-edits.js';
import { ruleIdOf } from '../../language/findings.js';

const ALIGN = ['catalog/metrics.align', 'churn-pilot.align', 'onboarding.align', 'safety.align', 'sales-win-rate.align'];
/** Opened at the start of every sequence; the others are read from disk until an `open` step. */
const OPENED_FIRST = [0, 1, 4];

type Wait = 'none' | 'tick' | 'diagnostics';
type Method = 'hover' | 'documentSymbol' | 'completion' | 'semanticTokens' | 'definition' | 'codeLens' | 'foldingRange' | 'formatting' | 'codeAction';
type Step =
    | { kind: 'edit'; file: number; edit: Edit; mode: 'range' | 'two' | 'full'; wait: Wait }
    | { kind: 'request'; file: number; method: Method; at: number; awaited: boolean }
    | { kind: 'close'; file: number }
    | { kind: 'open'; file: number }
    | { kind: 'pause'; ms: number };

const file = fc.nat({ max: ALIGN.length - 1 });
const stepArb: fc.Arbitrary<Step> = fc.oneof(
    { weight: 12, arbitrary: fc.record({ kind: fc.constant('edit' as const), file, edit: editArb(1), mode: fc.constantFrom('range' as const, 'range' as const, 'two' as const, 'full' as const), wait: fc.constantFrom('none' as const, 'none' as const, 'none' as const, 'tick' as const, 'diagnostics' as const) }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('request' as const), file, method: fc.constantFrom<Method>('hover', 'documentSymbol', 'completion', 'semanticTokens', 'definition', 'codeLens', 'foldingRange', 'formatting', 'codeAction'), at: fc.nat({ max: 1_000_000 }), awaited: fc.boolean() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('close' as const), file }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('open' as const), file }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('pause' as const), ms: fc.integer({ min: 0, max: 60 }) }) },
);

/** Codes a request may legitimately fail with while edits pour in. */
/** How long any request may take to be answered. */
const ANSWER_MS = 15_000;

const BENIGN = new Set([-32800 /* RequestCancelled */, -32801 /* ContentModified */, -32802 /* ServerCancelled */]);

describe('reliability: fuzzing the language server with didChange sequences', function () {
    // Long runs (ALIGN_FUZZ_RUNS) take longer: at most a minute a sequence, and never less than 10 minutes.
    this.timeout(Math.max(600_000, runsOf(8) * 60_000));
    let root: string;
    let session: LspSession;
    const disk = fixtureFiles();
    let versions = 0;
    const figures = { sequences: 0, edits: 0, notifications: 0, requests: 0, benignErrors: 0, closes: 0, opens: 0, maxSettleMs: 0 };
    const kinds: Record<string, number> = {};

    before(async () => {
        announceSeed();
        requireServerBundle();
        root = makeTempDir('align-rel-server-');
        fs.cpSync(EXAMPLES, root, { recursive: true });
        ({ session } = await LspSession.start(root));
        for (const f of ALIGN) await session.diagnosticsOf(path.join(root, f));
    });
    after(async () => {
        await session?.stop();
        fs.rmSync(root, { recursive: true, force: true });
    });

    it('keeps answering, and ends with the diagnostics of a fresh build of the final texts', async () => {
        await fc.assert(
            fc.asyncProperty(fc.array(stepArb, { minLength: 5, maxLength: 40, size: 'max' }), async steps => {
                figures.sequences++;
                // Every sequence starts from the files on disk, three of them open.
                const open = new Map<number, string>();
                const send = (method: string, params: unknown) => { figures.notifications++; return session.connection.sendNotification(method, params); };
                const sent: Promise<void>[] = [];
                const openFile = (i: number, text: string) => {
                    open.set(i, text);
                    sent.push(send('textDocument/didOpen', { textDocument: { uri: uriOf(path.join(root, ALIGN[i]!)), languageId: 'align', version: ++versions, text } }));
                };
                for (const i of OPENED_FIRST) openFile(i, disk[ALIGN[i]!]!);
                const pending: Array<Promise<unknown>> = [];
                const request = (method: string, params: unknown) => {
                    figures.requests++;
                    const answered = session.request(method, params).catch((error: unknown) => {
                        if (error instanceof ResponseError && BENIGN.has(error.code)) { figures.benignErrors++; return undefined; }
                        throw new Error(`${method} failed: ${error instanceof Error ? error.message : String(error)}`);
                    });
                    let timer: NodeJS.Timeout | undefined;
                    const deadline = new Promise<never>((_, reject) => {
                        timer = setTimeout(() => reject(new Error(`${method} ${JSON.stringify(params).slice(0, 300)} got no answer within ${ANSWER_MS} ms; the server logged: ${loggedProblems(session).join('\n') || 'nothing'}`)), ANSWER_MS);
                    });
                    const p = Promise.race([answered, deadline]).finally(() => clearTimeout(timer));
                    pending.push(p);
                    return p;
                };

                for (const step of steps) {
                    if (step.kind === 'pause') { await sleep(step.ms); continue; }
                    if (step.kind === 'open') {
                        const closed = ALIGN.map((_, i) => i).filter(i => !open.has(i));
                        if (closed.length === 0) continue;
                        figures.opens++;
                        const i = closed[step.file % closed.length]!;
                        openFile(i, disk[ALIGN[i]!]!);
                        continue;
                    }
                    // Edits, requests and closes go to an open file.
                    if (open.size === 0) continue;
                    const target = [...open.keys()].sort()[step.file % open.size]!;
                    const uri = uriOf(path.join(root, ALIGN[target]!));
                    const text = open.get(target)!;
                    if (step.kind === 'close') {
                        figures.closes++;
                        open.delete(target);
                        sent.push(send('textDocument/didClose', { textDocument: { uri } }));
                        continue;
                    }
                    if (step.kind === 'request') {
                        const position = positionAt(text, text.length === 0 ? 0 : step.at % (text.length + 1));
                        const textDocument = { uri };
                        const params: Record<Method, [string, unknown]> = {
                            hover: ['textDocument/hover', { textDocument, position }],
                            documentSymbol: ['textDocument/documentSymbol', { textDocument }],
                            completion: ['textDocument/completion', { textDocument, position }],
                            semanticTokens: ['textDocument/semanticTokens/full', { textDocument }],
                            definition: ['textDocument/definition', { textDocument, position }],
                            codeLens: ['textDocument/codeLens', { textDocument }],
                            foldingRange: ['textDocument/foldingRange', { textDocument }],
                            formatting: ['textDocument/formatting', { textDocument, options: { tabSize: 2, insertSpaces: true } }],
                            codeAction: ['textDocument/codeAction', { textDocument, range: { start: position, end: position }, context: { diagnostics: [] } }],
                        };
                        const [method, p] = params[step.method];
                        const answer = request(method, p);
                        if (step.awaited) await answer;
                        continue;
                    }
                    // An edit.
                    figures.edits++;
                    countKinds([step.edit], kinds);
                    const next = applyEdit(text, { ...step.edit, file: 0 });
                    open.set(target, next);
                    const version = ++versions;
                    let contentChanges: unknown[];
                    if (step.mode === 'full') {
                        contentChanges = [{ text: next }];
                    } else {
                        const change = diff(text, next);
                        const middle = text.slice(0, change.start) + text.slice(change.end);
                        // Two changes need a position of the middle text that is not inside a `\r\n`.
                        if (step.mode === 'range' || (middle[change.start - 1] === '\r' && middle[change.start] === '\n')) {
                            contentChanges = [{ range: rangeOf(text, change.start, change.end), text: change.text }];
                        } else {
                            // Two changes in one notification: delete the span, then insert the new text (positions of the text after the first).
                            contentChanges = [
                                { range: rangeOf(text, change.start, change.end), text: '' },
                                { range: rangeOf(middle, change.start, change.start), text: change.text },
                            ];
                        }
                    }
                    const notified = send('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
                    sent.push(notified);
                    if (step.wait === 'tick') await new Promise(resolve => setImmediate(resolve));
                    else if (step.wait === 'diagnostics') {
                        const before = session.diagnostics.get(uri);
                        await session.until(() => session.diagnostics.get(uri) !== before, 'a publish', 3000).catch(() => undefined);
                    }
                }
                await Promise.all(sent);

                // It keeps answering: documentSymbol and hover on every open file.
                for (const [i, text] of open) {
                    const textDocument = { uri: uriOf(path.join(root, ALIGN[i]!)) };
                    await Promise.all([
                        request('textDocument/documentSymbol', { textDocument }),
                        request('textDocument/hover', { textDocument, position: positionAt(text, Math.floor(text.length / 2)) }),
                    ]);
                }
                await Promise.all(pending);

                // The final diagnostics equal a fresh build of the final texts.
                const finalTexts: Record<string, string> = { ...disk };
                for (const [i, text] of open) finalTexts[ALIGN[i]!] = text;
                const fresh = await checkWorkspace(finalTexts);
                const settleStarted = Date.now();
                for (const name of ALIGN) {
                    const expected = fresh.findings.filter(f => f.file === name).map(f => `${f.line}:${f.rule}`).sort();
                    await untilKeys(session, path.join(root, name), expected);
                }
                // ...and stay so once the server is quiet (no late publish of an older state).
                await untilQuiet(session, 300);
                for (const name of ALIGN) {
                    const expected = fresh.findings.filter(f => f.file === name).map(f => `${f.line}:${f.rule}`).sort();
                    assert.deepEqual(keysOf(session.diagnostics.get(uriOf(path.join(root, name))) ?? []), expected, `${name} after the server went quiet`);
                }
                figures.maxSettleMs = Math.max(figures.maxSettleMs, Date.now() - settleStarted);
                assert.deepEqual(loggedProblems(session), [], 'the server logged no error');

                // Back to the files on disk for the next sequence.
                for (const [i] of open) await send('textDocument/didClose', { textDocument: { uri: uriOf(path.join(root, ALIGN[i]!)) } });
                for (const name of ALIGN) await untilKeys(session, path.join(root, name), (await freshKeys(disk))[name]!);
            }),
            // One server serves every sequence (a long-lived server is the point): shrinking would replay on a changed server, so stop at the first failure.
            fuzzParameters(8, { endOnFailure: true }),
        );
        report(`server sequences: ${figures.sequences}, ${figures.edits} edits (${Object.entries(kinds).map(([k, n]) => `${k} ${n}`).join(', ')}), ${figures.notifications} notifications, ${figures.requests} requests (${figures.benignErrors} cancelled/content-modified), ${figures.opens} re-opens, ${figures.closes} closes; slowest settle ${figures.maxSettleMs} ms; known warnings logged: ${knownWarnings(session)}`);
    });
});

let diskKeys: Record<string, string[]> | undefined;

/** `line:rule` keys of every `.align` file of a fresh build (cached for the files on disk). */
async function freshKeys(files: Record<string, string>): Promise<Record<string, string[]>> {
    if (diskKeys) return diskKeys;
    const { services } = await checkWorkspace(files);
    const keys: Record<string, string[]> = {};
    for (const document of services.shared.workspace.LangiumDocuments.all) {
        keys[document.uri.path.slice('/ws/'.length)] = (document.diagnostics ?? []).map(d => `${d.range.start.line + 1}:${ruleIdOf(d)}`).sort();
    }
    diskKeys = keys;
    return keys;
}
