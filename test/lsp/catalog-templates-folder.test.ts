/**
 * The language server, over real JSON-RPC to the built server: a templates
 * folder inside a catalog folder (`"catalogs": ["./std"], "templates":
 * "./std/templates"`) is no catalog source, as in `align check`
 * (test/cli/catalog-templates-folder.test.ts): its placeholder programs
 * declare nothing, at start-up and after align.config.json names it.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { makeTempDir, removeTempDirs } from '../temp-dirs.js';
import { LspSession, uriOf } from './lsp-session.js';

const CHANGED = 2;
/** A template that declares a skill: it would clash with the workspace's if it were a catalog file. */
const TEMPLATE = 'program ${name} "${title}" {\n  owner "L&D team"\n  skill RoleBasics "Role basics" {\n    assessed by "Check"\n  }\n}\n';
const CATALOG = 'metric Retention "Retention" {\n  kind lagging\n}\n';
const codesOf = (d: Diagnostic[]) => d.map(x => String(x.code)).sort();

describe('language server: a templates folder inside a catalog folder is no catalog source', function () {
    this.timeout(60000);
    let session: LspSession | undefined;
    let root: string;
    const file = (name: string) => path.join(root, name);
    const write = (name: string, text: string) => {
        fs.mkdirSync(path.dirname(file(name)), { recursive: true });
        fs.writeFileSync(file(name), text);
    };

    beforeEach(() => {
        root = makeTempDir('lsp-catalog-templates-');
        write('std/people-kpis.align', CATALOG);
        write('std/templates/onboarding.align', TEMPLATE);
        write('extra.align', 'skill RoleBasics "x"\n');
        write('uses.align', 'behavior B "b" {\n  enabled by RoleBasics\n  moves Retention\n}\n');
    });
    afterEach(async () => {
        await session?.stop();
        session = undefined;
    });
    after(removeTempDirs);

    it('at start-up: no duplicate of the template\'s names, and the catalog still resolves', async () => {
        write('align.config.json', '{ "catalogs": ["./std"], "templates": "./std/templates" }\n');
        ({ session } = await LspSession.start(root));
        const extra = await session.diagnosticsOf(file('extra.align'));
        assert.ok(!codesOf(extra).includes('duplicate-name'), codesOf(extra).join(', '));
        const uses = await session.diagnosticsOf(file('uses.align'));
        // RoleBasics resolves to the workspace's skill, Retention into the catalog: nothing unresolved.
        assert.ok(!codesOf(uses).includes('unresolved-reference'), uses.map(d => d.message).join('\n'));
        assert.equal(session.publishCount.get(uriOf(file('std/templates/onboarding.align'))), undefined, 'the template is not checked');
    });

    it('after align.config.json names it: the template\'s names leave the catalog', async () => {
        write('align.config.json', '{ "catalogs": ["./std"] }\n');
        ({ session } = await LspSession.start(root));
        // Not named as templates yet: the file is a catalog file, its skill a duplicate of the workspace's.
        await session.diagnosticsOf(file('extra.align'), d => codesOf(d).includes('duplicate-name'));
        write('align.config.json', '{ "catalogs": ["./std"], "templates": "./std/templates" }\n');
        await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(file('align.config.json')), type: CHANGED }] });
        await session.diagnosticsOf(file('extra.align'), d => !codesOf(d).includes('duplicate-name'));
        await new Promise(resolve => setTimeout(resolve, 1000));
        assert.deepEqual(session.diagnostics.get(uriOf(file('std/templates/onboarding.align'))) ?? [], [], 'the template is not checked');
        const files = await session.request<{ files: string[] }>('align/workspaceFiles', { uris: [] });
        assert.ok(!files.files.some(uri => uri.includes('/templates/')), files.files.join('\n'));
    });
});
