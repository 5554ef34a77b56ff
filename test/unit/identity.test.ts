/**
 * Finding identities (language/identity): every finding the validator
 * reports carries its rule, the model path of its element and a message
 * key. Moving, reordering and reformatting keep them; renaming the element
 * or marking another reference changes them. Baselines, `align diff` and
 * SARIF fingerprints all match on these.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { identityText, matchByIdentity, occurrenceTexts } from '../../language/identity/finding-identity.js';
import { checkWorkspace, type TestFinding } from './helpers/check-workspace.js';
import { BASE, RULE_CASES } from './rule-cases.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/examples');
const EXAMPLES = Object.fromEntries(['catalog/metrics.align', 'catalog/data/nps.csv', 'churn-pilot.align', 'onboarding.align', 'safety.align', 'sales-win-rate.align']
    .map(n => [n, fs.readFileSync(path.join(fixtures, n), 'utf-8')]));

/** `rule element [key]` of each finding, sorted: what identifies it, without file or line. */
function identities(findings: readonly TestFinding[]): string[] {
    return findings.map(f => `${f.rule} ${f.identity?.element ?? '-'} [${f.identity?.key ?? '?'}]`).sort();
}

async function identitiesOf(files: Record<string, string>): Promise<string[]> {
    return identities((await checkWorkspace(files)).findings);
}

describe('finding identities', () => {
    it('name the element by its model path, and what in it the finding is about', async () => {
        assert.deepEqual(await identitiesOf(EXAMPLES), [
            'activity-only-link DiscoveryBootcamp.CompleteModules []',
            'actuals-off-track DiscoveryBootcamp.PipelineHygiene.actuals []',
            'behavior-not-reinforced LockoutTagout.ReportsNearMisses []',
            'metric-without-source LockoutTagout.NearMissReports []',
            'objective-without-kpi DiscoveryBootcamp.KnowTheProduct []',
            'objective-without-practice DiscoveryBootcamp.MapStakeholders []',
            'outcome-not-measurable FasterRampUp []',
            'pilot-too-long NewHireAcademy [pilot duration amount]',
            'program-without-leading NewHireAcademy []',
            'program-without-sponsor NewHireAcademy []',
            'skill-enables-nothing DiscoveryBootcamp.ProductTrivia []',
            'target-against-direction RecordableIncidents [target]',
            'unexplained-kpi-link DiscoveryBootcamp.ForecastCategories [kpis WinRate]'
        ]);
    });

    it('every rule\'s findings have an element', async () => {
        for (const c of RULE_CASES) {
            const { findings } = await checkWorkspace({ 'base.align': BASE, 'case.align': c.fires, ...c.files }, c.settings);
            for (const f of findings.filter(f => f.rule === c.rule)) {
                assert.ok(f.identity?.element, `${c.rule} at case.align:${f.line} has an element: ${JSON.stringify(f.identity)}`);
            }
        }
    });

    it('stay the same when lines move, blocks move to another file, and the text is reformatted and reordered', async () => {
        const original = await identitiesOf(EXAMPLES);
        const sales = EXAMPLES['sales-win-rate.align']!;
        const winRate = sales.slice(sales.indexOf('metric WinRate'), sales.indexOf('outcome GrowWinRate'));
        const moved = {
            ...EXAMPLES,
            'sales-win-rate.align': '// a new header\n\n\n' + sales.replace(winRate, ''),
            'catalog/win-rate.align': winRate
                .replace('  kind lagging\n', '')
                .replace('{\n', '{\n\t\tkind    lagging\n')
                .replace(/\n {2}/g, '\n      ')
        };
        assert.deepEqual(await identitiesOf(moved), original);
    });

    it('tell apart two references of one element, whatever their order', async () => {
        const objective = (kpis: string) => `skill Lone "Lone"\nobjective Sell "Sell" {\n  builds Lone\n  kpi ${kpis}\n  practice case "c"\n}\n`;
        const forward = identities((await checkWorkspace({ 'base.align': BASE, 'o.align': objective('Revenue, Pipeline') })).findings)
            .filter(i => i.startsWith('unexplained-kpi-link'));
        assert.deepEqual(forward, ['unexplained-kpi-link Sell [kpis Pipeline]', 'unexplained-kpi-link Sell [kpis Revenue]']);
        const backward = identities((await checkWorkspace({ 'base.align': BASE, 'o.align': objective('Pipeline, Revenue') })).findings)
            .filter(i => i.startsWith('unexplained-kpi-link'));
        assert.deepEqual(backward, forward);
    });

    it('change with the element\'s name: a renamed element\'s findings are other findings', async () => {
        const before = await identitiesOf({ 'a.align': 'program P { serves Missing }\n' });
        const after = await identitiesOf({ 'a.align': 'program Q { serves Missing }\n' });
        assert.ok(before.includes('program-without-outcome P []'), before.join('\n'));
        assert.ok(after.includes('program-without-outcome Q []'), after.join('\n'));
        assert.ok(before.includes('unresolved-reference P [serves Missing]'), before.join('\n'));
    });

    it('key syntax errors by their message, attributes given twice by their keyword, rows by their period', async () => {
        const ids = await identitiesOf({
            'a.align': 'metric M "M" {\n  kind leading\n  owner "A"\n  owner "B"\n}\nactuals M {\n  2026-13: 3\n}\nskill S "S" {\n  assessed by\n}\n'
        });
        assert.ok(ids.includes('syntax M [owner]'), ids.join('\n'));
        assert.ok(ids.some(i => /^actuals-invalid M\.actuals \[row 2026-13\]$/.test(i)), ids.join('\n'));
        assert.ok(ids.includes('syntax S [Expected a "quoted string", but found `}`.]'), ids.join('\n'));
    });

    it('key an off-track metric by its actuals as a whole: a new month keeps the finding', async () => {
        const workspace = (rows: string) => ({ 'base.align': BASE, 'a.align': `actuals Revenue {\n${rows}}\n` });
        const one = (await checkWorkspace(workspace('  2026-01: 90\n'))).findings.filter(f => f.rule === 'actuals-off-track');
        const two = (await checkWorkspace(workspace('  2026-01: 90\n  2026-02: 80\n'))).findings.filter(f => f.rule === 'actuals-off-track');
        assert.equal(one.length, 1);
        assert.deepEqual(two.map(f => f.identity), one.map(f => f.identity));
        assert.notEqual(two[0]!.line, one[0]!.line);
    });
});

describe('matching findings by identity', () => {
    const f = (rule: string, element: string, line: number) => ({ rule, file: 'a.align', message: `m${line}`, line, identity: { element, key: '' } });

    it('fixing one finding and adding another of the same rule in the same file is one new and one gone', () => {
        const before = [f('objective-without-kpi', 'P.A', 10), f('objective-without-kpi', 'P.B', 20)];
        const after = [f('objective-without-kpi', 'P.B', 12), f('objective-without-kpi', 'P.C', 30)];
        const match = matchByIdentity(after, before, identityText, identityText);
        assert.deepEqual(match.added.map(x => x.identity.element), ['P.C']);
        assert.deepEqual(match.removed.map(x => x.identity.element), ['P.A']);
        assert.equal(match.matched, 1);
    });

    it('counts findings of one identity: a second one is new', () => {
        const match = matchByIdentity([f('r', 'X', 1), f('r', 'X', 2)], [f('r', 'X', 5)], identityText, identityText);
        assert.equal(match.matched, 1);
        assert.deepEqual(match.added.map(x => x.line), [2]);
    });

    it('identifies findings outside every declaration by their file, and ones without identity by file and message', () => {
        const loose = { rule: 'syntax', file: 'a.align', message: 'x', identity: { key: 'k' } };
        assert.notEqual(identityText(loose), identityText({ ...loose, file: 'b.align' }));
        assert.equal(identityText(loose), identityText({ ...loose, message: 'other' }));
        const config = { rule: 'config-invalid', file: 'align.config.json', message: 'bad' };
        assert.notEqual(identityText(config), identityText({ ...config, message: 'worse' }));
    });

    it('occurrence texts are unique per finding and do not depend on lines', () => {
        const texts = occurrenceTexts([f('r', 'X', 1), f('r', 'X', 2), f('r', 'Y', 3)]);
        assert.equal(new Set(texts).size, 3);
        assert.deepEqual(occurrenceTexts([f('r', 'X', 40), f('r', 'X', 41), f('r', 'Y', 50)]), texts);
    });
});
