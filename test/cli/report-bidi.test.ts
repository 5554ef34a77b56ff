/**
 * The HTML report of a workspace whose titles hold right-to-left text
 * (Hebrew) and bidi controls (a right-to-left override U+202E, an isolate
 * U+2067 left open, a U+2069 closing nothing), as does a file's name,
 * laid out in headless Chromium: each title keeps its own direction, and
 * nothing in it reorders the report's text around it: the `(Name)` after a
 * title stays on its right, and the words after it read in their order.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { useWorkspaceReport } from './report-page.js';

const RLO = '\u202e';
const RLI = '\u2067';
const PDI = '\u2069';
const HEBREW = '\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd?';
/** A right-to-left title whose isolate (U+2067) is left open. */
const PROGRAM = `\u05ea\u05d5\u05db\u05e0\u05d9\u05ea ${RLI}2026`;

const SOURCE = `outcome ReduceChurn "Outcome ${RLO}RTL" { measured by Churn }
metric Churn "${HEBREW}" { kind lagging unit percent direction down baseline 9% target 6% by 2026-12-31 }
actuals Churn { 2026-01: 8.5% }
metric Other "Other" { kind lagging unit percent }
actuals Other from "${RLO}missing.csv"
program Pilot "${PROGRAM}" {
  serves ReduceChurn
  skill Listening "Listening"
  behavior Asks "Asks" { enabled by Listening observed by manager }
  objective Obj "Objective ${PDI}${RLO}x" { builds Listening practice case "a call" }
}
`;

interface Box { left: number; right: number }

/**
 * The box of the first `part` in a text of the first element matching
 * `selector` whose text holds `holding` (in its `code` when `inCode`): the
 * union of its glyphs' boxes, wherever the bidi algorithm put them.
 */
async function boxOf(page: Page, selector: string, holding: string, part: string, inCode = false): Promise<Box> {
    const box = await page.evaluate(([selector, holding, part, inCode]) => {
        const element = [...document.querySelectorAll(selector)].find(e => e.textContent?.includes(holding));
        if (!element) return `no ${selector} holds ${holding}`;
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const at = node.textContent!.indexOf(part);
            if (at < 0 || inCode !== (node.parentElement?.closest('code') !== null)) continue;
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + part.length);
            const rect = range.getBoundingClientRect();
            return { left: rect.left, right: rect.right };
        }
        return `no text of ${selector} holding ${holding} has ${part}`;
    }, [selector, holding, part, inCode] as const);
    assert.ok(typeof box !== 'string', box as string);
    return box;
}

/** Asserts that `a` lies wholly left of `b` (half a pixel's tolerance). */
function leftOf(a: Box, b: Box, what: string): void {
    assert.ok(a.right <= b.left + 0.5, `${what}: ${JSON.stringify(a)} is not left of ${JSON.stringify(b)}`);
}

describe('align report: right-to-left text and bidi controls in titles', function () {
    this.timeout(120_000);
    const report = useWorkspaceReport(SOURCE, '2026-03-01');

    it('keeps an override in a title: the name after it stays on its right', async () => {
        const heading = 'h3#program-pilot-outcome-reducechurn';
        leftOf(await boxOf(report.page, heading, 'RTL', 'Outcome: '), await boxOf(report.page, heading, 'RTL', 'RTL'), 'the heading\'s words, then the title');
        leftOf(await boxOf(report.page, heading, 'RTL', 'RTL'), await boxOf(report.page, heading, 'RTL', 'ReduceChurn', true), 'the title, then its name');
    });

    it('keeps an override after a stray isolate end in a title: the words after it read in their order', async () => {
        const item = 'li';
        leftOf(await boxOf(report.page, item, 'reaches no metric', 'x'), await boxOf(report.page, item, 'reaches no metric', 'Obj', true), 'the title, then its name');
        leftOf(await boxOf(report.page, item, 'reaches no metric', 'reaches'), await boxOf(report.page, item, 'reaches no metric', 'metric'), 'the words after the title');
    });

    it('closes an isolate left open in a title before the name after it', async () => {
        const heading = 'h2#program-pilot';
        const name = await boxOf(report.page, heading, 'Pilot', 'Pilot', true);
        leftOf(await boxOf(report.page, heading, 'Pilot', '2026'), name, 'the title, then its name');
        leftOf(await boxOf(report.page, heading, 'Pilot', PROGRAM.split(' ')[0]!), name, 'the title, then its name');
    });

    it('shows a right-to-left title in its own direction, its name on its right', async () => {
        const cell = 'th[scope="row"]';
        const words = HEBREW.slice(0, -1).split(' ');
        // Read right to left: the first word on the right, the question mark at the left end.
        leftOf(await boxOf(report.page, cell, words[0]!, words[1]!), await boxOf(report.page, cell, words[0]!, words[0]!), 'the title\'s words, right to left');
        leftOf(await boxOf(report.page, cell, words[0]!, '?'), await boxOf(report.page, cell, words[0]!, words[1]!), 'the title\'s question mark at its left end');
        leftOf(await boxOf(report.page, cell, words[0]!, HEBREW), await boxOf(report.page, cell, words[0]!, 'Churn', true), 'the title, then its name');
    });

    it('keeps an override in a file\'s name quoted in a finding to that name', async () => {
        const item = 'li';
        leftOf(await boxOf(report.page, item, 'missing.csv', 'Fix'), await boxOf(report.page, item, 'missing.csv', 'path'), 'the words after the file\'s name');
    });
});
