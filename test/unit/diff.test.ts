/**
 * language/diff: comparing two workspaces' impact graphs and findings.
 * Both sides are built as the CLI and the server build them (Langium's
 * document builder with validation); the comparison is a pure function.
 */
import * as assert from 'node:assert/strict';
import { changeGraph, diffChains, type ChainDiff, type DiffSide } from '../../language/diff/index.js';
import { graphAttributes } from '../../language/graph/node-attributes.js';
import { checkWorkspace } from './helpers/check-workspace.js';

const CATALOG = `metric Revenue "Revenue" {
  kind lagging
  unit currency USD
  direction up
  baseline 100
  target 120 by 2026-12-31
  source "ERP"
  owner "Finance"
  cadence monthly
  value 1000 USD per unit
}
outcome Grow "Grow revenue" { measured by Revenue }
`;

const PROGRAM = `program Sales "Sales academy" {
  sponsor "CRO"
  serves Grow
  pilot 60 days from 2026-01-05
  review monthly
  cost 5000 USD
  metric Pipeline "Pipeline coverage" {
    kind leading
    unit ratio
    direction up
    baseline 2
    target 3 by 2026-03-01
    source "CRM"
    owner "Sales Ops"
    cadence weekly
    drives Revenue
  }
  skill Prospecting "Prospecting"
  behavior Prospects "Prospects weekly" {
    enabled by Prospecting
    moves Pipeline
    observed by manager weekly
  }
  /** Finds new buyers. */
  objective FindBuyers "Find buyers" {
    builds Prospecting
    practice roleplay "Cold call"
  }
  skill Spare "Spare"
}
actuals Revenue {
  2026-01: 110
}
`;

const BASE_FILES = { 'catalog.align': CATALOG, 'sales.align': PROGRAM };

async function side(files: Record<string, string>): Promise<DiffSide> {
    const { graph, findings } = await checkWorkspace(files);
    return { graph: graph.graph, attributes: graphAttributes(graph), findings: findings.map(f => ({ ...f })), fileOf: uri => uri.slice(uri.lastIndexOf('/ws/') + 4) };
}

async function diffOf(head: Record<string, string>, base: Record<string, string> = BASE_FILES): Promise<ChainDiff> {
    return diffChains(await side(base), await side(head));
}

describe('diffChains', () => {
    it('is empty for the same workspace, and for one reordered, moved to other files and reformatted', async () => {
        assert.equal((await diffOf(BASE_FILES)).empty, true);
        const reshaped = {
            'a.align': `outcome Grow "Grow revenue" {\n      measured by Revenue\n}\n\n${PROGRAM.replace('  sponsor "CRO"\n', '').replace('  review monthly\n', '  review    monthly\n  sponsor "CRO"\n')}`,
            'catalog/revenue.align': `// the KPI\n\n${CATALOG.slice(0, CATALOG.indexOf('outcome'))}`
        };
        const diff = await diffOf(reshaped);
        assert.equal(diff.empty, true, JSON.stringify(diff, null, 2));
        assert.deepEqual([diff.nodes, diff.links], [{ added: [], removed: [], renamed: [], changed: [] }, { added: [], removed: [] }]);
        assert.ok(diff.findings.unchanged > 0, 'the findings were compared, and all matched');
    });

    it('reports an added objective without a KPI link: added, no KPI link, coverage, its new finding', async () => {
        const diff = await diffOf({ ...BASE_FILES, 'sales.align': PROGRAM.replace('  /** Finds', '  objective Trivia "Product trivia" {\n    practice case "quiz"\n  }\n  /** Finds') });
        assert.deepEqual(diff.nodes.added.map(n => [n.id, n.kind, n.title, n.file, n.line]), [['Sales.Trivia', 'objective', 'Product trivia', 'sales.align', 24]]);
        assert.deepEqual(diff.kpiLinks.addedWithout.map(n => n.id), ['Sales.Trivia']);
        assert.deepEqual(diff.coverage.before, { aligned: 1, total: 1 });
        assert.deepEqual(diff.coverage.after, { aligned: 1, total: 2 });
        assert.deepEqual(diff.coverage.programs, [{ program: 'Sales', before: { aligned: 1, total: 1 }, after: { aligned: 1, total: 2 } }]);
        assert.deepEqual(diff.findings.new.map(f => [f.rule, f.element, f.file, f.line]), [['objective-without-kpi', 'Sales.Trivia', 'sales.align', 24]]);
        assert.deepEqual(diff.findings.fixed, []);
        assert.equal(diff.empty, false);
    });

    it('lists new findings of one place with the numbers in their messages as numbers (CSV line 9 before line 10)', async () => {
        const base = await side(BASE_FILES);
        const row = (line: number) => ({ rule: 'actuals-invalid', severity: 'error' as const, file: 'sales.align', line: 3, message: `Actuals of 'Revenue': file "r.csv" line ${line}: the value is not a number.` });
        const diff = diffChains(base, { ...base, findings: [...base.findings, row(10), row(9), row(100)] });
        assert.deepEqual(diff.findings.new.map(f => f.message.match(/line (\d+)/)?.[1]), ['9', '10', '100']);
    });

    it('reports a renamed skill once, with no link change', async () => {
        const diff = await diffOf({ ...BASE_FILES, 'sales.align': PROGRAM.replace(/(?<!")Prospecting\b/g, 'Outreach') });
        assert.deepEqual(diff.nodes.renamed.map(r => [r.from.id, r.to.id, r.changes]), [['Sales.Prospecting', 'Sales.Outreach', []]]);
        assert.deepEqual([diff.nodes.added, diff.nodes.removed, diff.nodes.changed, diff.links.added, diff.links.removed], [[], [], [], [], []]);
    });

    it('keeps a renamed element\'s findings, and those whose key references it: none new, none fixed', async () => {
        // Quiz builds a skill that enables nothing, so its KPI link is unexplained: the finding's key references Sales.Pipeline.
        const quiz = '  objective Quiz "Quiz" {\n    builds Spare\n    kpi Pipeline\n  }\n';
        const base = { ...BASE_FILES, 'sales.align': PROGRAM.replace('  skill Spare "Spare"\n', `  skill Spare "Spare"\n${quiz}`) };
        const head = { ...base, 'sales.align': base['sales.align'].replace(/\bSpare\b(?!")/g, 'Unused').replace(/\bPipeline\b(?! coverage)/g, 'Coverage') };
        const before = await side(base);
        assert.ok(before.findings.some(f => f.identity?.element === 'Sales.Spare'), 'the renamed skill has a finding');
        assert.ok(before.findings.some(f => f.identity?.key === 'kpis Sales.Pipeline'), 'a finding references the renamed metric');
        const diff = diffChains(before, await side(head));
        assert.deepEqual(diff.nodes.renamed.map(r => `${r.from.id} -> ${r.to.id}`), ['Sales.Pipeline -> Sales.Coverage', 'Sales.Spare -> Sales.Unused']);
        assert.deepEqual([diff.findings.new, diff.findings.fixed], [[], []]);
        assert.equal(diff.findings.unchanged, before.findings.length);
    });

    it('keeps the findings of a renamed metric\'s actuals (`Revenue.actuals` is `Income.actuals` in the head)', async () => {
        const base = { ...BASE_FILES, 'sales.align': PROGRAM.replace('  2026-01: 110\n', '  2026-01: 110\n  2026-01: 111\n') };
        const head = { 'catalog.align': CATALOG.replace(/\bRevenue\b(?!")/g, 'Income'), 'sales.align': base['sales.align'].replace(/\bRevenue\b(?!")/g, 'Income') };
        const before = await side(base);
        assert.ok(before.findings.some(f => f.identity?.element === 'Revenue.actuals'), JSON.stringify(before.findings.map(f => [f.rule, f.identity])));
        const diff = diffChains(before, await side(head));
        assert.deepEqual(diff.nodes.renamed.map(r => `${r.from.id} -> ${r.to.id}`), ['Revenue -> Income']);
        assert.deepEqual([diff.findings.new, diff.findings.fixed], [[], []]);
    });

    it('reports a moved target, a changed source and documentation, and a new latest actual as field changes', async () => {
        const head = {
            'catalog.align': CATALOG.replace('target 120 by 2026-12-31', 'target 130 by 2027-06-30').replace('source "ERP"', 'source "ERP: ledger"'),
            'sales.align': PROGRAM.replace('/** Finds new buyers. */', '/** Finds and qualifies buyers. */').replace('  2026-01: 110\n', '  2026-01: 110\n  2026-02: 115\n')
        };
        const diff = await diffOf(head);
        assert.deepEqual(diff.nodes.changed.map(c => [c.node.id, c.changes]), [
            ['Revenue', [
                { field: 'source', before: '"ERP"', after: '"ERP: ledger"' },
                { field: 'target', before: '120 by 2026-12-31', after: '130 by 2027-06-30' },
                { field: 'latest actual', before: '2026-01: 110', after: '2026-02: 115' }
            ]],
            ['Sales.FindBuyers', [{ field: 'doc', before: 'Finds new buyers.', after: 'Finds and qualifies buyers.' }]]
        ]);
        assert.deepEqual(diff.roi.map(r => [r.program, r.before?.roiPercent, r.after?.roiPercent]), [['Sales', 100, 200]]);
    });

    it('reports a removed behavior: its links, and the objective that lost its KPI link', async () => {
        const behavior = PROGRAM.slice(PROGRAM.indexOf('  behavior Prospects'), PROGRAM.indexOf('  /** Finds'));
        const diff = await diffOf({ ...BASE_FILES, 'sales.align': PROGRAM.replace(behavior, '') });
        assert.deepEqual(diff.nodes.removed.map(n => [n.id, n.file, n.line]), [['Sales.Prospects', 'sales.align', 19]]);
        assert.deepEqual(diff.links.removed, [
            { kind: 'enables', from: 'Sales.Prospecting', to: 'Sales.Prospects' },
            { kind: 'moves', from: 'Sales.Prospects', to: 'Sales.Pipeline' }
        ]);
        assert.deepEqual(diff.kpiLinks.lost.map(n => n.id), ['Sales.FindBuyers']);
        assert.deepEqual(diff.findings.new.map(f => `${f.rule} ${f.element}`), ['metric-unused Sales.Pipeline', 'skill-enables-nothing Sales.Prospecting', 'objective-without-kpi Sales.FindBuyers']);
    });

    it('does not take look-alikes for a rename: two removed and two added skills with the same title and no links', async () => {
        const base = { 'a.align': 'skill A "Same"\nskill B "Same"\n' };
        const diff = await diffOf({ 'a.align': 'skill C "Same"\nskill D "Same"\n' }, base);
        assert.deepEqual([diff.nodes.renamed, diff.nodes.added.map(n => n.id), diff.nodes.removed.map(n => n.id)], [[], ['C', 'D'], ['A', 'B']]);
    });

    it('finds renames of neighbours renamed together', async () => {
        const diff = await diffOf({ ...BASE_FILES, 'sales.align': PROGRAM.replace(/(?<!")Prospecting\b/g, 'Outreach').replace(/(?<!")Prospects\b/g, 'Reaches') });
        assert.deepEqual(diff.nodes.renamed.map(r => `${r.from.id} -> ${r.to.id}`), ['Sales.Prospecting -> Sales.Outreach', 'Sales.Prospects -> Sales.Reaches']);
        assert.deepEqual([diff.links.added, diff.links.removed], [[], []]);
    });

    it('takes a move into another program that is on both sides for a rename, but not an alike child of a replaced program', async () => {
        // Programs of different titles: Old is not renamed to New.
        const other = (name: string) => `program ${name} "${name} academy" {\n  sponsor "CRO"\n}\n`;
        const spare = '  skill Spare "Spare"\n';
        const moved = await diffOf({ ...BASE_FILES, 'sales.align': PROGRAM.replace(spare, ''), 'other.align': other('Other').replace('}', `${spare}}`) },
            { ...BASE_FILES, 'other.align': other('Other') });
        assert.deepEqual(moved.nodes.renamed.map(r => `${r.from.id} -> ${r.to.id}`), ['Sales.Spare -> Other.Spare']);
        const replaced = await diffOf({ ...BASE_FILES, 'other.align': other('New').replace('}', `${spare}}`) },
            { ...BASE_FILES, 'other.align': other('Old').replace('}', `${spare}}`) });
        assert.deepEqual([replaced.nodes.renamed, replaced.nodes.added.map(n => n.id), replaced.nodes.removed.map(n => n.id)],
            [[], ['New', 'New.Spare'], ['Old', 'Old.Spare']]);
    });
});

describe('graphAttributes', () => {
    it('reads each attribute as written, tokens joined by single spaces, lists of references left out', async () => {
        const { graph } = await checkWorkspace({
            ...BASE_FILES,
            'sales.align': PROGRAM.replace('  sponsor "CRO"\n', '  sponsor   "CRO"\n  stakeholders "HR",\n     "Sales leadership"\n')
        });
        const attributes = graphAttributes(graph);
        assert.deepEqual(attributes.get('Sales'), {
            sponsor: '"CRO"', pilot: '60 days from 2026-01-05', review: 'monthly', cost: '5000 USD', stakeholders: '"HR", "Sales leadership"'
        });
        assert.deepEqual(attributes.get('Sales.Prospects'), { 'observed by': 'manager weekly' });
        assert.deepEqual(attributes.get('Revenue')?.['value'], '1000 USD per unit');
        assert.equal(attributes.get('Grow'), undefined, 'measured by is a link, not an attribute');
    });

    it('reads each `isolate` of a program as one attribute keyed by its KPI as written (not its method\'s keywords)', async () => {
        const isolates = '  isolate Revenue by estimate 50%   confidence 80%\n  isolate Sales.Pipeline by trend\n';
        const { graph } = await checkWorkspace({ ...BASE_FILES, 'sales.align': PROGRAM.replace('  sponsor "CRO"\n', `  sponsor "CRO"\n${isolates}`) });
        const sales = graphAttributes(graph).get('Sales')!;
        assert.equal(sales['isolate Revenue'], 'by estimate 50% confidence 80%');
        assert.equal(sales['isolate Sales.Pipeline'], 'by trend');
        for (const word of ['estimate', 'confidence', 'trend', 'isolate']) assert.equal(sales[word], undefined, word);
    });
});

describe('changeGraph', () => {
    it('marks changed elements, keeps their neighbours as context, and draws removed links', async () => {
        const base = await side(BASE_FILES);
        const behavior = PROGRAM.slice(PROGRAM.indexOf('  behavior Prospects'), PROGRAM.indexOf('  /** Finds'));
        const head = await side({ 'catalog.align': CATALOG.replace('source "ERP"', 'source "SAP"'), 'sales.align': PROGRAM.replace(behavior, '') });
        const diff = diffChains(base, head);
        const graph = changeGraph(base.graph, head.graph, diff);
        assert.deepEqual(graph.nodes.map(n => `${n.status} ${n.node.id}`), [
            'removed Sales.Prospects', 'changed Revenue', 'changed Sales.FindBuyers',
            'context Grow', 'context Sales.Pipeline', 'context Sales.Prospecting'
        ]);
        assert.deepEqual(graph.edges.map(e => `${e.status} ${e.edge.from} ${e.edge.kind} ${e.edge.to}`).sort(), [
            'context Revenue measures Grow', 'context Sales.FindBuyers builds Sales.Prospecting', 'context Sales.Pipeline drives Revenue',
            'removed Sales.Prospecting enables Sales.Prospects', 'removed Sales.Prospects moves Sales.Pipeline'
        ]);
    });
});
