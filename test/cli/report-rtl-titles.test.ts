/**
 * The impact chains of the HTML report of a workspace whose titles are in
 * Hebrew, laid out in headless Chromium: each line of a box's title reads
 * in its own direction, as `dir="auto"` text does (the `?` of a Hebrew
 * question at its left end, an English word in a Hebrew line in its
 * place), and stays in its box, where a left-to-right title is drawn.
 */
import { assertInTextColumn, assertLeftOf, spanOf, titleGlyphs } from '../webview/harness/title-glyphs.js';
import { useWorkspaceReport } from './report-page.js';

/** "What do we do now?" */
const QUESTION = '\u05de\u05d4 \u05e2\u05d5\u05e9\u05d9\u05dd \u05e2\u05db\u05e9\u05d9\u05d5?';
/** "A Zoom call of 30 minutes". */
const MIXED = '\u05e9\u05d9\u05d7\u05ea Zoom \u05e9\u05dc 30 \u05d3\u05e7\u05d5\u05ea';

const SOURCE = `outcome ReduceChurn "Reduce churn" { measured by Churn }
metric Churn "${QUESTION}" { kind lagging unit percent direction down baseline 9% target 6% by 2026-12-31 }
actuals Churn { 2026-01: 8.5% }
program Pilot "Pilot" {
  serves ReduceChurn
  skill Listening "${MIXED}"
  behavior Asks "Asks open questions" { enabled by Listening observed by manager moves Churn }
  objective Obj "Objective" { builds Listening practice case "a call" }
}
`;

describe('align report: right-to-left titles in the drawings of the chains', function () {
    this.timeout(120_000);
    const report = useWorkspaceReport(SOURCE, '2026-03-01');

    it('draws a Hebrew question right to left, its question mark at the left end, inside its box', async () => {
        for (const { box, lines } of await titleGlyphs(report.page, 'Churn')) {
            const line = lines.find(l => l.text.includes('?'))!;
            assertLeftOf(spanOf(line, '?'), spanOf(line, QUESTION[0]!), 'the question mark, then the first letter');
            assertLeftOf(spanOf(line, QUESTION.split(' ')[1]!), spanOf(line, QUESTION.split(' ')[0]!), 'the second word, then the first');
            assertInTextColumn(box, lines, 'Churn');
        }
    });

    it('keeps an English word and a number in their places in a Hebrew line', async () => {
        const words = MIXED.split(' ');
        for (const { box, lines } of await titleGlyphs(report.page, 'Pilot.Listening')) {
            const line = lines.find(l => l.text.includes('Zoom'))!;
            assertLeftOf(spanOf(line, 'Zoom'), spanOf(line, words[0]!), 'the English word, then the first Hebrew word');
            assertLeftOf(spanOf(line, words[4]!), spanOf(line, '30'), 'the last word, then the number');
            assertLeftOf(spanOf(line, '30'), spanOf(line, words[2]!), 'the number, then the word before it');
            assertInTextColumn(box, lines, 'Pilot.Listening');
        }
    });

    it('draws an English title left to right from where it starts', async () => {
        for (const { box, lines } of await titleGlyphs(report.page, 'Pilot.Asks')) {
            assertLeftOf(spanOf(lines[0]!, 'Asks'), spanOf(lines[0]!, 'open'), 'the first word, then the second');
            assertInTextColumn(box, lines, 'Pilot.Asks');
        }
    });
});
