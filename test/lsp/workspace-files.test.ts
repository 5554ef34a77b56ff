/**
 * `align/workspaceFiles`: the workspace folders' `.align` files as the
 * server walks them, which the extension's Check Workspace counts and
 * Compare with Last Commit reads at HEAD. No hidden, `node_modules`, `out`,
 * `dist` or templates folder, no catalog file; of the files asked about
 * (deleted since the last commit), those the walk would reach.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { WorkspaceFilesResult } from '../../language/protocol.js';
import { makeTempDir, removeTempDirs } from '../temp-dirs.js';
import { LspSession } from './lsp-session.js';

const TEMPLATE = 'program ${name} "${title}" {\n}\n';

describe('language server: align/workspaceFiles', function () {
    this.timeout(60000);
    let session: LspSession | undefined;
    after(async () => {
        await session?.stop();
        removeTempDirs();
    });

    it('lists the files it checks, and says which files asked about its walk reaches', async () => {
        const root = makeTempDir('lsp-workspace-files-');
        const files: Record<string, string> = {
            'align.config.json': '{ "templates": "./templates", "catalogs": ["./kpis"] }\n',
            'programs/a.align': 'skill A "A"\n',
            'teams/x/align.config.json': '{ "extends": "./base.json" }\n',
            'teams/x/base.json': '{ "templates": "./tpl" }\n',
            'teams/x/b.align': 'skill B "B"\n',
            'teams/x/tpl/t.align': TEMPLATE,
            'templates/onboarding.align': TEMPLATE,
            'kpis/metrics.align': 'skill K "K"\n',
            'dist/built.align': 'skill D "D"\n',
            'out/built.align': 'skill O "O"\n',
            'node_modules/pkg/lib.align': 'skill N "N"\n',
            '.hidden/h.align': 'skill H "H"\n'
        };
        for (const [file, text] of Object.entries(files)) {
            fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
            fs.writeFileSync(path.join(root, file), text);
        }
        ({ session } = await LspSession.start(root));
        await session.diagnosticsOf(path.join(root, 'programs/a.align'));
        const uri = (file: string) => pathToFileURL(path.join(root, file)).href;
        const asked = ['programs/gone.align', 'templates/gone.align', 'teams/x/tpl/gone.align', 'dist/gone.align', '.hidden/gone.align', 'kpis/metrics.align', 'notes.md'];
        const result = await session.request<WorkspaceFilesResult>('align/workspaceFiles', { uris: asked.map(uri) });
        const relative = (uris: string[]) => uris.map(u => path.relative(root, new URL(u).pathname).split(path.sep).join('/'));
        assert.deepEqual(relative(result.files), ['programs/a.align', 'teams/x/b.align']);
        assert.deepEqual(relative(result.walked), ['programs/gone.align']);
    });
});
