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
    it('leaves out the actuals dated after the day (inline and CSV), counts them, and keeps the current graph', async () => {
        const w = await checkWorkspace({ 'a.align': SOURCE, 'k.csv': 'period,value\n2026-10,21\n2026-11,22\n' });
        const graph = w.services.align.Graph;
        const current = await graph.getIndex();
        const { index, later } = await graph.indexAsOf('2026-04-15');
        assert.deepEqual(index.node('K')!.metric!.actuals.map(a => a.period), ['2026-02'], 'April is dated on its last day, after the 15th');
        assert.equal(index.node('K')!.metric!.latest?.value, 12);
        assert.equal(later, 4, 'April, September and the two CSV months');
        assert.equal(current.node('K')!.metric!.latest?.value, 22, 'the kept graph still has every actual');

        const atEnd = await graph.indexAsOf('2026-04-30');
        assert.deepEqual(atEnd.index.node('K')!.metric!.actuals.map(a => a.period), ['2026-02', '2026-04'], 'a period ending on the day counts');
        assert.equal(atEnd.later, 3);
    });

    it('is the current graph when no actual is dated after the day', async () => {
        const w = await checkWorkspace({ 'a.align': SOURCE, 'k.csv': 'period,value\n' });
        const graph = w.services.align.Graph;
        const { index, later } = await graph.indexAsOf('2027-01-01');
        assert.equal(later, 0);
        assert.equal(index, await graph.getIndex());
    });
});
