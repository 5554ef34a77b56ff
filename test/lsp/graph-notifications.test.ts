/**
 * `align/didChangeGraph` goes only to a client that asks for it with
 * `initializationOptions.graphNotifications` (the Align extension, whose
 * status bar and preview read it): other editors would not read it, and
 * the server would build and send it after every validation for nobody.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DidChangeGraphNotification, ImpactGraphRequest, type ImpactGraphResult } from '../../language/protocol.js';
import { EXAMPLES, LspSession, uriOf } from './lsp-session.js';

/** A file of the examples with findings: its diagnostics mean the workspace was checked. */
const SALES = path.join(EXAMPLES, 'sales-win-rate.align');

const graphNotifications = (session: LspSession) => session.notifications.filter(n => n.method === DidChangeGraphNotification.method);

describe('language server: align/didChangeGraph only when asked for', function () {
    this.timeout(30000);
    let session: LspSession | undefined;
    afterEach(async () => {
        await session?.stop();
        session = undefined;
    });

    it('sends none to a client that does not ask (another editor), which still gets diagnostics and align/impactGraph', async () => {
        ({ session } = await LspSession.startWith(EXAMPLES, { rootUri: uriOf(EXAMPLES), capabilities: {} }));
        await session.diagnosticsOf(SALES, d => d.length > 0);
        // An edit validates the workspace again; the graph request answers once that validation is done.
        const text = fs.readFileSync(SALES, 'utf-8');
        await session.open(SALES, text);
        await session.change(SALES, `${text}\nskill Lonely "lonely" { }\n`);
        await session.diagnosticsOf(SALES, d => d.some(x => x.code === 'skill-enables-nothing' && String(x.message).includes('Lonely')));
        const graph = await session.request<ImpactGraphResult>(ImpactGraphRequest.method, {});
        assert.ok(graph.version >= 2, `version ${graph.version}`);
        await new Promise(resolve => setTimeout(resolve, 300));
        assert.deepEqual(graphNotifications(session), []);
    });

    it('sends it after each validation to a client that asks (initializationOptions.graphNotifications, as the extension does)', async () => {
        ({ session } = await LspSession.startWith(EXAMPLES, { rootUri: uriOf(EXAMPLES), capabilities: {}, initializationOptions: { graphNotifications: true } }));
        await session.diagnosticsOf(SALES, d => d.length > 0);
        const first = await session.until(() => graphNotifications(session!)[0], 'didChangeGraph');
        assert.deepEqual(first.params, { version: 1, coverage: { aligned: 9, total: 11 } });
        const text = fs.readFileSync(SALES, 'utf-8');
        await session.open(SALES, text);
        await session.change(SALES, `${text}\nskill Lonely "lonely" { }\n`);
        await session.until(() => graphNotifications(session!).length >= 2, 'didChangeGraph after the edit');
    });
});
