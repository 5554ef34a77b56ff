/**
 * `align report` through the built bundle: for each KPI, the status words
 * of its table row (as of the report's date) are those of its box in the
 * impact chain, of its KPI chart and of the learning chart's description,
 * and the box is drawn in the colour of those words; the Markdown report's
 * Mermaid labels say the same. Read from the HTML, KPI by KPI.
 */
import assert from 'node:assert/strict';
import { TEXT, tableMeasure } from '../../language/render/measure.js';
import { removeTempDirs, requireBundle, runCli, tempDir, writeFile } from './run-cli.js';
import { inlineSvgs } from './report-helpers.js';
import { DATED_ACTUALS, DATED_KPIS } from './dated-kpis.js';

/**
 * Churn: on its trajectory, 10% not reached by 2026-06-30. Retention: 92%
 * reached. Quality, Speed, Backlog: last actual in January, monthly,
 * deadline at the year's end (five KPIs side by side: narrower boxes, where
 * `no actual since 2026-01 · 20% of the way` wraps). The pilot's chain holds
 * a learning metric, so it has a learning chart.
 */
const SOURCE = `outcome Keep "Keep customers" {
  measured by Churn, Retention, Quality, Speed, Backlog
  owner "COO"
}
${DATED_KPIS}metric Speed "First reply time" {
  kind lagging unit hours direction down baseline 20 target 8 by 2026-12-31
  source "Helpdesk" owner "Support" cadence monthly
}
metric Backlog "Open tickets" {
  kind lagging unit count direction down baseline 400 target 250 by 2026-12-31
  source "Helpdesk" owner "Support" cadence monthly
}
program Pilot "Churn pilot" {
  sponsor "VP" review monthly serves Keep
  pilot 90 days from 2026-01-05
  metric Quiz "Retention playbook quiz" {
    kind learning unit percent direction up baseline 30% target 80% by 2026-03-31
    source "LMS" cadence weekly
  }
  skill Playbook "Retention playbook"
  behavior Calls "Calls accounts at risk" {
    enabled by Playbook
    moves Churn, Retention, Quality, Speed, Backlog
  }
  objective Learn "Run the retention playbook" {
    builds Playbook
    kpi Quiz
  }
}
${DATED_ACTUALS}actuals Speed {
  2026-01: 17
}
actuals Backlog {
  2026-01: 380
}
actuals Pilot.Quiz {
  2026-01-16: 40%
  2026-02-20: 75%
}
`;

let dir: string | undefined;

function reportAt(date: string, format: 'md' | 'html'): string {
    if (!dir) writeFile(dir = tempDir(), 'pilot.align', SOURCE);
    const result = runCli(['report', '--date', date, '--format', format], { cwd: dir });
    assert.equal(result.status, 0, result.stderr);
    return result.stdout;
}

const unescape = (text: string) => text.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

/** Each KPI table row's status: `{ title, state: 'on' | 'off' | 'unknown', words }` by KPI id (the same in every table). */
function tableStatuses(html: string): Map<string, { title: string; state: string; words: string }> {
    const rows = new Map<string, { title: string; state: string; words: string }>();
    for (const row of html.split('<tr>')) {
        // A qualified name may break after its dot: `Program.<span aria-hidden="true"><wbr></span>Name`.
        const kpi = /^<th scope="row" data-label="KPI"><bdi>([^<]*)<\/bdi> \(<code dir="ltr">([\w.]+)<\/code>\)<\/th>/.exec(row.replace(/<span aria-hidden="true"><wbr><\/span>/g, ''));
        const status = /<td data-label="Status"><span class="status status-(\w+)">(?:<svg[^]*?<\/svg>)?([^<]*)<\/span><\/td>/.exec(row);
        if (!kpi || !status) continue;
        const found = { title: unescape(kpi[1]!), state: status[1]!, words: unescape(status[2]!) };
        const before = rows.get(kpi[2]!);
        if (before) assert.deepEqual(found, before, `every table gives ${kpi[2]} the same status`);
        rows.set(kpi[2]!, found);
    }
    return rows;
}

interface Box { state: string; lines: string[]; x: number; width: number; textX: number }

/** Each metric box of the impact chains: its status class, its status lines, and where they sit, by node id. */
function boxes(html: string): Map<string, Box[]> {
    const found = new Map<string, Box[]>();
    for (const svg of inlineSvgs(html).filter(s => s.includes('class="align-graph'))) {
        for (const group of svg.split('<g class="node ').slice(1)) {
            const head = /^[^"]*\bstatus-([\w-]+)[^"]*" data-id="([\w.]+)"/.exec(group);
            if (!head) continue;
            const box = /<rect class="node-box" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/.exec(group)!;
            const texts = [...group.matchAll(/<text class="metric-status" x="([\d.]+)"[^>]*>([^<]*)<\/text>/g)];
            const state = head[1] === 'on-track' ? 'on' : head[1] === 'off-track' ? 'off' : head[1]!;
            const list = found.get(head[2]!) ?? [];
            list.push({ state, lines: texts.map(t => unescape(t[2]!)), x: Number(box[1]), width: Number(box[2]), textX: Number(texts[0]?.[1] ?? 0) });
            found.set(head[2]!, list);
        }
    }
    return found;
}

/** The status words of a box: its status lines joined, without `· 45% of the way`. */
const boxWords = (box: Box) => box.lines.join(' ').split(' · ')[0]!;

/** What the learning charts' descriptions say of a KPI (`from 12% on ... to 11% on ..., deadline passed.`, `72 on 2026-01-31, no actual since 2026-01.`), each time they name it. */
function describedWords(html: string, title: string): string[] {
    const descriptions = [...html.matchAll(/<desc id="c\d+-progress[^"]*">([^<]*)<\/desc>/g)].map(m => unescape(m[1]!));
    const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // Within its sentence: a figure may hold a dot (`11.1%`), never a dot and a space.
    const sentence = new RegExp(`(?:^|\\. )${escaped} \\((?:leading|lagging)\\): (?:(?!\\. ).)*? on \\d{4}-\\d{2}-\\d{2}, ([^.]+)\\.`, 'g');
    return descriptions.flatMap(d => [...d.matchAll(sentence)].map(m => m[1]!));
}

/** The status words of a KPI's own chart (`Deadline passed`), and its class. */
function chartStatus(html: string, id: string): { state: string; words: string } | undefined {
    const svg = inlineSvgs(html).find(s => s.includes('class="align-chart kpi-chart') && new RegExp(`aria-labelledby="c\\d+-${id.replace(/\./g, '-').toLowerCase()}-title`).test(s));
    if (!svg) return undefined;
    const state = /class="align-chart kpi-chart status-([\w-]+)/.exec(svg)![1]!;
    const words = /<text class="status-words"[^>]*>([^<]*)<\/text>/.exec(svg)![1]!;
    return { state: state === 'on-track' ? 'on' : state === 'off-track' ? 'off' : state, words: unescape(words) };
}

describe('align report: a KPI reads the same in its table row, its box, its chart and the learning chart', () => {
    before(requireBundle);
    after(removeTempDirs);

    const STALE = 'no actual since 2026-01';
    /** What each KPI reads at each date, in its row, its box, its chart and the learning chart. */
    const expected: Record<string, Record<string, string>> = {
        '2026-04-15': { Churn: 'on track', Retention: 'on track', Quality: STALE, Speed: STALE, Backlog: STALE },
        '2026-12-04': { Churn: 'deadline passed', Retention: 'target met', Quality: STALE, Speed: STALE, Backlog: STALE }
    };
    for (const [date, statuses] of Object.entries(expected)) {
        it(`as of ${date}`, () => {
            const html = reportAt(date, 'html');
            const table = tableStatuses(html);
            const drawn = boxes(html);
            assert.deepEqual(Object.fromEntries([...table].map(([id, row]) => [id, row.words])), statuses, 'the tables');
            for (const [id, row] of table) {
                const drawnBoxes = drawn.get(id) ?? [];
                assert.ok(drawnBoxes.length > 0, `${id} is drawn in the chain`);
                for (const box of drawnBoxes) {
                    assert.equal(box.state, row.state, `${id}: the box is drawn ${box.state}, the table says ${row.words}`);
                    // A KPI without actuals says why in its box (`no actuals yet`, `no target`), where the table says `track unknown`.
                    assert.equal(boxWords(box), row.words, `${id}: box ${box.lines.join(' / ')}`);
                }
                const chart = chartStatus(html, id);
                assert.ok(chart, `${id} has a chart`);
                assert.equal(chart.state, row.state, `${id}: its chart is drawn ${chart.state}`);
                assert.equal(chart.words.toLowerCase(), row.words, `${id}: its chart says ${chart.words}`);
                const described = describedWords(html, row.title);
                assert.ok(described.length > 0, `the learning chart describes ${id}`);
                for (const words of described) assert.equal(words, row.words, `${id}: the learning chart says ${words}`);
            }
        });
    }

    it('the dated words wrap inside their box', () => {
        const html = reportAt('2026-12-04', 'html');
        const all = [...boxes(html).values()].flat().filter(b => b.lines.length > 0);
        assert.ok(all.some(b => b.lines.length > 1 && b.lines[0]!.startsWith('no actual since 2026-01')), 'a box wraps no actual since onto two lines');
        for (const box of all) {
            for (const line of box.lines) {
                // The box keeps PAD (10 px) clear on its right.
                const right = box.textX + tableMeasure(line, TEXT.smallBold);
                assert.ok(right <= box.x + box.width - 10, `"${line}" ends at ${right.toFixed(1)}, past the box's padding ${box.x + box.width - 10}`);
            }
        }
    });

    it('Markdown: the Mermaid labels say the table\'s words', () => {
        const md = reportAt('2026-12-04', 'md');
        const rows = [...md.matchAll(/^\| [^|]*\(`([\w.]+)`\) \| (?:leading|lagging) \|(?:[^|]*\|){5} \**([^|*]+?)\**? \|$/gm)];
        assert.ok(rows.length > 0, 'the KPI tables');
        let checked = 0;
        for (const [, id, words] of rows) {
            const labels = [...md.matchAll(new RegExp(`n_${id!.replace(/\./g, '_')}\\["([^"]*)"\\]`, 'g'))].map(m => m[1]!.split('<br/>').at(-1)!);
            for (const label of labels) {
                assert.equal(label.split(' · ')[0], words, `${id}: Mermaid says ${label}`);
                checked++;
            }
        }
        assert.equal(checked, 5, 'the Mermaid graph draws the five KPIs of the table');
    });
});

/**
 * KPIs whose state is unknown for a reason the box gives: Wait has no
 * actuals (`no actuals yet`), Effort and Score no target (`no target`),
 * Effort with actuals, so with a chart and a row in the learning chart.
 */
const UNKNOWN_SOURCE = `outcome Keep "Keep customers" {
  measured by Wait, Effort, Score
  owner "COO"
}
metric Wait "Wait for a first reply" {
  kind lagging unit hours direction down baseline 20 target 8 by 2026-12-31
  source "Helpdesk" owner "Support" cadence monthly
}
metric Effort "Customer effort" {
  kind leading unit score direction down baseline 5
  source "Survey" owner "CX" cadence monthly
}
metric Score "Satisfaction score" {
  kind lagging unit score direction up baseline 70
  source "Survey" owner "CX" cadence monthly
}
program Pilot "Service pilot" {
  sponsor "VP" review monthly serves Keep
  metric Quiz "Service quiz" {
    kind learning unit percent direction up baseline 30% target 80% by 2026-06-30
    source "LMS" cadence weekly
  }
  skill Replies "Clear replies"
  behavior Answers "Answers in one reply" {
    enabled by Replies
    moves Wait, Effort, Score
  }
  objective Learn "Write clear replies" {
    builds Replies
    kpi Quiz
  }
}
actuals Effort {
  2026-03: 4.6
}
actuals Pilot.Quiz {
  2026-03-10: 60%
}
`;

describe('align report: a KPI whose state is unknown says why, the same in its table row and its box', () => {
    before(requireBundle);
    after(removeTempDirs);

    let unknownDir: string | undefined;
    function unknownReport(format: 'md' | 'html'): string {
        if (!unknownDir) writeFile(unknownDir = tempDir(), 'service.align', UNKNOWN_SOURCE);
        const result = runCli(['report', '--date', '2026-04-01', '--format', format], { cwd: unknownDir });
        assert.equal(result.status, 0, result.stderr);
        return result.stdout;
    }
    const expected = { Wait: 'no actuals yet', Effort: 'no target', Score: 'no target' };

    it('HTML: the table, the boxes and the charts', () => {
        const html = unknownReport('html');
        const table = tableStatuses(html);
        assert.deepEqual(Object.fromEntries([...table].map(([id, row]) => [id, row.words])), expected, 'the tables');
        const drawn = boxes(html);
        for (const [id, row] of table) {
            assert.equal(row.state, 'unknown', `${id} is drawn unknown`);
            const drawnBoxes = drawn.get(id) ?? [];
            assert.ok(drawnBoxes.length > 0, `${id} is drawn in the chain`);
            for (const box of drawnBoxes) assert.equal(boxWords(box), row.words, `${id}: box ${box.lines.join(' / ')}`);
        }
        const chart = chartStatus(html, 'Effort');
        assert.ok(chart, 'Effort has a chart');
        assert.equal(chart.words, 'No target', 'the chart says the table\'s words');
        // The learning chart as printed and its two views for narrower screens.
        assert.deepEqual(describedWords(html, 'Customer effort'), ['no target', 'no target', 'no target'], 'the learning chart says the table\'s words');
        assert.doesNotMatch(html.replace(/<span class="visually-hidden" style="[^"]*"> \(track unknown\)<\/span>—/g, ''), /track unknown/i, "only the summary's marks say `track unknown`");
    });

    it('Markdown: the table and the Mermaid labels', () => {
        const md = unknownReport('md');
        const rows = [...md.matchAll(/^\| [^|]*\(`([\w.]+)`\) \| (?:leading|lagging) \|(?:[^|]*\|){5} \**([^|*]+?)\**? \|$/gm)];
        assert.deepEqual(Object.fromEntries(rows.map(([, id, words]) => [id!, words!])), expected, 'the tables');
        for (const [id, words] of Object.entries(expected)) {
            const labels = [...md.matchAll(new RegExp(`n_${id}\\["([^"]*)"\\]`, 'g'))].map(m => m[1]!.split('<br/>').at(-1)!);
            assert.ok(labels.length > 0, `Mermaid draws ${id}`);
            for (const label of labels) assert.equal(label.split(' · ')[0], words, `${id}: Mermaid says ${label}`);
        }
        assert.match(md, /Customer effort \(`Effort`\): one actual, 4\.6 \(2026-03\); lower is better; no target\./, 'the trend line says it once');
    });
});
