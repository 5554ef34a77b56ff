/**
 * `align report --format html` through the built bundle: headings have ids
 * built from names (stable when other programs come and go), unique in the
 * page; the summary's program names and a table of contents link to the
 * sections, and every link inside the page resolves; the page declares a
 * light colour scheme so that mail clients forcing dark mode leave it alone.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { report } from './report-helpers.js';
import { REPO_ROOT, removeTempDirs, requireBundle, tempDir, writeFile } from './run-cli.js';

const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples');

const program = (name: string) => `program ${name} "Program ${name}" {
  sponsor "CRO" review monthly serves More
}
`;
const COMMON = 'metric Sales "Sales" {\n  kind lagging unit count direction up baseline 100 target 150 by 2026-12-31\n}\noutcome More "More sales" { measured by Sales }\n';

/** The ids of the page's elements, in order. */
function idsOf(html: string): string[] {
    return [...html.matchAll(/\sid="([^"]+)"/g)].map(m => m[1]!);
}

/** The ids of the h2 and h3 headings. */
function headingIds(html: string): string[] {
    return [...html.matchAll(/<h[23](?: id="([^"]*)")?>/g)].map(m => m[1] ?? '(none)');
}

describe('align report --format html: anchors, contents and colour scheme', () => {
    before(requireBundle);
    after(removeTempDirs);

    it('gives every heading an id from names, unique in the page, and every link inside the page resolves', () => {
        const html = report(['--format', 'html'], EXAMPLES_DIR);
        const ids = idsOf(html);
        assert.equal(new Set(ids).size, ids.length, `duplicate ids: ${ids.filter((id, i) => ids.indexOf(id) !== i).join(', ')}`);
        const headings = headingIds(html);
        assert.ok(!headings.includes('(none)'), 'every h2 and h3 has an id');
        assert.ok(!headings.some(id => /^heading-\d+$/.test(id)), 'no numbered ids');
        for (const id of ['program-churnpilot', 'program-churnpilot-outcome-reducechurn', 'program-churnpilot-alignment', 'program-churnpilot-roi', 'program-churnpilot-chain', 'program-valuesellingpilot-learning']) {
            assert.ok(headings.includes(id), id);
        }
        const refs = [...html.matchAll(/href="#([^"]*)"/g)].map(m => m[1]!);
        assert.ok(refs.length > 0);
        for (const ref of refs) assert.ok(ids.includes(ref), `#${ref} resolves`);
    });

    it('links each program of the summary table to its section, and lists the sections after the summary', () => {
        const html = report(['--format', 'html'], EXAMPLES_DIR);
        const summary = html.slice(html.indexOf('<h2 id="summary">'), html.indexOf('<nav class="contents"'));
        assert.ok(summary.includes('<th scope="row" data-label="Program"><a href="#program-churnpilot"><bdi>Churn reduction pilot</bdi> (<code dir="ltr">ChurnPilot</code>)</a></th>'), summary);
        const contents = /<nav class="contents" aria-labelledby="contents">[^]*?<\/nav>/.exec(html)?.[0] ?? '';
        assert.ok(html.indexOf(contents) > html.indexOf('<h2 id="summary">') && html.indexOf(contents) < html.indexOf('<section class="part"'), 'after the summary, before the programs');
        const programs = [...html.matchAll(/<h2 id="(program-[^"]+)">/g)].map(m => m[1]!);
        assert.deepEqual([...contents.matchAll(/href="#(program-[^"]+)"/g)].map(m => m[1]), programs, 'every program, in order');
    });

    it('keeps a program\'s ids when another program is added before it', () => {
        const one = tempDir();
        writeFile(one, 'a.align', COMMON + program('Beta'));
        const two = tempDir();
        writeFile(two, 'a.align', COMMON + program('Alpha') + program('Beta'));
        const beta = (html: string) => headingIds(html.slice(html.indexOf('<h2 id="program-beta">'))).filter(id => id.startsWith('program-beta'));
        const alone = beta(report(['--format', 'html'], one));
        assert.ok(alone.length >= 5, alone.join(' '));
        assert.deepEqual(beta(report(['--format', 'html'], two)), alone);
    });

    it('declares a light colour scheme only (meta and CSS): a browser or mail client that forces dark mode leaves it alone', () => {
        const html = report(['--format', 'html'], EXAMPLES_DIR);
        assert.ok(html.includes('<meta name="color-scheme" content="only light">'));
        assert.match(html, /:root \{ color-scheme: only light;/);
    });
});
