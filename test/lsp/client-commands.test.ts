import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeLens } from 'vscode-languageserver-protocol';
import { EXAMPLES, LspSession, uriOf } from './lsp-session.js';
import { withSharedExamplesSession } from './examples-session.js';
import { REPO_ROOT } from '../unit/helpers/textmate-grammar.js';

const CHURN = path.join(EXAMPLES, 'churn-pilot.align');
const SERVER_COMMAND = 'align.server.showImpactChain';
const ASK_PATH = 'AskOpenQuestions —builds→ NeedsDiscovery —enables→ Probing —moves→ RepeatContactRate —drives→ ChurnRate —measures→ ReduceChurn';

async function lenses(session: LspSession): Promise<CodeLens[]> {
    await session.diagnosticsOf(CHURN);
    return session.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uriOf(CHURN) } });
}

/**
 * A code lens runs in every editor: in VS Code the Align extension's
 * `align.showImpactChain` (the preview), elsewhere the server's own command,
 * which shows the chain paths through the element as a message.
 */
describe('language server: the command of a code lens, per client', function () {
    this.timeout(30000);

    describe('a client other than the Align extension (Neovim, Helix)', () => {
        const ws = withSharedExamplesSession();

        it('advertises the server command, and not the extension\'s', () => {
            assert.deepEqual(ws.init.capabilities.executeCommandProvider?.commands, [SERVER_COMMAND]);
        });

        it('names itself and its version (serverInfo, read by Neovim\'s :checkhealth)', () => {
            const { version } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf-8')) as { version: string };
            assert.deepEqual(ws.init.serverInfo, { name: 'align-language-server', version });
        });

        it('gives every lens the server command, which shows and answers the chain paths through the element', async () => {
            const all = await lenses(ws.session);
            assert.ok(all.length > 0);
            assert.deepEqual([...new Set(all.map(l => l.command?.command))], [SERVER_COMMAND]);
            const ask = all.find(l => l.command?.arguments?.[0] === 'ChurnPilot.AskOpenQuestions')!;
            const before = ws.session.notifications.length;
            const text = await ws.session.request<string>('workspace/executeCommand', { command: ask.command!.command, arguments: ask.command!.arguments });
            assert.equal(text, `Impact chain of objective ChurnPilot.AskOpenQuestions (1 path):\n${ASK_PATH}`);
            const shown = await ws.session.until(() => ws.session.notifications.slice(before).find(n => n.method === 'window/showMessage'), 'window/showMessage');
            assert.deepEqual(shown.params, { type: 3, message: text });
        });

        it('lists every path through a metric, and says when an element is on none', async () => {
            const metric = await ws.session.request<string>('workspace/executeCommand', { command: SERVER_COMMAND, arguments: ['ChurnPilot.RepeatContactRate'] });
            const lines = metric.split('\n');
            assert.equal(lines[0], 'Impact chain of metric ChurnPilot.RepeatContactRate (2 paths):');
            assert.ok(lines.includes(ASK_PATH), metric);
            assert.ok(lines[2]!.startsWith('RestateNeeds —builds→') && lines[2]!.includes('—moves→ RepeatContactRate'), metric);
            const rate = await ws.session.request<string>('workspace/executeCommand', { command: SERVER_COMMAND, arguments: ['RenewalRate'] });
            assert.equal(rate, 'metric RenewalRate is on no chain path from an objective to a KPI.');
        });

        it('warns about an element that is gone', async () => {
            const before = ws.session.notifications.length;
            const text = await ws.session.request<string>('workspace/executeCommand', { command: SERVER_COMMAND, arguments: ['Gone'] });
            assert.match(text, /^No element "Gone" in the workspace/);
            const shown = await ws.session.until(() => ws.session.notifications.slice(before).find(n => n.method === 'window/showMessage'), 'window/showMessage');
            assert.deepEqual(shown.params, { type: 2, message: text });
        });

        it('answers an unknown command, or the command without its element id, with an error saying so', async () => {
            const failure = (params: unknown) => ws.session.request('workspace/executeCommand', params)
                .then(result => assert.fail(`answered ${JSON.stringify(result)}`), (e: { code: number; message: string }) => e);
            const unknown = await failure({ command: 'align.nope', arguments: [] });
            assert.deepEqual([unknown.code, unknown.message], [-32602, `Unknown command "align.nope": the Align server runs ${SERVER_COMMAND}.`]);
            for (const [params, given] of [[{ command: SERVER_COMMAND }, 'none was given'], [{ command: SERVER_COMMAND, arguments: [42] }, 'got 42']] as const) {
                const error = await failure(params);
                assert.deepEqual([error.code, error.message], [-32602, `${SERVER_COMMAND} takes an element's id as its argument (its code lens gives it); ${given}.`]);
            }
        });
    });

    it('gives a client that names no command of its own (trust given, no clientCommands) the server command', async () => {
        const { session } = await LspSession.start(EXAMPLES, {}, { trusted: true });
        try {
            assert.deepEqual([...new Set((await lenses(session)).map(l => l.command?.command))], [SERVER_COMMAND]);
        } finally {
            await session.stop();
        }
    });

    for (const [host, options] of [['desktop', { trusted: true, clientCommands: ['align.showImpactChain', 'align.pullActuals'] }], ['web', { trusted: false, files: [], clientCommands: ['align.showImpactChain'] }]] as const) {
        it(`gives the Align extension (${host}: initializationOptions ${JSON.stringify(options)}) its own align.showImpactChain`, async () => {
            const { session } = await LspSession.start(EXAMPLES, {}, options);
            try {
                const all = await lenses(session);
                assert.ok(all.length > 0);
                assert.deepEqual([...new Set(all.map(l => l.command?.command))], ['align.showImpactChain']);
            } finally {
                await session.stop();
            }
        });
    }
});
