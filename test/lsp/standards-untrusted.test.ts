/**
 * Catalogs in an untrusted workspace (Restricted Mode, initializationOptions
 * `trusted: false`), over real JSON-RPC to the built server: only catalogs
 * inside the workspace folder are read; one outside it is not loaded, its
 * declarations do not resolve, and a warning on align.config.json says why.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic, Hover, Location, LocationLink } from 'vscode-languageserver-protocol';
import { metricText } from '../standards-workspace.js';
import { LspSession, positionOf, uriOf } from './lsp-session.js';
import { makeTempDir } from '../temp-dirs.js';

const CONFIG = '{\n  "catalogs": ["../kpis", "./local-kpis"]\n}\n';
/** Uses a KPI of each catalog: `Retention` (../kpis, outside) and `Churn` (./local-kpis, inside). */
const USES = 'metric Offers "Offers accepted" {\n  kind leading\n  unit percent\n  direction up\n  baseline 60%\n  target 70% by 2026-12-31\n'
    + '  source "ATS"\n  owner "Recruiting"\n  cadence monthly\n  drives Retention, Churn\n}\n';

describe('language server: catalogs in an untrusted workspace', function () {
    this.timeout(40000);
    let dir: string;
    let workspace: string;
    let session: LspSession | undefined;
    const file = (name: string) => path.join(workspace, name);
    const on = (name: string) => ({ textDocument: { uri: uriOf(file('offers.align')) }, position: positionOf(file('offers.align'), 10, name) });

    beforeEach(() => {
        dir = makeTempDir('align-untrusted-');
        workspace = path.join(dir, 'workspace');
        fs.mkdirSync(path.join(dir, 'kpis'), { recursive: true });
        fs.mkdirSync(path.join(workspace, 'local-kpis'), { recursive: true });
        fs.writeFileSync(path.join(dir, 'kpis', 'retention.align'), metricText('Retention'));
        fs.writeFileSync(path.join(workspace, 'local-kpis', 'churn.align'), metricText('Churn'));
        fs.writeFileSync(file('align.config.json'), CONFIG);
        fs.writeFileSync(file('offers.align'), USES);
    });
    afterEach(async () => {
        await session?.stop();
        session = undefined;
        fs.rmSync(dir, { recursive: true, force: true });
    });

    it('reads only the catalog inside the workspace folder, and warns at the other one in align.config.json', async () => {
        ({ session } = await LspSession.start(workspace, {}, { trusted: false }));
        const lsp = session;
        await lsp.open(file('offers.align'));
        const unresolved = await lsp.diagnosticsOf(file('offers.align'), d => d.length > 0);
        assert.deepEqual(unresolved.map(d => `${d.code} ${d.message}`).filter(m => m.startsWith('unresolved-reference')).length, 1, JSON.stringify(unresolved));
        assert.match(String(unresolved.find(d => d.code === 'unresolved-reference')!.message), /Retention/);
        const definition = await lsp.request<Array<Location | LocationLink> | null>('textDocument/definition', on('Retention'));
        assert.deepEqual(definition ?? [], [], 'a reference into the outside catalog does not resolve');
        const hover = await lsp.request<Hover>('textDocument/hover', on('Churn'));
        assert.match((hover.contents as { value: string }).value, /From catalog `\.\/local-kpis` \(read-only\)/, 'the catalog inside the workspace is read');
        const warnings = await lsp.diagnosticsOf(file('align.config.json'), d => d.length > 0);
        assert.deepEqual(warnings.map((d: Diagnostic) => `${d.severity} ${d.code} ${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.character + 1}`),
            ['2 config-invalid 2:16-25'], 'a warning on "../kpis"');
        assert.match(String(warnings[0]!.message), /catalogs: \.\.\/kpis is outside the workspace folder and is not read in Restricted Mode/);
    });

    it('reads both catalogs in a trusted workspace, with no warning', async () => {
        ({ session } = await LspSession.start(workspace));
        const lsp = session;
        await lsp.open(file('offers.align'));
        const findings = await lsp.diagnosticsOf(file('offers.align'));
        assert.deepEqual(findings.filter(d => d.code === 'unresolved-reference'), []);
        const definition = await lsp.request<Array<Location | LocationLink>>('textDocument/definition', on('Retention'));
        assert.equal(definition.length, 1);
        assert.deepEqual(await lsp.diagnosticsOf(file('align.config.json')), []);
    });
});
