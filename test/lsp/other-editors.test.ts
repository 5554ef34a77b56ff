/**
 * The standalone server as editors other than VS Code drive it (Neovim,
 * Helix, Emacs eglot, Sublime LSP, Zed): a root given only as `rootUri` or
 * `rootPath`, or none; no `workspace/configuration` and no
 * `workspace/didChangeWatchedFiles` capability; a client set up for more
 * file types than `.align`; the end of a session (`shutdown`/`exit`, or the
 * client gone).
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { CompletionList, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { copyExamples, EXAMPLES, LspSession, positionAt, positionOf, SERVER, uriOf } from './lsp-session.js';

/** A file of the examples with findings, never opened by these tests: diagnostics of it mean the workspace was read. */
const UNOPENED = 'sales-win-rate.align';

describe('language server in other editors', function () {
    this.timeout(30000);
    let session: LspSession | undefined;
    afterEach(async () => {
        await session?.stop();
        session = undefined;
    });

    const roots: Array<[string, (root: string) => Record<string, unknown>]> = [
        ['only rootUri (no workspaceFolders)', root => ({ rootUri: uriOf(root), capabilities: {} })],
        ['only rootPath (rootUri null)', root => ({ rootPath: root, rootUri: null, capabilities: {} })],
        ['rootUri and an empty workspaceFolders', root => ({ rootUri: uriOf(root), workspaceFolders: [], capabilities: {} })]
    ];
    for (const [name, params] of roots) {
        it(`reads the workspace given ${name}: unopened files are checked, align.config.json applies`, async () => {
            ({ session } = await LspSession.startWith(EXAMPLES, params(EXAMPLES)));
            const diagnostics = await session.diagnosticsOf(path.join(EXAMPLES, UNOPENED), d => d.length > 0);
            assert.ok(diagnostics.every(d => d.source === 'align'), JSON.stringify(diagnostics));
            // Go to definition across files: the workspace's declarations are indexed.
            const symbols = await session.request<Array<{ location: { uri: string } }>>('workspace/symbol', { query: '' });
            const files = new Set(symbols.map(s => path.basename(s.location.uri)));
            for (const file of ['churn-pilot.align', 'onboarding.align', 'safety.align', UNOPENED]) assert.ok(files.has(file), `${file} in ${[...files].join(', ')}`);
            await session.diagnosticsOf(path.join(EXAMPLES, 'align.config.json'), d => d.length === 0);
        });
    }

    it('without any root (single-file mode) checks the files opened, and only them', async () => {
        ({ session } = await LspSession.startWith(EXAMPLES, { rootUri: null, workspaceFolders: null, capabilities: {} }));
        const file = path.join(EXAMPLES, 'churn-pilot.align');
        await session.open(file, `${fs.readFileSync(file, 'utf-8')}\nmetric Stray "stray" { kind bogus }\n`);
        const diagnostics = await session.diagnosticsOf(file, d => d.length > 0);
        assert.ok(diagnostics.some(d => d.range.start.line >= fs.readFileSync(file, 'utf-8').split('\n').length - 1), JSON.stringify(diagnostics));
        assert.equal(session.diagnostics.has(uriOf(path.join(EXAMPLES, UNOPENED))), false, 'no file of a folder was read');
    });

    it('ignores a document of another language (a client set up for more file types), says so once, and keeps serving', async () => {
        ({ session } = await LspSession.startWith(EXAMPLES, { rootUri: uriOf(EXAMPLES), capabilities: {} }));
        const markdown = 'file:///tmp/notes/README.md';
        await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: markdown, languageId: 'markdown', version: 1, text: '# Notes\n\nNot Align.\n' } });
        await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri: markdown, version: 2 }, contentChanges: [{ text: '# Notes 2\n' }] });
        await session.until(() => session!.notifications.find(n => n.method === 'window/logMessage'
            && String((n.params as { message: string }).message).includes(`${markdown} (language 'markdown') is not an Align file`)), 'the log message');
        // Still alive: an Align file opened afterwards is checked and answered.
        const file = path.join(EXAMPLES, 'churn-pilot.align');
        const uri = await session.open(file);
        const hover = await session.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 10 } });
        assert.ok(hover && JSON.stringify(hover.contents).includes('ReduceChurn'), JSON.stringify(hover));
        await session.diagnosticsOf(path.join(EXAMPLES, UNOPENED), d => d.length > 0);
        assert.equal(session.process.exitCode, null, 'the server is running');
        assert.equal(session.diagnostics.has(markdown), false, 'nothing published for the Markdown file');
        const logged = session.notifications.filter(n => n.method === 'window/logMessage' && String((n.params as { message: string }).message).includes(markdown));
        assert.equal(logged.length, 1, 'said once');
    });

    it('answers a client that reads plain text only, and one without hierarchical symbols, in their shapes', async () => {
        const capabilities = { textDocument: { hover: { contentFormat: ['plaintext'] }, documentSymbol: {} } };
        ({ session } = await LspSession.startWith(EXAMPLES, { rootUri: uriOf(EXAMPLES), capabilities }));
        const file = path.join(EXAMPLES, 'churn-pilot.align');
        const uri = await session.open(file);
        await session.diagnosticsOf(file, d => d.length === 0); // a fully aligned pilot
        const hover = await session.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(file, 3, 'ReduceChurn') });
        const contents = hover?.contents as { kind: string; value: string } | undefined;
        assert.equal(contents?.kind, 'plaintext', JSON.stringify(hover));
        assert.match(contents!.value, /^outcome ReduceChurn — /, contents!.value);
        assert.doesNotMatch(contents!.value, /\*\*|`|^---$/m, 'no Markdown left');
        const symbols = await session.request<Array<{ name: string; location?: { uri: string }; containerName?: string; children?: unknown }>>('textDocument/documentSymbol', { textDocument: { uri } });
        assert.ok(symbols.length > 3 && symbols.every(s => s.location?.uri === uri && s.children === undefined), JSON.stringify(symbols.slice(0, 3)));
        const member = symbols.find(s => s.name === 'RepeatContactRate');
        assert.equal(member?.containerName, 'ChurnPilot', 'a program member names its program');
        assert.equal(symbols.find(s => s.name === 'ChurnPilot')?.containerName, undefined);
    });

    it('gives completion documentation as plain text to a client whose documentationFormat lists no markdown, Markdown to one that lists it', async () => {
        const documentation = async (documentationFormat: string[]) => {
            ({ session } = await LspSession.startWith(EXAMPLES, { rootUri: uriOf(EXAMPLES), capabilities: { textDocument: { completion: { completionItem: { documentationFormat } } } } }));
            const file = path.join(EXAMPLES, 'churn-pilot.align');
            const text = `${fs.readFileSync(file, 'utf-8')}\nmetric Fresh "F" {\n  \n}\n`;
            const uri = await session.open(file, text);
            await session.diagnosticsOf(file);
            const list = await session.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: positionAt(text, text.length - 2) });
            await session.stop();
            session = undefined;
            return list.items.find(i => i.label === 'kind')?.documentation as MarkupContent | undefined;
        };
        const plain = await documentation(['plaintext']);
        assert.equal(plain?.kind, 'plaintext', JSON.stringify(plain));
        assert.match(plain.value, /^lagging and leading metrics are business KPIs; activity \(enrollments/, plain.value);
        const markdown = await documentation(['markdown', 'plaintext']);
        assert.deepEqual(markdown, { kind: 'markdown', value: plain.value.replace(/^lagging and leading/, '`lagging` and `leading`').replace('; activity', '; `activity`').replace('and learning', 'and `learning`') });
    });

    it('offers no CodeAction literals to a client without codeActionLiteralSupport, and says so once', async () => {
        const actions = async (capabilities: Record<string, unknown>) => {
            ({ session } = await LspSession.startWith(EXAMPLES, { rootUri: uriOf(EXAMPLES), capabilities }));
            const file = path.join(EXAMPLES, 'safety.align');
            const [finding] = await session.diagnosticsOf(file, d => d.length > 0);
            const params = { textDocument: { uri: uriOf(file) }, range: finding!.range, context: { diagnostics: [finding] } };
            const answers = [await session.request<unknown[]>('textDocument/codeAction', params), await session.request<unknown[]>('textDocument/codeAction', params)];
            const said = session.logged('no code action literals');
            await session.stop();
            session = undefined;
            return { answers, said };
        };
        const literal = await actions({ textDocument: { codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } } } });
        assert.ok(literal.answers[0]!.length > 0, 'a client with literals gets the fixes');
        assert.deepEqual(literal.said, []);
        const bare = await actions({});
        assert.deepEqual(bare.answers, [[], []]);
        assert.deepEqual(bare.said, ['Align: the editor takes no code action literals (codeActionLiteralSupport): no quick fixes are offered']);
    });

    it('takes its settings from workspace/didChangeConfiguration when the client has no workspace/configuration', async () => {
        ({ session } = await LspSession.startWith(EXAMPLES, { rootUri: uriOf(EXAMPLES), capabilities: {} }));
        const safety = path.join(EXAMPLES, 'safety.align');
        await session.diagnosticsOf(safety, d => d.some(x => x.code === 'metric-without-source'));
        await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: { align: { rules: { 'metric-without-source': 'off' } } } });
        const after = await session.diagnosticsOf(safety, d => !d.some(x => x.code === 'metric-without-source'));
        assert.ok(after.length > 0, 'the other findings stay');
        // What it ignores (no schema underlines it in these editors) it says once, as the settings file's problems are said.
        const shown = () => session!.notifications.filter(n => n.method === 'window/showMessage').map(n => (n.params as { type: number; message: string }));
        const bad = { align: { rules: { 'metric-without-source': 'off', 'objective-without-practise': 'off', 'metric-unused': 'loud' }, maxPilotDays: 'abc' } };
        await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: bad });
        const said = await session.until(() => shown().length > 0 ? shown() : undefined, 'a message about the ignored settings');
        assert.deepEqual(said, [{ type: 2, message: 'Align: editor settings ignored (the rest applies): unknown rule id "objective-without-practise"; did you mean "objective-without-practice"?; '
            + 'rule "metric-unused": unknown severity "loud" (the severities are "off", "info", "warning", "error"); "maxPilotDays" must be a whole number of 0 or more, not "abc"; e.g. "maxPilotDays": 90 (the default)' }]);
        await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: bad });
        await session.diagnosticsOf(safety, d => !d.some(x => x.code === 'metric-without-source'));
        await new Promise(resolve => setTimeout(resolve, 300));
        assert.equal(shown().length, 1, 'the same problems are said once');
    });

    it("says once an unknown key of the editor's align section, and none of the VS Code extension's own keys", async () => {
        const own = { pull: { command: '' }, preview: { hideLearningMetrics: false, followCursor: true, direction: 'TB' }, trace: { server: 'off' } };
        ({ session } = await LspSession.start(EXAMPLES, { ...own, maxPilotDay: 120, rules: { 'metric-without-source': 'off' } }));
        const safety = path.join(EXAMPLES, 'safety.align');
        await session.diagnosticsOf(safety, d => d.length > 0 && !d.some(x => x.code === 'metric-without-source'));
        const shown = () => session!.notifications.filter(n => n.method === 'window/showMessage').map(n => (n.params as { message: string }).message);
        assert.deepEqual(shown(), ['Align: editor settings ignored (the rest applies): unknown key "maxPilotDay"; did you mean "maxPilotDays"? (the keys are "rules", "maxLaggingKpis", "maxPilotDays")']);
        await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: { align: own } });
        await session.diagnosticsOf(safety, d => d.some(x => x.code === 'metric-without-source'));
        assert.equal(shown().length, 1, 'the extension\'s own keys are no problem');
    });

    describe('files changed on disk when the client does not watch them', () => {
        let root: string;
        beforeEach(() => { root = copyExamples('watch'); });
        afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

        it('sees a file created, a folder of files created, and a file deleted', async () => {
            ({ session } = await LspSession.startWith(root, { rootUri: uriOf(root), capabilities: {} }));
            const onboarding = path.join(root, 'onboarding.align');
            await session.diagnosticsOf(onboarding, d => d.length > 0);
            const before = await session.request<Array<{ name: string }>>('workspace/symbol', { query: '' });
            assert.ok(before.some(s => s.name === 'NewHireAcademy'), 'onboarding.align is read');
            const created = path.join(root, 'new.align');
            fs.writeFileSync(created, 'metric Fresh "fresh" { kind bogus }\n');
            const found = await session.diagnosticsOf(created, d => d.length > 0);
            assert.ok(found.some(d => d.range.start.line === 0), JSON.stringify(found));
            fs.mkdirSync(path.join(root, 'more', 'deeper'), { recursive: true });
            const nested = path.join(root, 'more', 'deeper', 'nested.align');
            fs.writeFileSync(nested, 'metric Nested "nested" { kind bogus }\n');
            await session.diagnosticsOf(nested, d => d.length > 0);
            fs.rmSync(onboarding);
            await session.diagnosticsOf(onboarding, d => d.length === 0);
            const symbols = await session.request<Array<{ name: string }>>('workspace/symbol', { query: '' });
            assert.ok(!symbols.some(s => s.name === 'NewHireAcademy'), 'the deleted file\'s declarations are gone');
        });
    });

    describe('end of the session', () => {
        const startRaw = () => {
            const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
            let stderr = '';
            child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
            const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
            connection.listen();
            const exited = new Promise<number | null>(resolve => child.once('exit', code => resolve(code)));
            const within = (ms: number) => Promise.race([exited, new Promise<string>(r => setTimeout(() => r('still running'), ms))]);
            return { child, connection, within, stderr: () => stderr };
        };
        const initialize = async (connection: ReturnType<typeof startRaw>['connection']) => {
            await connection.sendRequest('initialize', { processId: process.pid, rootUri: uriOf(EXAMPLES), capabilities: {} });
            await connection.sendNotification('initialized', {});
        };

        it('exits 0 on exit after shutdown, 1 on exit without it', async () => {
            for (const [shutdown, code] of [[true, 0], [false, 1]] as const) {
                const server = startRaw();
                try {
                    await initialize(server.connection);
                    if (shutdown) await server.connection.sendRequest('shutdown');
                    await server.connection.sendNotification('exit');
                    assert.equal(await server.within(10_000), code, server.stderr());
                    assert.equal(server.stderr(), '');
                } finally {
                    server.connection.dispose();
                    server.child.kill();
                }
            }
        });

        it('answers requests after shutdown with InvalidRequest, naming them, and still exits 0 on exit', async () => {
            const server = startRaw();
            try {
                await initialize(server.connection);
                const file = path.join(EXAMPLES, 'churn-pilot.align');
                const hover = { textDocument: { uri: uriOf(file) }, position: positionOf(file, 12, 'ReduceChurn', 2) };
                const before = await server.connection.sendRequest<Hover | null>('textDocument/hover', hover);
                assert.ok(before, 'answered before shutdown');
                await server.connection.sendRequest('shutdown');
                for (const [method, params] of [['textDocument/hover', hover], ['workspace/symbol', { query: '' }], ['shutdown', undefined]] as const) {
                    const error = await server.connection.sendRequest(method, params).then(() => undefined, (e: { code: number; message: string }) => e);
                    assert.equal(error?.code, -32600, `${method}: ${JSON.stringify(error)}`);
                    assert.ok(error.message.includes(method), error.message);
                }
                await server.connection.sendNotification('exit');
                assert.equal(await server.within(10_000), 0, server.stderr());
            } finally {
                server.connection.dispose();
                server.child.kill();
            }
        });

        it('refuses requests before initialize with ServerNotInitialized, drops notifications, and refuses a second initialize', async () => {
            const server = startRaw();
            try {
                const file = path.join(EXAMPLES, 'churn-pilot.align');
                const refused = (method: string, params: unknown) => server.connection.sendRequest(method, params).then(() => undefined, (e: { code: number; message: string }) => e);
                for (const [method, params] of [['textDocument/hover', { textDocument: { uri: uriOf(file) }, position: positionOf(file, 3, 'ReduceChurn') }], ['workspace/symbol', { query: '' }]] as const) {
                    const error = await refused(method, params);
                    assert.equal(error?.code, -32002, `${method}: ${JSON.stringify(error)}`);
                    assert.ok(error.message.includes(method), error.message);
                }
                // Dropped: after initialize the file is checked as it is on disk, not as this text.
                await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf(file), languageId: 'align', version: 1, text: 'this is not align' } });
                await initialize(server.connection);
                const symbols = await server.connection.sendRequest<Array<{ location: { uri: string } }>>('workspace/symbol', { query: '' });
                assert.ok(symbols.some(s => s.location.uri === uriOf(file)), 'churn-pilot.align is read from disk');
                const again = await refused('initialize', { processId: process.pid, rootUri: uriOf(EXAMPLES), capabilities: {} });
                assert.equal(again?.code, -32600, JSON.stringify(again));
                await server.connection.sendRequest('shutdown');
                await server.connection.sendNotification('exit');
                assert.equal(await server.within(10_000), 0, server.stderr());
            } finally {
                server.connection.dispose();
                server.child.kill();
            }
        });

        it('exits when the client closes its input (the editor died), before or after initialize', async () => {
            for (const initialized of [true, false]) {
                const server = startRaw();
                try {
                    if (initialized) await initialize(server.connection);
                    server.child.stdin.end();
                    const code = await server.within(10_000);
                    assert.notEqual(code, 'still running', `initialized: ${initialized}`);
                    assert.equal(server.stderr(), '');
                } finally {
                    server.connection.dispose();
                    server.child.kill();
                }
            }
        });
    });
});
