import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { ImpactGraphRequest, type ImpactGraphResult } from '../../language/protocol.js';
import { uriOf, type LspSession } from './lsp-session.js';
import { withExamplesSession } from './examples-session.js';

/** The number of validations of the workspace so far (`align/impactGraph` answers once the workspace is validated). */
async function validations(session: LspSession): Promise<number> {
    return (await session.request<ImpactGraphResult>(ImpactGraphRequest.method, {})).version;
}

/**
 * A document opened with the text the server built it from (the file on
 * disk) is not built again: opening 5,000 files at once took about two
 * minutes, each open an update of the whole workspace. It still gets its
 * diagnostics, those of the fresh build, with the editor's version, and an
 * edit after it is built as any.
 */
describe('language server: opening a document with the text on disk', function () {
    this.timeout(30000);
    const FILES = ['churn-pilot.align', 'onboarding.align', 'safety.align'];
    const ws = withExamplesSession('unchanged-open', { waitFor: [...FILES, 'sales-win-rate.align'], eachTest: true });

    it('validates nothing again and publishes only the opened documents\' diagnostics, with their version', async () => {
        const { session } = ws;
        const before = await validations(session);
        const fresh = new Map(FILES.map(name => [name, session.diagnostics.get(uriOf(ws.file(name)))]));
        const published = new Map(session.publishCount);
        for (const name of FILES) await session.open(ws.file(name));
        for (const name of FILES) await session.until(() => session.diagnosticsVersion.get(uriOf(ws.file(name))) === 1, `diagnostics of ${name}, version 1`);
        assert.equal(await validations(session), before, 'no validation of the workspace');
        for (const name of FILES) assert.deepEqual(session.diagnostics.get(uriOf(ws.file(name))), fresh.get(name), name);
        const more = [...session.publishCount].filter(([uri, count]) => count !== published.get(uri)).map(([uri, count]) => [uri, count - (published.get(uri) ?? 0)]);
        assert.deepEqual(more.sort(), FILES.map(name => [uriOf(ws.file(name)), 1]).sort());
    });

    it('builds an edit made after it, and an open with other text than the file\'s', async () => {
        const { session } = ws;
        const churn = ws.file('churn-pilot.align');
        const safety = ws.file('safety.align');
        await session.open(churn);
        await session.until(() => session.diagnosticsVersion.get(uriOf(churn)) === 1, 'diagnostics of version 1');
        const stray = `${fs.readFileSync(churn, 'utf-8')}\nskill Lonely "lonely" { }\n`;
        await session.change(churn, stray);
        await session.diagnosticsOf(churn, d => d.some(x => x.code === 'skill-enables-nothing' && String(x.message).includes('Lonely')));
        assert.equal(session.diagnosticsVersion.get(uriOf(churn)), 2);
        await session.open(safety, `${fs.readFileSync(safety, 'utf-8')}\nskill Alone "alone" { }\n`);
        await session.diagnosticsOf(safety, d => d.some(x => x.code === 'skill-enables-nothing' && String(x.message).includes('Alone')));
        assert.equal(session.diagnosticsVersion.get(uriOf(safety)), 1);
    });
});
