/**
 * The server's own file watcher (server/folder-watcher.ts, for clients that
 * do not watch files) watches and reports what the workspace manager reads:
 * it asks the manager's `shouldIncludeEntry`, so the templates folder that
 * `align.config.json` names is neither watched nor reported, as hidden
 * folders, `node_modules` and `out` are not.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import type { InitializeParams } from 'vscode-languageserver';
import type { FileEvent } from 'vscode-languageserver/node';
import { createAlignServices } from '../../language/align-module.js';
import { HOST_WITHOUT_LINKS } from '../../language/host.js';
import { FolderWatcher } from '../../server/folder-watcher.js';
import { makeTempDir } from '../temp-dirs.js';

describe('the server\'s own file watcher follows the workspace manager', function () {
    this.timeout(20000);
    let root: string;
    let watcher: FolderWatcher | undefined;
    const file = (name: string) => path.join(root, name);

    beforeEach(() => {
        root = makeTempDir('align-folder-watcher-');
        fs.writeFileSync(file('align.config.json'), '{ "templates": "./templates" }\n');
        for (const folder of ['templates/sub', 'programs/team', '.git', 'node_modules/pkg', 'out']) fs.mkdirSync(file(folder), { recursive: true });
        fs.writeFileSync(file('templates/onboarding.align'), 'program ${name} "${title}" {}\n');
        fs.writeFileSync(file('programs/a.align'), 'metric A "a" { kind lagging }\n');
    });
    afterEach(() => {
        watcher?.stop();
        watcher = undefined;
        fs.rmSync(root, { recursive: true, force: true });
    });

    /** A watcher started as the server starts it: at `initialized`, before the workspace walk is done; settled once it is. */
    async function start(reported: FileEvent[]): Promise<FolderWatcher> {
        const { shared } = createAlignServices({ ...NodeFileSystem, host: HOST_WITHOUT_LINKS });
        const manager = shared.workspace.WorkspaceManager;
        manager.initialize({ processId: null, rootUri: null, capabilities: {}, workspaceFolders: [{ uri: URI.file(root).toString(), name: 'ws' }] } as InitializeParams);
        const initialized = manager.initialized({});
        const started = new FolderWatcher(shared, () => [root], changes => reported.push(...changes), message => assert.fail(message));
        await manager.ready;
        started.settle();
        await initialized;
        return started;
    }

    it('watches the folders the workspace walk reads: not the templates folder, nor hidden ones, node_modules or out', async () => {
        watcher = await start([]);
        assert.deepEqual(watcher.folders.map(f => path.relative(root, f)).sort(), ['', 'programs', 'programs/team']);
    });

    it('reports sources and data files changed in those folders, nothing of the templates folder', async () => {
        const reported: FileEvent[] = [];
        watcher = await start(reported);
        fs.writeFileSync(file('templates/late.align'), 'program ${name} "${title}" {}\n');
        fs.writeFileSync(file('templates/sub/deeper.align'), 'metric D "d" { kind bogus }\n');
        fs.writeFileSync(file('templates/actuals.csv'), 'date,value\n');
        fs.mkdirSync(file('templates/more'));
        fs.appendFileSync(file('templates/onboarding.align'), '\n');
        fs.writeFileSync(file('programs/team/new.align'), 'metric N "n" { kind lagging }\n');
        fs.writeFileSync(file('programs/actuals.csv'), 'date,value\n');
        const names = () => [...new Set(reported.map(c => path.relative(root, URI.parse(c.uri).fsPath)))].sort();
        const deadline = Date.now() + 10000;
        while (!(names().includes('programs/team/new.align') && names().includes('programs/actuals.csv')) && Date.now() < deadline) {
            await new Promise(resolve => setTimeout(resolve, 50));
        }
        await new Promise(resolve => setTimeout(resolve, 300)); // anything later of the same batch
        assert.deepEqual(names(), ['programs/actuals.csv', 'programs/team/new.align']);
    });
});
