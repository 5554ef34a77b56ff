import * as assert from 'node:assert/strict';
import { checkWorkspace } from './helpers/check-workspace.js';

const SOURCE = `metric K "Kept" { kind lagging unit percent direction up baseline 10% target 20% by 2026-12-31 }
actuals K {
  2026-02: 12%
  2026-04: 14%
  2026-09: 19%
}
actuals K from "k.csv"
program P "Pilot" { sponsor "VP" review monthly
  pilot 90 days from 2026-01-05
  kpi K
}
`;

describe('the impact graph as of a past day', () => {
    it('leaves out the actuals dated after the day (inline and CSV) and counts them', async () => {
        const w = await checkWorkspace({ 'a.align': SOURCE, 'k.csv': 'period,value\n2026-10,21\n2026-11,22\n' });
        const graph = w.services.align.Graph;
        assert.equal((await graph.getIndex()).node('K')!.metric!.latest?.value, 22, 'without a date, every actual');
        assert.equal(graph.laterActuals(), 0);
        graph.setAsOf('2026-04-15');
        const index = await graph.getIndex();
        assert.deepEqual(index.node('K')!.metric!.actuals.map(a => a.period), ['2026-02'], 'April is dated on its last day, after the 15th');
        assert.equal(index.node('K')!.metric!.latest?.value, 12);
        assert.equal(graph.laterActuals(), 4, 'April, September and the two CSV months');

        graph.setAsOf('2026-04-30');
        assert.deepEqual((await graph.getIndex()).node('K')!.metric!.actuals.map(a => a.period), ['2026-02', '2026-04'], 'a period ending on the day counts');
        assert.equal(graph.laterActuals(), 3);
        graph.setAsOf(undefined);
        assert.equal((await graph.getIndex()).node('K')!.metric!.latest?.value, 22);
    });

    it('counts each period of a metric once, and nothing when no actual is dated after the day', async () => {
        const w = await checkWorkspace({ 'a.align': SOURCE.replace('actuals K from', 'actuals K {\n  2026-09: 19%\n}\nactuals K from'), 'k.csv': 'period,value\n' });
        const graph = w.services.align.Graph;
        graph.setAsOf('2026-06-30');
        await graph.getIndex();
        assert.equal(graph.laterActuals(), 1, 'September, given twice');
        graph.setAsOf('2027-01-01');
        await graph.getIndex();
        assert.equal(graph.laterActuals(), 0);
    });
});
