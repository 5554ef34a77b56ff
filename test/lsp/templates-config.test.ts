/**
 * The templates folder follows the configuration in force, over real
 * JSON-RPC to the built server: one that an extended config file names
 * (`extends`) is skipped as the workspace's own, and a `templates` entry
 * added to or removed from `align.config.json` after start-up applies
 * without a restart: the folder's files leave the workspace (their
 * diagnostics cleared), or come back. A nested folder's config counts with
 * its `extends` chain too.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ProgramTemplatesResult } from '../../language/protocol.js';
import { LspSession, uriOf } from './lsp-session.js';
import { makeTempDir } from '../temp-dirs.js';

/** A template: placeholders, which are findings if the file is checked as a program. */
const TEMPLATE = 'program ${name} "${title}" {\n  owner "L&D team"\n}\n';
/** A file with findings: diagnostics of it mean it was read. */
const bogus = (name: string) => `metric ${name} "${name}" { kind bogus }\n`;
const CHANGED = 2;

describe('language server: the templates folder of the configuration in force', function () {
    this.timeout(60000);
    let root: string;
    let session: LspSession | undefined;
    const file = (name: string) => path.join(root, name);
    const write = (name: string, text: string) => {
        fs.mkdirSync(path.dirname(file(name)), { recursive: true });
        fs.writeFileSync(file(name), text);
    };

    beforeEach(() => {
        root = makeTempDir('align-templates-config-');
        write('programs/existing.align', bogus('Existing'));
    });
    afterEach(async () => {
        await session?.stop();
        session = undefined;
        fs.rmSync(root, { recursive: true, force: true });
    });


    /** Writes align.config.json and tells the server, as VS Code's watcher does. */
    async function writeConfig(lsp: LspSession, text: string): Promise<void> {
        fs.writeFileSync(file('align.config.json'), text);
        await lsp.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(file('align.config.json')), type: CHANGED }] });
    }

    it('skips the templates folder that an extended config file names, relative to that file', async () => {
        // The extended file is no align.config.json of a walked folder: only the resolved configuration names the folder.
        write('align.config.json', '{ "extends": "./standards/base.json" }\n');
        write('standards/base.json', '{ "templates": "./templates", "maxPilotDays": 90 }\n');
        write('standards/templates/onboarding.align', TEMPLATE);
        write('standards/templates/more/deeper.align', TEMPLATE);
        ({ session } = await LspSession.start(root));
        const lsp = session;
        await lsp.diagnosticsOf(file('programs/existing.align'), d => d.length > 0);
        assert.deepEqual(lsp.diagnostics.get(uriOf(file('align.config.json'))) ?? [], [], 'the config and its extends chain are valid');
        for (const name of ['standards/templates/onboarding.align', 'standards/templates/more/deeper.align']) {
            assert.equal(lsp.publishCount.get(uriOf(file(name))), undefined, `nothing published for ${name}`);
        }
        assert.deepEqual(await lsp.symbolFiles(), ['programs/existing.align']);
    });

    it('applies "templates" added to align.config.json after start-up, and its removal (workspace/didChangeWatchedFiles)', async () => {
        write('align.config.json', '{}\n');
        write('tpl/onboarding.align', TEMPLATE);
        write('tpl/more/deeper.align', TEMPLATE);
        ({ session } = await LspSession.start(root));
        const lsp = session;
        await lsp.diagnosticsOf(file('tpl/onboarding.align'), d => d.length > 0);
        await lsp.diagnosticsOf(file('tpl/more/deeper.align'), d => d.length > 0);

        await writeConfig(lsp, '{ "templates": "./tpl" }\n');
        await lsp.diagnosticsOf(file('tpl/onboarding.align'), d => d.length === 0);
        await lsp.diagnosticsOf(file('tpl/more/deeper.align'), d => d.length === 0);
        assert.deepEqual(await lsp.symbolFiles(), ['programs/existing.align']);
        // A file created there now is not read either.
        write('tpl/late.align', bogus('Late'));
        write('programs/fresh.align', bogus('Fresh'));
        await lsp.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(file('tpl/late.align')), type: 1 }] });
        await lsp.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(file('programs/fresh.align')), type: 1 }] });
        await lsp.diagnosticsOf(file('programs/fresh.align'), d => d.length > 0);
        assert.equal(lsp.publishCount.get(uriOf(file('tpl/late.align'))), undefined, 'nothing published for tpl/late.align');

        await writeConfig(lsp, '{}\n');
        for (const name of ['tpl/onboarding.align', 'tpl/more/deeper.align', 'tpl/late.align']) {
            await lsp.diagnosticsOf(file(name), d => d.length > 0);
        }
        assert.deepEqual(await lsp.symbolFiles(), ['programs/existing.align', 'programs/fresh.align', 'tpl/late.align']);
    });

    it('follows an extends added or removed, with the server\'s own watcher (a client that does not watch files)', async () => {
        write('align.config.json', '{ "extends": "./.align/base.json" }\n');
        write('.align/base.json', '{ "templates": "../tpl" }\n');
        write('tpl/onboarding.align', TEMPLATE);
        ({ session } = await LspSession.startWith(root, { rootUri: uriOf(root), capabilities: {} }));
        const lsp = session;
        await lsp.diagnosticsOf(file('programs/existing.align'), d => d.length > 0);
        assert.equal(lsp.publishCount.get(uriOf(file('tpl/onboarding.align'))), undefined, 'nothing published for the template');
        // Out of the templates: the folder's files are read, and the watcher watches it now: a file created there is read.
        fs.writeFileSync(file('align.config.json'), '{}\n');
        await lsp.diagnosticsOf(file('tpl/onboarding.align'), d => d.length > 0);
        await new Promise(resolve => setTimeout(resolve, 300));
        write('tpl/late.align', bogus('Late'));
        await lsp.diagnosticsOf(file('tpl/late.align'), d => d.length > 0);
        // Back in: both leave the workspace.
        fs.writeFileSync(file('align.config.json'), '{ "extends": "./.align/base.json" }\n');
        await lsp.diagnosticsOf(file('tpl/onboarding.align'), d => d.length === 0);
        await lsp.diagnosticsOf(file('tpl/late.align'), d => d.length === 0);
        assert.deepEqual(await lsp.symbolFiles(), ['programs/existing.align']);
    });

    it('skips the templates folder that a nested folder\'s config names through its extends, as align check does', async () => {
        // A standards folder inside the workspace, its templates named by the file its config extends.
        write('vendor/standards/align.config.json', '{ "extends": "./base.json" }\n');
        write('vendor/standards/base.json', '{ "templates": "./templates" }\n');
        write('vendor/standards/templates/onboarding.align', TEMPLATE);
        // Declarations that parse: were the folder read, they would be symbols with findings.
        write('vendor/standards/templates/parses.align', bogus('Parses'));
        ({ session } = await LspSession.start(root));
        const lsp = session;
        await lsp.diagnosticsOf(file('programs/existing.align'), d => d.length > 0);
        assert.deepEqual(await lsp.symbolFiles(), ['programs/existing.align']);
        for (const name of ['onboarding', 'parses']) {
            assert.equal(lsp.publishCount.get(uriOf(file(`vendor/standards/templates/${name}.align`))), undefined, `nothing published for ${name}.align`);
        }
    });
    it('keeps a template opened in the editor out of the workspace: no diagnostics, and its declarations join neither the graph nor the references', async () => {
        write('align.config.json', '{ "templates": "./templates" }\n');
        write('templates/onboarding.align', 'outcome FasterRamp "Faster ramp-up" { owner "HR" }\nprogram ${name} "${title}" {\n  serves FasterRamp\n}\n');
        write('programs/uses.align', 'program Uses "Uses" {\n  sponsor "VP"\n  serves FasterRamp\n}\n');
        ({ session } = await LspSession.start(root));
        const lsp = session;
        const unresolved = (d: ReadonlyArray<{ message: unknown }>) => d.some(x => /FasterRamp/.test(String(x.message)));
        await lsp.diagnosticsOf(file('programs/uses.align'), unresolved);
        const nodes = async () => (await lsp.request<{ graph: { nodes: Array<{ id: string }> } }>('align/impactGraph', {})).graph.nodes.map(n => n.id).sort();
        const before = await nodes();
        await lsp.open(file('templates/onboarding.align'));
        // Let the open reach the builder (nothing is published for it: wait on another file's round instead).
        await new Promise(resolve => setTimeout(resolve, 1500));
        assert.deepEqual(await nodes(), before, 'the template\'s declarations are not in the graph');
        assert.equal(lsp.publishCount.get(uriOf(file('templates/onboarding.align'))), undefined, 'nothing published for the template');
        assert.ok(unresolved(lsp.diagnostics.get(uriOf(file('programs/uses.align'))) ?? []), 'FasterRamp still does not resolve from the workspace');
    });

    it('lists the templates folder\'s files as the workspace walk reads them (align/programTemplates): links inside it followed, hidden files left out', async () => {
        write('align.config.json', '{ "templates": "./tpl" }\n');
        write('tpl/one.align', TEMPLATE);
        write('tpl/versions/two-v2.align', TEMPLATE);
        write('tpl/.draft.align', TEMPLATE);
        fs.symlinkSync('versions/two-v2.align', file('tpl/two.align'));
        fs.symlinkSync('one.align', file('tpl/again.align'));
        ({ session } = await LspSession.start(root));
        const { templates } = await session.request<ProgramTemplatesResult>('align/programTemplates', {});
        assert.deepEqual(templates.map(t => `${t.name} ${t.source}`), ['builtin built-in', 'one ./tpl', 'two ./tpl']);
        assert.equal(templates[2]!.text, TEMPLATE);
    });
});
