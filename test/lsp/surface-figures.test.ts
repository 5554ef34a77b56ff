/**
 * The editor's figures read as the report and `align check` read them
 * (docs/figures.md): an actual and the trajectory it misses told apart with
 * decimals, the raw ROI in whole percent, computed money in whole units, a
 * metric without `kind` named so by the code lens.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeLens, Hover } from 'vscode-languageserver-protocol';
import { makeTempDir, removeTempDirs } from '../temp-dirs.js';
import { LspSession, positionOf, uriOf } from './lsp-session.js';

const metric = (name: string, body: string) => `  metric ${name} "${name}" {\n${body.trim().split('\n').map(l => `    ${l.trim()}`).join('\n')}\n  }\n`;

const FILES: Record<string, string> = {
    // Cnt's trajectory expects 107.86517 on 2026-02-07: 107.8651 is off track, and both print as 107.87 with two decimals.
    'decimals.align': `program Months "Month pilot" {\n  sponsor "CRO"\n  pilot 3 months from 2026-01-31\n`
        + metric('Cnt', 'kind leading\nunit count\ndirection up\nbaseline 100\ntarget 200 by 2026-04-30\ncadence weekly')
        + `  actuals Cnt {\n    2026-02-07: 107.8651\n  }\n}\n`,
    'kindless.align': `metric NoKind "Metric without kind" {\n  unit count\n  direction up\n  baseline 1\n  target 5 by 2026-12-31\n}\n`
        + `program P "P" {\n  sponsor "s"\n  objective O1 "Untyped link" {\n    kpi NoKind\n    practice case "c"\n  }\n}\n`,
    // A trend isolates part of DealSize's change: computed money, and a raw ROI whose percent has decimals.
    'roi.align': `program Iso "Isolation pilot" {\n  sponsor "CRO"\n  window 2026-01-01 to 2026-12-31\n  cost 10000 USD\n  isolate Conv by trend\n`
        + metric('Conv', 'kind lagging\nunit currency USD\ndirection up\nbaseline 20000\ntarget 30000 by 2026-12-31\nvalue 1.2345 USD per unit')
        + `  actuals Conv {\n    2025-10: 18000\n    2025-11: 19000\n    2025-12: 19500\n    2026-03: 22370.37\n    2026-06: 24410.41\n  }\n}\n`
};

describe('language server: figures as the report and align check write them', function () {
    this.timeout(60000);
    let session: LspSession;
    let root: string;
    before(async () => {
        root = makeTempDir('lsp-surface-figures-');
        for (const [file, text] of Object.entries(FILES)) fs.writeFileSync(path.join(root, file), text);
        ({ session } = await LspSession.start(root));
        for (const file of Object.keys(FILES)) await session.open(path.join(root, file));
        await session.diagnosticsOf(path.join(root, 'roi.align'));
    });
    after(async () => {
        await session.stop();
        removeTempDirs();
    });

    const hover = async (file: string, line: number, needle: string) => {
        const full = path.join(root, file);
        const result = await session.request<Hover | null>('textDocument/hover', { textDocument: { uri: uriOf(full) }, position: positionOf(full, line, needle, 1) });
        return (result?.contents as { value: string } | undefined)?.value ?? '';
    };
    const lenses = async (file: string) => (await session.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uriOf(path.join(root, file)) } }))
        .map(l => `${l.range.start.line + 1}:${l.command?.title}`);

    it('hover: an off-track actual and the trajectory printed with the decimals that tell them apart', async () => {
        const text = await hover('decimals.align', 4, 'Cnt');
        assert.ok(text.includes('**latest** 107.8651 (2026-02-07)') && text.includes('off track (trajectory expects 107.8652)'), text);
    });

    it('code lens: an objective that reaches only a metric without kind says so', async () => {
        assert.ok((await lenses('kindless.align')).includes('9:no KPI link (metrics without kind)'), (await lenses('kindless.align')).join('\n'));
    });

    it('code lens and hover: the raw ROI in whole percent, a computed change of money in whole units', async () => {
        const titles = await lenses('roi.align');
        const program = titles.find(t => t.startsWith('1:ROI'));
        assert.match(program ?? '', /\(raw ROI -?\d+%\)$/, titles.join('\n'));
        const isolate = titles.find(t => t.startsWith('5:attributed'));
        assert.match(isolate ?? '', /^5:attributed [+\u2212][\d,]+ USD of [+\u2212][\d,]+ USD/, titles.join('\n'));
        const text = await hover('roi.align', 5, 'isolate');
        assert.match(text, /change [+\u2212][\d,]+ USD raw → [+\u2212][\d,]+ USD attributed \(trend projects [\d,]+ USD\)/, text);
    });
});
