import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LspSession, uriOf } from './lsp-session.js';
import { makeTempDir } from '../temp-dirs.js';

const MAIN = 'outcome O "O" {\n  measured by Rate\n}\n';
const RATES = 'metric Rate "Rate" {\n  kind lagging\n}\n';
/** Valid syntax with a rule finding (an unresolved reference): still nothing shown in a catalog. */
const RATES_WITH_FINDING = 'metric Rate "Rate" {\n  kind lagging\n  drives Nowhere\n}\n';
const BROKEN = 'kind lagging @@@ }}';

/**
 * A folder catalog's file open in the editor (`catalogs: ["./lib"]`): its
 * syntax errors are published while it is open, and cleared when fixed or
 * closed; no rule finding is ever published for it (nor an empty list
 * while it has no syntax error: see workspace-membership.test.ts).
 */
describe('language server: syntax errors of an open catalog file', function () {
    this.timeout(30000);
    let root: string;
    let session: LspSession;
    const rates = () => path.join(root, 'lib/rates.align');
    const codes = (file: string) => (session.diagnostics.get(uriOf(file)) ?? []).map(d => d.code);

    beforeEach(async () => {
        root = makeTempDir('align-catalog-syntax-');
        fs.mkdirSync(path.join(root, 'lib'));
        fs.writeFileSync(path.join(root, 'align.config.json'), JSON.stringify({ catalogs: ['./lib'] }));
        fs.writeFileSync(rates(), RATES);
        fs.writeFileSync(path.join(root, 'main.align'), MAIN);
    });
    afterEach(async () => {
        await session.stop();
        fs.rmSync(root, { recursive: true, force: true });
    });

    it('shows the syntax errors typed into an open catalog file, and clears them when fixed or closed', async () => {
        ({ session } = await LspSession.start(root));
        await session.diagnosticsOf(path.join(root, 'main.align'));
        await session.open(rates());
        await session.change(rates(), RATES_WITH_FINDING);
        await session.change(rates(), BROKEN);
        const broken = await session.diagnosticsOf(rates(), d => d.length > 0);
        assert.ok(broken.every(d => d.code === 'syntax' && d.source === 'align'), JSON.stringify(broken));
        await session.change(rates(), RATES_WITH_FINDING);
        assert.deepEqual(await session.diagnosticsOf(rates(), d => d.length === 0), []);
        await session.change(rates(), BROKEN);
        await session.diagnosticsOf(rates(), d => d.length > 0);
        await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uriOf(rates()) } });
        assert.deepEqual(await session.diagnosticsOf(rates(), d => d.length === 0), [], 'closed: the text on disk is a catalog\'s again, unchecked');
    });

    it('shows the syntax errors of a catalog file saved broken only while it is open', async () => {
        fs.writeFileSync(rates(), `${RATES}${BROKEN}\n`);
        ({ session } = await LspSession.start(root));
        await session.diagnosticsOf(path.join(root, 'main.align'));
        assert.equal(session.publishCount.get(uriOf(rates())), undefined, 'nothing published for a catalog file not open');
        await session.open(rates());
        await session.diagnosticsOf(rates(), d => d.length > 0);
        assert.deepEqual([...new Set(codes(rates()))], ['syntax']);
        await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uriOf(rates()) } });
        assert.deepEqual(await session.diagnosticsOf(rates(), d => d.length === 0), []);
    });
});
