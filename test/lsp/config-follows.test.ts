/**
 * The server follows on-disk changes of what the configuration names, as
 * `align check` reads them afterwards (workspace/didChangeWatchedFiles):
 * a file of the `extends` chain edited, a folder that becomes a catalog
 * (its files' findings cleared), an `.align` file created in a catalog
 * folder (a catalog file, no findings), and catalog or templates folders
 * created after the configuration named them, and a standards folder whose
 * config names its templates folder, created in one batch.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { makeTempDir, removeTempDirs } from '../temp-dirs.js';
import { LspSession, uriOf } from './lsp-session.js';

const CREATED = 1;
const CHANGED = 2;
const PROGRAM = 'program P "P" {\n  pilot 120 days from 2026-01-05\n}\n';
const rulesOf = (d: Diagnostic[] | undefined) => (d ?? []).map(x => `${x.code}:${x.severity}`).sort();

describe('language server: follows what align.config.json names, changed on disk', function () {
    this.timeout(60000);
    let session: LspSession | undefined;
    let root: string;
    const file = (name: string) => path.join(root, name);
    const write = (name: string, text: string) => {
        fs.mkdirSync(path.dirname(file(name)), { recursive: true });
        fs.writeFileSync(file(name), text);
    };
    const watched = (changes: Array<[string, number]>) => session!.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: changes.map(([name, type]) => ({ uri: uriOf(file(name)), type })) });

    beforeEach(() => { root = makeTempDir('lsp-config-follows-'); });
    afterEach(async () => {
        await session?.stop();
        session = undefined;
    });
    after(removeTempDirs);

    it('a file of the extends chain edited: its rules apply, and its problems are reported', async () => {
        write('align.config.json', '{ "extends": "./base.json" }\n');
        write('base.json', '{ "rules": { "program-without-sponsor": "error" } }\n');
        write('p.align', PROGRAM);
        ({ session } = await LspSession.start(root));
        await session.diagnosticsOf(file('p.align'), d => rulesOf(d).includes('program-without-sponsor:1'));
        write('base.json', '{ "rules": { "program-without-sponsor": "off", "pilot-too-long": "warning" } }\n');
        await watched([['base.json', CHANGED]]);
        const after = await session.diagnosticsOf(file('p.align'), d => !rulesOf(d).some(r => r.startsWith('program-without-sponsor')));
        assert.ok(rulesOf(after).includes('pilot-too-long:2'), rulesOf(after).join(', '));
        write('base.json', '{ "rules": { "nope-rule": "error" } }\n');
        await watched([['base.json', CHANGED]]);
        const config = await session.diagnosticsOf(file('align.config.json'), d => d.length > 0);
        assert.match(String(config[0]!.message), /nope-rule/);
    });

    it('a folder that becomes a catalog: the findings published on its files are cleared', async () => {
        write('kpis/extra.align', 'metric Extra "Extra KPI" {\n  kind lagging\n}\n');
        ({ session } = await LspSession.start(root));
        await session.diagnosticsOf(file('kpis/extra.align'), d => d.length > 0);
        write('align.config.json', '{ "catalogs": ["./kpis"] }\n');
        await watched([['align.config.json', CREATED]]);
        await session.diagnosticsOf(file('kpis/extra.align'), d => d.length === 0);
    });

    it('an .align file created in a catalog folder is a catalog file: no findings, not a workspace file', async () => {
        write('align.config.json', '{ "catalogs": ["./kpis"] }\n');
        write('kpis/extra.align', 'metric Extra "Extra KPI" {\n  kind lagging\n}\n');
        write('p.align', PROGRAM);
        ({ session } = await LspSession.start(root));
        await session.diagnosticsOf(file('p.align'));
        write('kpis/more.align', 'metric More "More" {\n  kind lagging\n}\n');
        await watched([['kpis/more.align', CREATED]]);
        await new Promise(resolve => setTimeout(resolve, 1500));
        const files = await session.request<{ files: string[] }>('align/workspaceFiles', { uris: [] });
        assert.ok(!files.files.some(uri => uri.endsWith('/kpis/more.align')), files.files.join('\n'));
        assert.deepEqual(session.diagnostics.get(uriOf(file('kpis/more.align'))) ?? [], []);
    });

    it('catalog and templates folders created after the configuration named them', async () => {
        write('align.config.json', '{ "catalogs": ["./kpis"], "templates": "./tpl" }\n');
        write('uses.align', 'outcome UsesExtra "u" {\n  measured by Extra\n}\n');
        ({ session } = await LspSession.start(root));
        await session.diagnosticsOf(file('align.config.json'), d => d.length === 2);
        write('kpis/extra.align', 'metric Extra "E" {\n  kind lagging\n}\n');
        await watched([['kpis', CREATED], ['kpis/extra.align', CREATED]]);
        // Extra resolves into the catalog: no unresolved-reference left.
        await session.diagnosticsOf(file('uses.align'), d => !d.some(x => x.code === 'unresolved-reference'));
        write('tpl/t.align', 'program ${name} "${title}" {\n}\n');
        await watched([['tpl', CREATED], ['tpl/t.align', CREATED]]);
        await session.diagnosticsOf(file('align.config.json'), d => d.length === 0);
        await new Promise(resolve => setTimeout(resolve, 1500));
        assert.deepEqual(session.diagnostics.get(uriOf(file('kpis/extra.align'))) ?? [], [], 'the catalog file has no findings');
        assert.deepEqual(session.diagnostics.get(uriOf(file('tpl/t.align'))) ?? [], [], 'the template is not checked');
    });
    it('a standards folder created in one batch (cp -r, git checkout): the templates folder its config names is skipped', async () => {
        write('p.align', PROGRAM);
        ({ session } = await LspSession.start(root));
        await session.diagnosticsOf(file('p.align'));
        write('standards/templates/t.align', 'program ${name} "${title}" {\n}\n');
        write('standards/align.config.json', '{ "templates": "./templates" }\n');
        await watched([['standards', CREATED], ['standards/align.config.json', CREATED], ['standards/templates', CREATED], ['standards/templates/t.align', CREATED]]);
        await new Promise(resolve => setTimeout(resolve, 2000));
        assert.deepEqual(session.diagnostics.get(uriOf(file('standards/templates/t.align'))) ?? [], [], 'the template is not checked (or its findings are cleared)');
        const files = await session.request<{ files: string[] }>('align/workspaceFiles', { uris: [] });
        assert.ok(!files.files.some(uri => uri.includes('/templates/')), files.files.join('\n'));
    });
});
