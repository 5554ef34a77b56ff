import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeLens, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { uriOf } from './lsp-session.js';
import { withExamplesSession } from './examples-session.js';

/** A program that isolates the catalog's ChurnRate, which has no actual yet: its attribution is unknown. */
const text = (method: string) => `program Pilot "Pilot" {
  serves ReduceChurn
  sponsor "VP"
  review monthly
  window 2026-01-01 to 2026-06-30
  cost 1000 USD
  isolate ChurnRate by ${method}
}
`;
const ISOLATE_LINE = 6;

/**
 * Where a KPI's attribution cannot be told, the code lens on `isolate` says
 * what is missing (not a finding that may not be there), and the hovers say
 * the method as written.
 */
describe('language server: an isolate whose attribution is unknown', function () {
    this.timeout(30000);
    let file: string;
    let opened = false;

    const ws = withExamplesSession('attribution-unknown', { prepare: root => { file = path.join(root, 'pilot.align'); }, waitFor: ['churn-pilot.align'] });

    async function show(method: string): Promise<void> {
        const content = text(method);
        fs.writeFileSync(file, content);
        if (opened) await ws.session.change(file, content);
        else await ws.session.open(file, content);
        opened = true;
        await ws.session.diagnosticsOf(file, d => d.some(x => x.code === 'program-without-leading'));
    }

    async function hoverAt(line: number, character: number): Promise<string> {
        const hover = await ws.session.request<Hover | null>('textDocument/hover', { textDocument: { uri: uriOf(file) }, position: { line, character } });
        assert.ok(hover, `no hover at ${line}:${character}`);
        return (hover.contents as MarkupContent).value;
    }

    it('says on the lens what the attribution misses, where no isolation-invalid finding is shown', async () => {
        await show('estimate 50% confidence 80%');
        assert.ok(!ws.session.diagnostics.get(uriOf(file))!.some(d => d.code === 'isolation-invalid'));
        const lenses = await ws.session.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uriOf(file) } });
        assert.deepEqual(lenses.map(l => `${l.range.start.line}:${l.command?.title}`), [`${ISOLATE_LINE}:attribution unknown: missing an actual of ChurnRate`]);
    });

    it('shows an estimate\'s share and confidence as written while the change is unknown', async () => {
        await show('estimate 50% confidence 80%');
        const onIsolate = await hoverAt(ISOLATE_LINE, 3);
        assert.ok(onIsolate.includes('ChurnRate by estimate 50%, confidence 80%: no change known'), onIsolate);
        const onProgram = await hoverAt(0, 9);
        assert.ok(onProgram.includes('- ChurnRate by estimate 50%, confidence 80%: no change known'), onProgram);
    });

    it('names the control group as written when it does not resolve', async () => {
        await show('control-group ChurnControl');
        const onIsolate = await hoverAt(ISOLATE_LINE, 3);
        assert.ok(onIsolate.includes('ChurnRate by control group ChurnControl: no change known'), onIsolate);
    });
});
