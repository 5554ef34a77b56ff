import * as assert from 'node:assert/strict';
import { URI, type LangiumDocument } from 'langium';
import { checkWorkspace, expectedFindings, findingKeys, type TestFinding } from './helpers/check-workspace.js';

/**
 * Several `actuals` blocks of one metric are merged (sorted by date); a
 * period that an earlier block (file order, documents by path) gives a
 * value already is `actuals-invalid` on the later row, and the earlier value
 * counts for the figures.
 */
const METRIC = 'metric L "L" { kind lagging unit count direction up baseline 1 target 20 by 2026-12-31 source "s" owner "o" cadence monthly }\n'
    + 'outcome O "O" { measured by L }\n';

const PERCENT_METRIC = METRIC.replace('unit count', 'unit percent');

const invalid = (findings: readonly TestFinding[]) => findings.filter(f => f.rule === 'actuals-invalid');

describe('actuals: a period given a value by two blocks', () => {
    it('marks the repeated row of the later block in the same file, naming the metric and the other place; the first value counts', async () => {
        const text = `${METRIC}actuals L {\n  2026-01: 1\n  2026-03: 9\n}\nactuals L {\n  // expect: actuals-invalid\n  2026-03: 2\n}\n`;
        const { findings, graph } = await checkWorkspace({ 'a.align': text });
        assert.deepEqual(findingKeys(invalid(findings), 'a.align'), expectedFindings(text));
        assert.equal(invalid(findings)[0]!.message,
            'Actuals of \'L\': period 2026-03 is given twice: 2 here, 9 at a.align:5 (the earlier value counts). Keep one value for the period: remove this row or the other.');
        const figures = graph.node('L')!.metric!;
        assert.deepEqual(figures.actuals.map(a => `${a.period}=${a.value}`), ['2026-01=1', '2026-03=9']);
        assert.deepEqual(figures.latest, { period: '2026-03', date: '2026-03-31', value: 9 });
        assert.equal(graph.latestActual.get('L')?.entry.value.value, 9);
    });

    it('across files, the document whose path sorts first holds the first value; the other file is named relative to the workspace', async () => {
        const later = 'actuals L {\n  // expect: actuals-invalid\n  2026-03: 2\n}\n';
        const earlier = `${METRIC}actuals L {\n  2026-03: 9\n}\n`;
        const { findings, graph } = await checkWorkspace({ 'b/later.align': later, 'a/earlier.align': earlier });
        assert.deepEqual(findingKeys(invalid(findings), 'b/later.align'), expectedFindings(later));
        assert.deepEqual(findingKeys(invalid(findings), 'a/earlier.align'), []);
        assert.match(invalid(findings)[0]!.message, /^Actuals of 'L': period 2026-03 is given twice: 2 here, 9 at a\/earlier\.align:4 /);
        assert.equal(graph.node('L')!.metric!.latest?.value, 9);
    });

    it('a CSV row that repeats a period (or ends the same day) marks the file string and names the line', async () => {
        // A percent metric: the CSV's `9%` is quoted as written.
        const text = `${PERCENT_METRIC}actuals L from "l.csv"\nactuals L {\n  2026-02: 3\n  // expect: actuals-invalid\n  2026-Q1: 4\n}\n`;
        const { findings } = await checkWorkspace({ 'a.align': text, 'l.csv': 'period,value\n2026-01,1\n2026-03,9%\n' });
        assert.deepEqual(findingKeys(invalid(findings), 'a.align'), expectedFindings(text));
        assert.equal(invalid(findings)[0]!.message, 'Actuals of \'L\': period 2026-Q1 ends the same day as 2026-03, given before: 4 here, 9% at "l.csv" line 3 (a.align:3)'
            + ' (the earlier value counts). Keep one value for the period: remove this row or the other.');
        const later = `${PERCENT_METRIC}actuals L {\n  2026-03: 9\n}\n// expect: actuals-invalid\nactuals L from "l.csv"\n`;
        const csv = await checkWorkspace({ 'a.align': later, 'l.csv': 'period,value\n2026-01,1\n2026-03,2\n' });
        assert.deepEqual(findingKeys(invalid(csv.findings), 'a.align'), expectedFindings(later));
        assert.match(invalid(csv.findings)[0]!.message, /^Actuals of 'L': file "l\.csv" line 3: period 2026-03 is given twice: 2 here, 9 at a\.align:4 /);
    });

    it('blocks that interleave periods without repeating one are merged in date order, with no finding', async () => {
        const { findings, graph } = await checkWorkspace({ 'a.align': `${METRIC}actuals L {\n  2026-01: 1\n  2026-03: 9\n}\nactuals L {\n  2026-02: 5\n}\n` });
        assert.deepEqual(invalid(findings), []);
        assert.deepEqual(graph.node('L')!.metric!.actuals.map(a => a.period), ['2026-01', '2026-02', '2026-03']);
        assert.equal(graph.node('L')!.metric!.latest?.value, 9);
    });
});

describe('actuals: a CSV file that cannot be read', () => {
    it('permission denied says so and to check the permissions, not to fix the path', async () => {
        const { findings } = await checkWorkspace({ 'a.align': `${METRIC}actuals L from "locked.csv"\n`, 'locked.csv': 'period,value\n2026-01,1\n' }, undefined, services => {
            const fileSystem = services.shared.workspace.FileSystemProvider;
            const readFile = fileSystem.readFile.bind(fileSystem);
            fileSystem.readFile = async (uri: URI) => {
                if (uri.path.endsWith('/locked.csv')) throw Object.assign(new Error(`EACCES: permission denied, open '${uri.path}'`), { code: 'EACCES' });
                return readFile(uri);
            };
        });
        assert.deepEqual(invalid(findings).map(f => `${f.line}: ${f.message}`), [
            '3: Actuals of \'L\': file "locked.csv" cannot be read (permission denied). Check the file\'s permissions: the user running Align must be allowed to read it.'
        ]);
    });
});

describe('actuals: repeated periods after edits equal a fresh build', () => {
    /** Builds the files in memory, then gives each file its new text in turn with `DocumentBuilder.update`, as the server does. */
    async function editInTurn(files: Record<string, string>, edits: ReadonlyArray<readonly [string, string, number]>): Promise<void> {
        // The memory file system reads `files` itself: the update reads each new text from it.
        const { services } = await checkWorkspace(files);
        const shared = services.shared.workspace;
        const messages = (documents: readonly LangiumDocument[]) =>
            documents.flatMap(d => (d.diagnostics ?? []).filter(x => x.code === 'actuals-invalid').map(x => `${d.uri.path}:${x.range.start.line + 1} ${String(x.message)}`)).sort();
        for (const [name, text, repeats] of edits) {
            files[name] = text;
            await shared.DocumentBuilder.update([URI.file(`/ws/${name}`)], []);
            const fresh = await checkWorkspace({ ...files });
            const freshMessages = messages(fresh.services.shared.workspace.LangiumDocuments.all.toArray());
            assert.deepEqual(messages(shared.LangiumDocuments.all.toArray()), freshMessages, `after editing ${name}`);
            assert.equal(freshMessages.length, repeats, `findings after editing ${name}: ${freshMessages.join('; ')}`);
            assert.deepEqual((await services.align.Graph.getIndex()).node('L')?.metric, fresh.graph.node('L')?.metric, `figures after editing ${name}`);
        }
    }

    it('follows the earlier block in another file: its line, its value, its row going away', async () => {
        const earlier = `${METRIC}actuals L {\n  2026-03: 9\n}\n`;
        await editInTurn({ 'a.align': earlier, 'b.align': 'actuals L {\n  2026-03: 2\n}\n' }, [
            ['a.align', `\n\n${METRIC}actuals L {\n  2026-03: 9\n}\n`, 1],
            ['a.align', `\n\n${METRIC}actuals L {\n  2026-03: 7\n}\n`, 1],
            ['a.align', `${METRIC}actuals L {\n  2026-02: 7\n}\n`, 0],
            ['a.align', `${METRIC}actuals L {\n  2026-02: 7\n  2026-03: 8\n}\n`, 1],
            ['b.align', 'actuals L {\n  2026-04: 2\n}\n', 0],
            ['b.align', 'actuals L {\n  2026-03: 1\n}\n', 1]
        ]);
    });
});
