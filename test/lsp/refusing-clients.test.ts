/**
 * Clients that register less and refuse more than VS Code (Emacs eglot,
 * Neovim, strict hand-written clients): no dynamic registration the client
 * has not opted into; a refused registration or a failed (or unanswered)
 * `workspace/configuration` is logged in one line, and the server goes on.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { copyExamples, EXAMPLES, LspSession, uriOf, type ClientBehaviour } from './lsp-session.js';

/** A file of the examples with findings, never opened: diagnostics of it mean the workspace was read and checked. */
const UNOPENED = path.join(EXAMPLES, 'sales-win-rate.align');
const REGISTER = 'client/registerCapability';

describe('language server with clients that refuse', function () {
    this.timeout(30000);
    let session: LspSession | undefined;
    afterEach(async () => {
        await session?.stop();
        session = undefined;
    });

    const start = async (workspace: Record<string, unknown>, client: ClientBehaviour = {}, root = EXAMPLES) => {
        ({ session } = await LspSession.startWith(root, { rootUri: uriOf(root), capabilities: { workspace } }, client));
        return session!;
    };
    const registered = (lsp: LspSession) => lsp.serverRequests.filter(r => r.method === REGISTER)
        .flatMap(r => (r.params as { registrations: Array<{ method: string }> }).registrations.map(x => x.method));
    /** The workspace is read and checked, a request is answered, the process runs, and nothing came with a stack trace. */
    const stillServing = async (lsp: LspSession) => {
        await lsp.diagnosticsOf(UNOPENED, d => d.length > 0);
        const symbols = await lsp.request<unknown[]>('workspace/symbol', { query: '' });
        assert.ok(symbols.length > 5, JSON.stringify(symbols));
        assert.equal(lsp.process.exitCode, null, 'the server is running');
        assert.equal(lsp.stderr, '');
        assert.deepEqual(lsp.logged('\n    at '), [], 'no stack trace in the log');
    };

    it('registers workspace/didChangeConfiguration only with a client that declares its dynamicRegistration (eglot does not)', async () => {
        const eglot = { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } };
        const lsp = await start(eglot);
        await stillServing(lsp);
        assert.deepEqual(registered(lsp), ['workspace/didChangeWatchedFiles']);
        await lsp.stop();
        const vscode = await start({ ...eglot, didChangeConfiguration: { dynamicRegistration: true } });
        await vscode.until(() => registered(vscode).length === 2, 'both registrations');
        assert.deepEqual(registered(vscode).sort(), ['workspace/didChangeConfiguration', 'workspace/didChangeWatchedFiles']);
    });

    it('goes on when the client refuses the registration of workspace/didChangeConfiguration, saying so in one line', async () => {
        const lsp = await start({ configuration: true, didChangeConfiguration: { dynamicRegistration: true } }, { refuse: [REGISTER] });
        await stillServing(lsp);
        const lines = await lsp.until(() => lsp.logged('refused the registration of workspace/didChangeConfiguration').length > 0 && lsp.logged('refused'), 'the log line');
        assert.deepEqual(lines, ['Align: the editor refused the registration of workspace/didChangeConfiguration (test client: refuses client/registerCapability); '
            + 'settings changes come only if the editor sends them unasked']);
    });

    describe('the registration of workspace/didChangeWatchedFiles refused', () => {
        let root: string;
        beforeEach(() => { root = copyExamples('refused-watch'); });
        afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

        it('goes on, says so in one line, and watches the files itself', async () => {
            const lsp = await start({ didChangeWatchedFiles: { dynamicRegistration: true } }, { refuse: [REGISTER] }, root);
            await lsp.diagnosticsOf(path.join(root, 'sales-win-rate.align'), d => d.length > 0);
            assert.deepEqual(await lsp.until(() => lsp.logged('refused').length > 0 && lsp.logged('refused'), 'the log line'),
                ['Align: the editor refused to watch the workspace files (test client: refuses client/registerCapability); the server watches them itself']);
            const created = path.join(root, 'more', 'new.align');
            fs.mkdirSync(path.dirname(created));
            fs.writeFileSync(created, 'metric Fresh "fresh" { kind bogus }\n');
            await lsp.diagnosticsOf(created, d => d.length > 0);
            assert.equal(lsp.process.exitCode, null, 'the server is running');
            assert.equal(lsp.stderr, '');
        });
    });

    for (const [answer, client] of [['an error', { refuse: ['workspace/configuration'] }], ['no answer', { ignore: ['workspace/configuration'] }]] as const) {
        it(`checks the workspace with align.config.json and the defaults when workspace/configuration gets ${answer}, saying so in one line`, async () => {
            const lsp = await start({ configuration: true }, client);
            await stillServing(lsp);
            const expected = answer === 'an error'
                ? 'Align: the editor answered workspace/configuration with an error (test client: refuses workspace/configuration); align.config.json and the defaults apply'
                : 'Align: the editor did not answer workspace/configuration within 3 s; align.config.json and the defaults apply until it does';
            assert.deepEqual(lsp.logged('workspace/configuration'), [expected]);
            // align.config.json applies: its own diagnostics are published (none for the examples' valid one).
            await lsp.diagnosticsOf(path.join(EXAMPLES, 'align.config.json'), d => d.length === 0);
        });
    }
});
