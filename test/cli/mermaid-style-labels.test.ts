/**
 * Titles with `style` or `classDef` and then `:` render as written with the
 * real mermaid in Chromium (built bundle). Mermaid drops the last `;` of a
 * line matching `/style.*:\S*#.*;/` before it parses, which broke the last
 * entity code of such a label: `& listen` showed as `#amp listen`, and
 * `fill:#f00` as `fill:#35f00`.
 */
import assert from 'node:assert/strict';
import { assertRendered, useMermaidPage } from './mermaid-browser.js';
import { removeTempDirs, requireBundle, runCli, tempDir, writeFile } from './run-cli.js';

const TITLES = [
    'Adopt the coaching style:"ask first" & listen',
    'click callback; style O1 fill:#f00',
    'classDef x fill:#0f0; & <b>',
    'A lifestyle:[one] & {two}',
    'Guide:#1 & more',
];

const WORKSPACE = [
    'metric Csat "Customer satisfaction" {', '  kind lagging', '  unit percent', '  direction up', '  baseline 70%', '  target 80% by 2026-12-31', '  source "Survey"', '}',
    'outcome Happy "Happier customers" {', '  measured by Csat', '}',
    // `Lifestyle` and `styleGuide`: ids with `style` in them too.
    'program Lifestyle "Coaching style:\\"ask first\\"" {', '  serves Happy',
    ...TITLES.map((title, i) => `  objective ${i === TITLES.length - 1 ? 'styleGuide' : `O${i}`} "${title.replace(/["\\]/g, c => `\\${c}`)}" {\n    kpi Csat\n  }`),
    '}',
].join('\n') + '\n';

describe('Mermaid labels with style and classDef render as written', function () {
    this.timeout(120_000);
    before(requireBundle);
    after(removeTempDirs);
    const mermaid = useMermaidPage();

    for (const args of [[], ['--focus', 'Lifestyle']]) {
        it(`align graph ${args.join(' ')}`.trim(), async () => {
            const dir = tempDir();
            writeFile(dir, 'a.align', WORKSPACE);
            const result = runCli(['graph', '--format', 'mermaid', ...args], { cwd: dir });
            assert.equal(result.status, 0, result.stderr);
            const rendered = await mermaid().render(result.stdout);
            assertRendered(rendered, result.stdout);
            for (const title of TITLES) {
                assert.ok(rendered.nodes.some(n => n.startsWith(title)), `${title} in:\n${rendered.nodes.join('\n')}`);
            }
        });
    }
});
