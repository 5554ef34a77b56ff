import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CompareGraphRequest, DidChangeGraphNotification, type ChainComparison, type WorkspaceFile } from '../../language/protocol.js';
import { uriOf } from './lsp-session.js';
import { withExamplesSession } from './examples-session.js';

const ALIGN_FILES = ['catalog/metrics.align', 'churn-pilot.align', 'onboarding.align', 'safety.align', 'sales-win-rate.align'];

/** The edits of the working copy: an objective added without a KPI, a skill renamed, a target moved, an objective removed. */
function edited(text: string): string {
    return text
        .replaceAll('MutualActionPlans', 'JointActionPlans')
        .replace('target 34% by 2026-H2', 'target 36% by 2026-H2')
        .replace(/\n  \/\/ expect: objective-without-kpi\n  objective KnowTheProduct[^}]*}\n/, '\n')
        .replace(/\n}\s*$/, '\n\n  objective HandleObjections "Handle pricing objections" {\n    builds QualifyingQuestions\n  }\n}\n');
}

describe('language server: align/compareGraph (the preview compared with the last commit)', function () {
    this.timeout(30000);
    let base: WorkspaceFile[];

    const ws = withExamplesSession('lsp-compare', {
        prepare: root => { base = ALIGN_FILES.map(file => ({ uri: uriOf(path.join(root, file)), text: fs.readFileSync(path.join(root, file), 'utf-8') })); }
    });
    before(async () => {
        await ws.session.until(() => ws.session.notifications.some(n => n.method === DidChangeGraphNotification.method), 'didChangeGraph');
    });

    it('compares the base texts with themselves: nothing marked', async () => {
        const same = await ws.session.request<ChainComparison>(CompareGraphRequest.method, { files: base, base: 'HEAD (abc1234)' });
        assert.deepEqual(same, { base: 'HEAD (abc1234)', marks: {}, removed: { nodes: [], edges: [] }, addedLinks: [], counts: { added: 0, removed: 0, renamed: 0, changed: 0 } });
    });

    it('marks an added objective, a renamed skill, a moved target and a removed objective (as a ghost with its links)', async () => {
        const file = ws.file('sales-win-rate.align');
        const text = edited(fs.readFileSync(file, 'utf-8'));
        assert.notEqual(text, fs.readFileSync(file, 'utf-8'));
        await ws.session.open(file);
        const before = ws.session.notifications.length;
        await ws.session.change(file, text);
        await ws.session.until(() => ws.session.notifications.slice(before).some(n => n.method === DidChangeGraphNotification.method), 'didChangeGraph after the edit');
        const result = await ws.session.request<ChainComparison>(CompareGraphRequest.method, { files: base, base: 'HEAD (abc1234)' });
        assert.deepEqual(result.marks['DiscoveryBootcamp.HandleObjections'], { status: 'added' });
        assert.deepEqual(result.marks['DiscoveryBootcamp.JointActionPlans'], { status: 'renamed', from: 'DiscoveryBootcamp.MutualActionPlans' });
        assert.deepEqual(result.marks['WinRate'], { status: 'changed', changes: [{ field: 'target', before: '34% by 2026-H2', after: '36% by 2026-H2' }] });
        assert.deepEqual(result.marks['DiscoveryBootcamp.KnowTheProduct'], { status: 'removed' });
        assert.deepEqual(result.counts, { added: 1, removed: 1, renamed: 1, changed: 1 });
        assert.deepEqual(result.removed.nodes.map(n => [n.id, n.kind, n.title, n.uri]), [['DiscoveryBootcamp.KnowTheProduct', 'objective', "List the product's features", uriOf(file)]]);
        // Unchanged elements carry no mark; the new objective's link is an added link; the renamed skill's links are not removed.
        assert.equal(result.marks['DiscoveryBootcamp.QualifyDeals'], undefined);
        assert.deepEqual(result.addedLinks, [{ kind: 'builds', from: 'DiscoveryBootcamp.HandleObjections', to: 'DiscoveryBootcamp.QualifyingQuestions' }]);
        assert.ok(result.removed.edges.every(e => e.from === 'DiscoveryBootcamp.KnowTheProduct' || e.to === 'DiscoveryBootcamp.KnowTheProduct'), JSON.stringify(result.removed.edges));
    });

    it('marks nothing when the base differs only by order, files and layout', async () => {
        const current = await Promise.all(ALIGN_FILES.map(async file => ({ uri: uriOf(ws.file(file)), text: fs.readFileSync(ws.file(file), 'utf-8') })));
        const file = ws.file('sales-win-rate.align');
        const live = edited(fs.readFileSync(file, 'utf-8'));
        // The same declarations, reformatted onto one line each... and split across two files.
        const [head, tail] = [live.slice(0, live.indexOf('program DiscoveryBootcamp')), live.slice(live.indexOf('program DiscoveryBootcamp'))];
        const files = [...current.filter(f => f.uri !== uriOf(file)), { uri: uriOf(file), text: tail.replace(/\n\n+/g, '\n') }, { uri: uriOf(ws.file('moved.align')), text: head.replaceAll('  ', '\t') }];
        const result = await ws.session.request<ChainComparison>(CompareGraphRequest.method, { files, base: 'HEAD' });
        assert.deepEqual(result.counts, { added: 0, removed: 0, renamed: 0, changed: 0 }, JSON.stringify(result.marks));
    });
});
