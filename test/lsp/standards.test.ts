/**
 * Organisation standards as packages over real JSON-RPC to the built server:
 * a workspace that extends `@acme/align-standards` (examples/standards),
 * whose catalog is a library: references resolve, hover names the package,
 * no finding inside it, rename refused, never formatted, duplicates on the
 * workspace side, a new version picked up without a restart.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CompletionItem, CompletionList, Diagnostic, Hover, Location, LocationLink, TextEdit } from 'vscode-languageserver-protocol';
import { DidChangeCatalogFilesNotification, ImpactGraphRequest, type DidChangeCatalogFilesParams, type ImpactGraphResult, type ProgramTemplatesResult } from '../../language/protocol.js';
import { consumingWorkspace, installedPackage, metricText, STANDARDS_PACKAGE } from '../standards-workspace.js';
import { LspSession, positionOf, uriOf } from './lsp-session.js';
import { makeTempDir } from '../temp-dirs.js';

const PROGRAM = 'sales-onboarding.align';
/** Line of `measured by FirstYearRetention` in the program from the template. */
const MEASURED_LINE = 15;

describe('language server: a workspace that extends a standards package', function () {
    this.timeout(40000);
    let dir: string;
    let workspace: string;
    let session: LspSession | undefined;
    const file = (name: string) => path.join(workspace, name);
    const catalogFile = () => path.join(installedPackage(workspace), 'catalog', 'people-kpis.align');
    const onRetention = () => ({ textDocument: { uri: uriOf(file(PROGRAM)) }, position: positionOf(file(PROGRAM), MEASURED_LINE, 'FirstYearRetention', 2) });
    /** The catalog files the server last told the client about (align/didChangeCatalogFiles), as `path package version`. */
    const catalogFilesTold = (lsp: LspSession, version: string) => lsp.until(() => {
        const last = lsp.notifications.filter(n => n.method === DidChangeCatalogFilesNotification.method).at(-1)?.params as DidChangeCatalogFilesParams | undefined;
        const told = last?.files.map(f => `${fileURLToPath(f.uri)} ${f.catalog.name} ${f.catalog.version}`);
        return told?.every(t => t.endsWith(version)) ? told : undefined;
    }, `align/didChangeCatalogFiles with ${version}`);
    const start = async () => {
        ({ session } = await LspSession.start(workspace));
        return session;
    };

    beforeEach(() => {
        dir = makeTempDir('align-standards-');
        workspace = consumingWorkspace(dir);
    });
    afterEach(async () => {
        await session?.stop();
        session = undefined;
        fs.rmSync(dir, { recursive: true, force: true });
    });

    it('resolves a reference into the catalog, hovers it with the package and version, and goes to the catalog file', async () => {
        const lsp = await start();
        await lsp.open(file(PROGRAM));
        assert.deepEqual(await lsp.diagnosticsOf(file(PROGRAM)), []);
        const hover = await lsp.request<Hover>('textDocument/hover', onRetention());
        const text = (hover.contents as { value: string }).value;
        assert.match(text, /From catalog `@acme\/align-standards 1\.2\.0`/);
        assert.match(text, /First-year retention of new hires/);
        const completion = await lsp.request<CompletionList | CompletionItem[]>('textDocument/completion',
            { textDocument: { uri: uriOf(file(PROGRAM)) }, position: positionOf(file(PROGRAM), MEASURED_LINE, 'FirstYearRetention') });
        const labels = (Array.isArray(completion) ? completion : completion.items).map(i => i.label);
        assert.ok(['FirstYearRetention', 'DaysToProductivity', 'ManagerCheckInRate'].every(l => labels.includes(l)), `catalog metrics offered: ${labels.join(', ')}`);
        const definition = await lsp.request<Array<Location | LocationLink>>('textDocument/definition', onRetention());
        assert.deepEqual(definition.map(d => fileURLToPath('targetUri' in d ? d.targetUri : d.uri)), [catalogFile()]);
        // The client opens that file read-only: the server tells it which files are catalog files.
        assert.deepEqual(await catalogFilesTold(lsp, '1.2.0'), [`${catalogFile()} @acme/align-standards 1.2.0`]);
    });

    it('gives the graph\'s catalog nodes their package and version (align/impactGraph), and workspace nodes none', async () => {
        const lsp = await start();
        await lsp.diagnosticsOf(file(PROGRAM));
        const { graph } = await lsp.request<ImpactGraphResult>(ImpactGraphRequest.method, {});
        const inCatalog = (uri: string) => fileURLToPath(uri) === catalogFile();
        const fromCatalog = graph.nodes.filter(n => inCatalog(n.uri));
        assert.ok(fromCatalog.some(n => n.name === 'FirstYearRetention'), fromCatalog.map(n => n.name).join(', '));
        assert.deepEqual([...new Set(fromCatalog.map(n => JSON.stringify(n.catalog)))], [JSON.stringify({ name: '@acme/align-standards', version: '1.2.0' })]);
        const workspaceNodes = graph.nodes.filter(n => !inCatalog(n.uri));
        assert.ok(workspaceNodes.length > 0 && workspaceNodes.every(n => n.catalog === undefined), JSON.stringify(workspaceNodes.map(n => [n.uri, n.catalog])));
    });

    it('publishes no finding inside a catalog file, and reports a duplicate on the workspace\'s declaration', async () => {
        fs.appendFileSync(catalogFile(), '\nmetric Broken "Broken" {\n  drives Nowhere\n}\n');
        fs.writeFileSync(file('retention.align'), metricText('FirstYearRetention', 'Our own retention'));
        const lsp = await start();
        const duplicates = await lsp.diagnosticsOf(file('retention.align'), d => d.length > 0);
        const duplicate = duplicates.filter(d => d.code === 'duplicate-name');
        assert.deepEqual(duplicate.map(d => d.range.start.line + 1), [1]);
        assert.match(String(duplicate[0]!.message), /already declared in catalog @acme\/align-standards 1\.2\.0 \(people-kpis\.align:\d+\)/);
        await lsp.diagnosticsOf(file(PROGRAM));
        const inCatalog = lsp.diagnostics.get(uriOf(catalogFile())) ?? [];
        assert.deepEqual(inCatalog, [], 'nothing published for the catalog file');
    });

    it('skips the templates folder of a standards package kept in the workspace, as align check does', async () => {
        fs.cpSync(STANDARDS_PACKAGE, file('standards'), { recursive: true });
        const template = file('standards/templates/onboarding.align');
        assert.match(fs.readFileSync(template, 'utf-8'), /\$\{name\}/, 'the template has placeholders (no program to check)');
        const lsp = await start();
        await lsp.open(file(PROGRAM));
        await lsp.diagnosticsOf(file(PROGRAM));
        const { graph } = await lsp.request<ImpactGraphResult>(ImpactGraphRequest.method, {});
        assert.ok(graph.nodes.some(n => n.uri === uriOf(file('standards/catalog/people-kpis.align'))), 'the package\'s catalog, a plain folder here, is read');
        assert.ok(!graph.nodes.some(n => n.uri === uriOf(template)));
        assert.equal(lsp.publishCount.get(uriOf(template)), undefined, 'nothing published for the template');
    });

    it('refuses to rename a catalog declaration, with a message, and never formats a catalog file', async () => {
        const lsp = await start();
        await lsp.open(file(PROGRAM));
        await lsp.diagnosticsOf(file(PROGRAM));
        await assert.rejects(lsp.request('textDocument/rename', { ...onRetention(), newName: 'Retention' }),
            /declared in catalog @acme\/align-standards 1\.2\.0.*publish a new version/);
        await assert.rejects(lsp.request('textDocument/prepareRename', onRetention()), /declared in catalog/);
        const messy = fs.readFileSync(catalogFile(), 'utf-8').replace('  kind lagging', 'kind    lagging');
        await lsp.open(catalogFile(), messy);
        const edits = await lsp.request<TextEdit[] | null>('textDocument/formatting', { textDocument: { uri: uriOf(catalogFile()) }, options: { tabSize: 2, insertSpaces: true } });
        assert.deepEqual(edits ?? [], []);
    });

    it('picks up a new version of the package after npm install, without a restart', async () => {
        const lsp = await start();
        const uses = 'metric OfferAcceptance "Offers accepted" {\n  kind leading\n  unit percent\n  direction up\n  baseline 60%\n  target 70% by 2026-12-31\n  source "ATS"\n  owner "Recruiting"\n  cadence monthly\n  drives FirstYearRetention, TimeToOffer\n}\n';
        fs.writeFileSync(file('offers.align'), uses);
        await lsp.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(file('offers.align')), type: 1 }] });
        const unresolved = await lsp.diagnosticsOf(file('offers.align'), d => d.some(x => x.code === 'unresolved-reference'));
        assert.match(unresolved.map(d => d.message).join('\n'), /TimeToOffer/);
        // "npm install" of 1.3.0: the catalog gains TimeToOffer.
        const pkg = installedPackage(workspace);
        fs.appendFileSync(catalogFile(), `\n${metricText('TimeToOffer', 'Days from application to offer')}`);
        fs.writeFileSync(path.join(pkg, 'package.json'), fs.readFileSync(path.join(pkg, 'package.json'), 'utf-8').replace('"1.2.0"', '"1.3.0"'));
        fs.writeFileSync(path.join(workspace, 'node_modules', '.package-lock.json'), '{}');
        await lsp.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(path.join(workspace, 'node_modules', '.package-lock.json')), type: 2 }] });
        await lsp.diagnosticsOf(file('offers.align'), d => !d.some((x: Diagnostic) => x.code === 'unresolved-reference'));
        await lsp.open(file(PROGRAM));
        const hover = await lsp.request<Hover>('textDocument/hover', onRetention());
        assert.match((hover.contents as { value: string }).value, /@acme\/align-standards 1\.3\.0/);
        const { graph } = await lsp.request<ImpactGraphResult>(ImpactGraphRequest.method, {});
        assert.deepEqual(graph.nodes.find(n => n.name === 'FirstYearRetention')?.catalog, { name: '@acme/align-standards', version: '1.3.0' }, 'the preview shows the new version');
        assert.deepEqual(await catalogFilesTold(lsp, '1.3.0'), [`${catalogFile()} @acme/align-standards 1.3.0`]);
    });

    it('lists the built-in template and the package\'s templates (align/programTemplates)', async () => {
        const lsp = await start();
        const { templates } = await lsp.request<ProgramTemplatesResult>('align/programTemplates', {});
        assert.deepEqual(templates.map(t => `${t.name} ${t.source}`), ['builtin built-in', 'onboarding @acme/align-standards 1.2.0']);
        assert.match(templates[1]!.text, /^program \$\{name\} "\$\{title\}" \{$/m);
    });

    it('publishes an extends cycle as config-invalid on align.config.json, at the extends key', async () => {
        fs.writeFileSync(file('align.config.json'), '{\n  "extends": "./base.json"\n}\n');
        fs.writeFileSync(file('base.json'), '{ "extends": "./align.config.json" }\n');
        const lsp = await start();
        const diagnostics = await lsp.diagnosticsOf(file('align.config.json'), d => d.length > 0);
        assert.deepEqual(diagnostics.map(d => `${d.code} ${d.range.start.line + 1}:${d.range.start.character + 1}`), ['config-invalid 2:3']);
        assert.match(String(diagnostics[0]!.message), /cycle align\.config\.json -> \.\/base\.json -> \.\/align\.config\.json/);
    });
});
