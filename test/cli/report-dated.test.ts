/**
 * `align report` through the built bundle: each KPI's status is judged as
 * of the report's date (`--date`): a deadline behind it reads `target met`
 * or `deadline passed`, a latest actual more than two periods of the
 * cadence old reads `no actual since PERIOD`, and the headline counts
 * follow; in Markdown and HTML (tables, trend lines, charts).
 */
import assert from 'node:assert/strict';
import { EXAMPLES, runCli, removeTempDirs, requireBundle, tempDir, writeFile } from './run-cli.js';
import { inlineSvgs, section } from './report-helpers.js';
import { DATED_ACTUALS, DATED_KPIS } from './dated-kpis.js';

/** Churn: on its trajectory, 10% not reached. Retention: 92% reached. Quality: last actual in January, monthly. */
const SOURCE = `outcome Keep "Keep customers" {
  measured by Churn, Retention, Quality
  owner "COO"
}
${DATED_KPIS}program Pilot "Churn pilot" {
  sponsor "VP" review monthly serves Keep
  pilot 90 days from 2026-01-05
}
${DATED_ACTUALS}`;

function reportAt(dir: string, date: string, format: 'md' | 'html'): string {
    const result = runCli(['report', '--date', date, '--format', format], { cwd: dir });
    assert.equal(result.status, 0, result.stderr);
    return result.stdout;
}

describe('align report: statuses as of the report date', () => {
    before(requireBundle);
    after(removeTempDirs);
    let dir: string;
    before(() => {
        dir = tempDir();
        writeFile(dir, 'pilot.align', SOURCE);
    });

    it('Markdown: on track before the deadline, target met or deadline passed after it, stale actuals named', () => {
        const before = section(reportAt(dir, '2026-04-15', 'md'), '## Program: Churn pilot (`Pilot`)');
        assert.ok(before.includes('| Monthly logo churn (`Churn`) | lagging | 12% | 11.1% (2026-03) | 10% | 2026-06-30 | 45% | on track |'), before);
        assert.ok(before.includes('| Net retention (`Retention`) | lagging | 85% | 93% (2026-03) | 92% | 2026-06-30 | 114% | on track |'), before);
        // January's actual is more than two months old on 2026-04-15 (the March period ended 2026-03-31).
        assert.ok(before.includes('| Ticket quality (`Quality`) | lagging | 70 | 72 (2026-01) | 80 | 2026-12-31 | 20% | no actual since 2026-01 |'), before);
        assert.ok(before.includes('- Ticket quality (`Quality`): one actual, 72 (2026-01); higher is better; no actual since 2026-01 (monthly actuals expected; on track at the last actual).'), before);
        assert.ok(before.includes('**KPIs on track:** 2 of 2 (1 more KPI not known yet)'), before);

        const after = reportAt(dir, '2026-12-04', 'md');
        const pilot = section(after, '## Program: Churn pilot (`Pilot`)');
        assert.ok(pilot.includes('| Monthly logo churn (`Churn`) | lagging | 12% | 11.1% (2026-03) | 10% | 2026-06-30 | 45% | **deadline passed** |'), pilot);
        assert.ok(pilot.includes('| Net retention (`Retention`) | lagging | 85% | 93% (2026-03) | 92% | 2026-06-30 | 114% | target met |'), pilot);
        assert.ok(pilot.includes('- Monthly logo churn (`Churn`): falling ↓, 11.9% (2026-01) → 11.5% (2026-02) → 11.1% (2026-03); lower is better; **deadline passed (target 10% by 2026-06-30)**.'), pilot);
        assert.ok(pilot.includes('**KPIs on track:** 1 of 2 (1 more KPI not known yet)'), pilot);
        assert.ok(after.includes('| Churn pilot (`Pilot`) | `Keep` | 0/0 | 1/2 |'), 'the summary counts target met as on track, deadline passed as not');
        assert.ok(after.includes('**Statuses are as of 2026-12-04:**'), 'the legend says statuses are as of the report date');
    });

    it('HTML: the tables and the charts say the same', () => {
        const before = reportAt(dir, '2026-04-15', 'html');
        assert.match(before, /<span class="status status-on">[^]*?<\/svg>on track<\/span>/);
        assert.ok(!before.includes('deadline passed</span>') && !before.includes('target met</span>'));
        const after = reportAt(dir, '2026-12-04', 'html');
        assert.match(after, /<td data-label="Status"><span class="status status-off">[^]*?<\/svg>deadline passed<\/span><\/td>/);
        assert.match(after, /<td data-label="Status"><span class="status status-on">[^]*?<\/svg>target met<\/span><\/td>/);
        assert.ok(!/<\/svg>on track<\/span>/.test(after), 'no KPI is on track months after its deadline');
        const chart = (title: string) => inlineSvgs(after).find(svg => svg.includes('class="align-chart kpi-chart') && svg.includes(title)) ?? '';
        assert.match(chart('Monthly logo churn (Churn)'), /class="align-chart kpi-chart status-off-track[^]*>Deadline passed<\/text>/);
        assert.match(chart('Net retention (Retention)'), /class="align-chart kpi-chart status-on-track[^]*>Target met<\/text>/);
        assert.ok(after.includes('As of 2026-12-04: deadline passed, target 10% by 2026-06-30.'), 'the chart\'s description says it too');
    });
});

describe('align report: the impact chain and the learning chart say what the tables say', () => {
    before(requireBundle);
    after(removeTempDirs);

    /** The text of an SVG, its elements' texts joined by spaces. */
    const textOf = (svg: string) => svg.replace(/<desc[^>]*>[^<]*<\/desc>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/&#183;|&middot;/g, '·').replace(/\s+/g, ' ');

    it('a KPI past its deadline reads deadline passed or target met in its box, as in the table', () => {
        const dir = tempDir();
        writeFile(dir, 'pilot.align', SOURCE);
        const after = reportAt(dir, '2026-12-04', 'html');
        const chain = inlineSvgs(after).find(svg => svg.includes('class="align-graph') && svg.includes('Monthly logo churn'));
        assert.ok(chain, 'the report draws the chain');
        const text = textOf(chain);
        assert.match(text, /deadline passed · 45% of the way/, text);
        assert.match(text, /target met · 114% of the way/, text);
        assert.match(text, /no actual since 2026-01/, text);
        assert.doesNotMatch(text, /\b(on track|off track|track unknown)\b/, 'no box contradicts its table row');
        assert.match(chain, /class="[^"]*\bstatus-off-track\b[^"]*"[^]*deadline passed/, 'a passed deadline is drawn off track');

        const before = inlineSvgs(reportAt(dir, '2026-04-15', 'html')).find(svg => svg.includes('class="align-graph') && svg.includes('Monthly logo churn'))!;
        assert.match(textOf(before), /on track · 45% of the way/, 'before the deadline the box says on track, as the table does');
    });

    it('the learning chart\'s description names the dated status of each KPI', () => {
        const html = reportAt(EXAMPLES, '2026-12-04', 'html');
        const descriptions = [...html.matchAll(/<desc id="c\d+-progress[^"]*">([^<]*)<\/desc>/g)].map(m => m[1]!);
        assert.ok(descriptions.length > 0, 'the examples have learning charts');
        for (const description of descriptions) {
            assert.doesNotMatch(description, /\b(on track|off track)\b/, description);
            assert.match(description, /deadline passed|target met|no actual since/, description);
        }
    });
});

describe('align report: a back-dated report leaves out the actuals dated after its date', () => {
    before(requireBundle);
    after(removeTempDirs);

    /** The dated KPIs with later actuals: Churn's September actual is far off its trajectory, Quality gets one in April. */
    const LATER = `${SOURCE}actuals Churn {
  2026-09: 13%
}
actuals Quality from "quality.csv"
`;

    it('figures, statuses, trend lines and charts are those of the date; one line counts what was left out', () => {
        const dir = tempDir();
        writeFile(dir, 'pilot.align', LATER);
        writeFile(dir, 'quality.csv', 'period,value\n2026-04,73\n');
        const md = reportAt(dir, '2026-04-15', 'md');
        const pilot = section(md, '## Program: Churn pilot (`Pilot`)');
        assert.ok(pilot.includes('| Monthly logo churn (`Churn`) | lagging | 12% | 11.1% (2026-03) | 10% | 2026-06-30 | 45% | on track |'), pilot);
        assert.ok(pilot.includes('| Ticket quality (`Quality`) | lagging | 70 | 72 (2026-01) | 80 | 2026-12-31 | 20% | no actual since 2026-01 |'), pilot);
        // The findings are judged on the same actuals: September's off-track row is nowhere, not even among them.
        const later = md.split('\n').filter(line => /2026-09|13%/.test(line));
        assert.deepEqual(later, []);
        assert.ok(md.includes('2 actuals dated after 2026-04-15 are left out: this is the report as of that date.'), md.slice(0, 600));

        const html = reportAt(dir, '2026-04-15', 'html');
        const svgs = inlineSvgs(html);
        assert.ok(svgs.some(svg => svg.includes('kpi-chart status-on-track') && svg.includes('Monthly logo churn')), 'Churn\'s chart is on track');
        for (const svg of svgs) assert.ok(!/data-period="2026-0[49]"|>13%|>73<|off track/.test(svg), `the charts and the chain have no later actual either: ${svg.slice(0, 200)}`);
        assert.match(html, /<p class="muted">2 actuals dated after <span class="date" style="white-space: nowrap">2026-04-15<\/span> are left out: this is the report as of that date.<\/p>/);

        const now = reportAt(dir, '2026-10-15', 'md');
        assert.ok(now.includes('13% (2026-09)'), 'on a later date the actual is shown');
        assert.ok(!now.includes('left out: this is the report as of'), 'no line when nothing is left out');
    });
});

describe('align report: a learning metric is judged by the report date as its KPIs are', () => {
    before(requireBundle);
    after(removeTempDirs);

    /** A pre/post check that reached its target before its deadline, and one that did not. */
    const LEARNING = `${SOURCE}program Academy "Academy" {
  sponsor "VP" review monthly serves Keep
  pilot 90 days from 2026-01-05
  metric Check "Pre/post check" {
    kind learning unit percent direction up baseline 48% target 80% by 2026-05-31 cadence monthly
  }
  metric Quiz "Product quiz" {
    kind learning unit percent direction up baseline 40% target 90% by 2026-05-31 cadence monthly
  }
  skill Spot "Spotting churn signals"
  objective SpotSignals "Spot churn signals in a call" {
    builds Spot
    kpi Check, Quiz, Churn
  }
  actuals Check {
    2026-04: 77%
    2026-05: 84%
  }
  actuals Quiz {
    2026-04: 60%
    2026-05: 70%
  }
}
`;

    it('past its deadline a learning metric reads target met or deadline passed in its box and its trend line, never on track', () => {
        const dir = tempDir();
        writeFile(dir, 'academy.align', LEARNING);
        const md = section(reportAt(dir, '2026-12-04', 'md'), '## Program: Academy (`Academy`)');
        assert.match(md, /Pre\/post check<br\/>Check · learning<br\/>48% → 84% → 80% by 2026-05-31<br\/>target met · 113% of the way"/, md);
        assert.match(md, /Product quiz<br\/>Quiz · learning<br\/>40% → 70% → 90% by 2026-05-31<br\/>deadline passed · 60% of the way"/, md);
        assert.ok(md.includes('- Pre/post check (`Academy.Check`): rising ↑, 77% (2026-04) → 84% (2026-05); higher is better; target met (target 80% by 2026-05-31).'), md);
        assert.ok(md.includes('- Product quiz (`Academy.Quiz`): rising ↑, 60% (2026-04) → 70% (2026-05); higher is better; **deadline passed (target 90% by 2026-05-31)**.'), md);
        const html = reportAt(dir, '2026-12-04', 'html');
        const chain = inlineSvgs(html).find(svg => svg.includes('class="align-graph') && svg.includes('Pre/post check'))!;
        assert.match(chain, /class="[^"]*\bstatus-off-track\b[^"]*"[^]*deadline passed · 60% of the way/, 'a missed learning target is drawn off track');

        const before = section(reportAt(dir, '2026-05-10', 'md'), '## Program: Academy (`Academy`)');
        assert.match(before, /Pre\/post check<br\/>Check · learning<br\/>48% → 77% → 80% by 2026-05-31<br\/>on track/, 'before its deadline it is judged on its trajectory');
    });
});
