/**
 * The templates folder that `align.config.json` names (`"templates":
 * "./templates"`) is no part of the workspace, whichever way a file in it
 * arrives: the start-up walk skips it, and so do the server's own file
 * watcher (clients without workspace/didChangeWatchedFiles) and the changes
 * a client reports. All ask the workspace manager's `shouldIncludeEntry`.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LspSession, uriOf } from './lsp-session.js';
import { makeTempDir } from '../temp-dirs.js';

/** A template: placeholders, which are findings if the file is checked as a program. */
const TEMPLATE = 'program ${name} "${title}" {\n  owner "L&D team"\n}\n';
/** A file with findings: diagnostics of it mean it was read. */
const bogus = (name: string) => `metric ${name} "${name}" { kind bogus }\n`;

describe('language server: files created in the templates folder after start-up', function () {
    this.timeout(30000);
    let root: string;
    let session: LspSession | undefined;
    const file = (name: string) => path.join(root, name);

    beforeEach(() => {
        root = makeTempDir('align-templates-watch-');
        fs.writeFileSync(file('align.config.json'), '{ "templates": "./templates" }\n');
        fs.mkdirSync(file('templates'));
        fs.writeFileSync(file('templates/onboarding.align'), TEMPLATE);
        fs.mkdirSync(file('programs'));
        fs.writeFileSync(file('programs/existing.align'), bogus('Existing'));
    });
    afterEach(async () => {
        await session?.stop();
        session = undefined;
        fs.rmSync(root, { recursive: true, force: true });
    });


    function assertNotRead(lsp: LspSession, ...names: string[]): void {
        for (const name of names) assert.equal(lsp.publishCount.get(uriOf(file(name))), undefined, `nothing published for ${name}`);
    }

    it('the server\'s own watcher (a client that does not watch files) leaves them alone and reads a new file elsewhere', async () => {
        ({ session } = await LspSession.startWith(root, { rootUri: uriOf(root), capabilities: {} }));
        const lsp = session;
        await lsp.diagnosticsOf(file('programs/existing.align'), d => d.length > 0);
        // Created, in the templates folder and in a new folder of it, then a file changed there; then a file in a plain folder.
        fs.writeFileSync(file('templates/late.align'), TEMPLATE);
        fs.mkdirSync(file('templates/more'));
        fs.writeFileSync(file('templates/more/deeper.align'), bogus('Deeper'));
        fs.appendFileSync(file('templates/onboarding.align'), '\n');
        await new Promise(resolve => setTimeout(resolve, 300));
        fs.writeFileSync(file('programs/fresh.align'), bogus('Fresh'));
        await lsp.diagnosticsOf(file('programs/fresh.align'), d => d.length > 0);
        // A later change in the templates folder is still not read (the watcher does not watch it).
        fs.writeFileSync(file('templates/later.align'), TEMPLATE);
        await new Promise(resolve => setTimeout(resolve, 300));
        fs.writeFileSync(file('programs/fresher.align'), bogus('Fresher'));
        await lsp.diagnosticsOf(file('programs/fresher.align'), d => d.length > 0);
        assertNotRead(lsp, 'templates/onboarding.align', 'templates/late.align', 'templates/more/deeper.align', 'templates/later.align');
        assert.deepEqual(await lsp.symbolFiles(), ['programs/existing.align', 'programs/fresh.align', 'programs/fresher.align']);
    });

    it('files and folders the client reports created there (workspace/didChangeWatchedFiles) are not read either', async () => {
        ({ session } = await LspSession.start(root));
        const lsp = session;
        await lsp.diagnosticsOf(file('programs/existing.align'), d => d.length > 0);
        fs.writeFileSync(file('templates/late.align'), TEMPLATE);
        fs.mkdirSync(file('templates/more'));
        fs.writeFileSync(file('templates/more/deeper.align'), bogus('Deeper'));
        fs.writeFileSync(file('programs/fresh.align'), bogus('Fresh'));
        const created = ['templates/late.align', 'templates/more', 'templates/more/deeper.align'];
        await lsp.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: created.map(name => ({ uri: uriOf(file(name)), type: 1 })) });
        await lsp.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(file('programs/fresh.align')), type: 1 }] });
        await lsp.diagnosticsOf(file('programs/fresh.align'), d => d.length > 0);
        assertNotRead(lsp, 'templates/onboarding.align', 'templates/late.align', 'templates/more/deeper.align');
        assert.deepEqual(await lsp.symbolFiles(), ['programs/existing.align', 'programs/fresh.align']);
    });
});
