import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EmptyFileSystem } from 'langium';
import { createAlignServices } from '../../language/align-module.js';
import { HOST_WITHOUT_LINKS } from '../../language/host.js';
import { parseAlignConfig } from '../../language/config/parse-config.js';
import { formatAlign } from '../../language/format/format-align.js';
import { ALL_RULES, RULES } from '../../language/rules.js';
import { checkWorkspace, expectedFindings, findingKeys, type TestFinding } from './helpers/check-workspace.js';

/**
 * The documentation is tested like code: every rule has a page, every
 * ```align block parses, marked blocks really fire (or stay silent), every
 * relative link resolves, and the example programs in examples/ are clean.
 *
 * Markers, on the line right before a fence:
 *   <!-- align: fires RULE -->      the block produces a finding of RULE
 *   <!-- align: clean-for RULE -->  the block produces no finding of RULE
 *   <!-- align: clean -->           the block produces no finding at all
 * Before a ```json fence, `fires config-invalid` / `clean-for config-invalid`
 * check the block as an align.config.json.
 */

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const docs = path.join(repo, 'docs');
const examples = path.join(repo, 'examples');

/** Files under a folder, relative, with `/` separators, sorted. */
function listFiles(folder: string): string[] {
    return fs.readdirSync(folder, { recursive: true, withFileTypes: true })
        .filter(e => e.isFile())
        .map(e => path.relative(folder, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
        .sort();
}

const read = (file: string): string => fs.readFileSync(file, 'utf-8');

/** Markdown files whose blocks and links are tested, relative to the repository. */
const markdownFiles = [
    ...listFiles(docs).filter(f => f.endsWith('.md')).map(f => `docs/${f}`),
    ...(fs.existsSync(path.join(repo, 'README.md')) ? ['README.md'] : [])
];

type Marker = { kind: 'fires' | 'clean-for'; rules: string[] } | { kind: 'clean' } | undefined;

interface CodeBlock {
    file: string;
    /** 1-based line of the opening fence. */
    line: number;
    language: string;
    text: string;
    marker: Marker;
}

const MARKER = /^\s*<!--\s*align:\s*(fires|clean-for|clean)\b([^>]*?)\s*-->\s*$/;

function parseMarker(line: string | undefined): Marker {
    const m = line === undefined ? null : MARKER.exec(line);
    if (!m) return undefined;
    if (m[1] === 'clean') return { kind: 'clean' };
    return { kind: m[1] as 'fires' | 'clean-for', rules: m[2]!.split(/[,\s]+/).filter(Boolean) };
}

/** Fenced code blocks of a markdown text, with the marker on the line before each. */
function codeBlocks(file: string, text: string): CodeBlock[] {
    const lines = text.split(/\r?\n/);
    const blocks: CodeBlock[] = [];
    for (let i = 0; i < lines.length; i++) {
        const open = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)/.exec(lines[i]!);
        if (!open) continue;
        const [, indent, fence, language] = open;
        const body: string[] = [];
        let j = i + 1;
        while (j < lines.length && !(lines[j]!.trim().startsWith(fence!) && lines[j]!.trim().replace(/[`~]/g, '') === '')) {
            body.push(lines[j]!.startsWith(indent!) ? lines[j]!.slice(indent!.length) : lines[j]!);
            j++;
        }
        blocks.push({ file, line: i + 1, language: language ?? '', text: body.join('\n') + '\n', marker: parseMarker(lines[i - 1]) });
        i = j;
    }
    return blocks;
}

/** Lines that hold a marker, for the check that each marker sits right before a fence. */
function markerLines(text: string): number[] {
    return text.split(/\r?\n/).flatMap((line, i) => MARKER.test(line) ? [i + 1] : []);
}

const allBlocks = markdownFiles.flatMap(f => codeBlocks(f, read(path.join(repo, f))));
const alignBlocks = allBlocks.filter(b => b.language === 'align');
const ruleIds = new Set<string>(ALL_RULES.map(r => r.id));
const where = (b: CodeBlock): string => `${b.file}:${b.line}`;
const show = (findings: readonly TestFinding[]): string => findings.map(f => `${f.line}:${f.column} ${f.rule}`).join('; ') || 'none';

describe('documentation', () => {
    describe('rule pages (docs/rules)', () => {
        const pages = listFiles(path.join(docs, 'rules')).filter(f => f.endsWith('.md') && f !== 'README.md');

        it('has a page for every rule id', () => {
            const missing = ALL_RULES.map(r => r.id).filter(id => !pages.includes(`${id}.md`));
            assert.deepEqual(missing, []);
        });

        it('names an existing rule id on every page, in the file name and the title', () => {
            for (const page of pages) {
                const id = page.replace(/\.md$/, '');
                assert.ok(ruleIds.has(id), `docs/rules/${page} names no rule id`);
                const title = read(path.join(docs, 'rules', page)).split(/\r?\n/).find(l => l.startsWith('# '));
                assert.equal(title, `# \`${id}\``, `docs/rules/${page}: the title must be the rule id`);
            }
        });

        it('states each rule\'s default severity', () => {
            for (const rule of ALL_RULES) {
                const text = read(path.join(docs, 'rules', `${rule.id}.md`));
                assert.match(text, new RegExp(`Default severity: \\*\\*${rule.defaultSeverity}\\*\\*`), `docs/rules/${rule.id}.md`);
            }
        });

        it('shows on every page an example that fires the rule and a fix that does not', () => {
            // No text fires `internal-error`: it reports a bug in Align.
            for (const rule of ALL_RULES.filter(r => r.id !== 'internal-error')) {
                const file = `docs/rules/${rule.id}.md`;
                const blocks = allBlocks.filter(b => b.file === file && b.marker && b.marker.kind !== 'clean');
                const has = (kind: string) => blocks.some(b => b.marker!.kind === kind && 'rules' in b.marker! && b.marker.rules.includes(rule.id));
                assert.ok(has('fires'), `${file} has no block marked fires ${rule.id}`);
                assert.ok(has('clean-for'), `${file} has no block marked clean-for ${rule.id}`);
            }
        });

        it('lists every page in the index, with its default severity', () => {
            const index = read(path.join(docs, 'rules', 'README.md'));
            for (const rule of ALL_RULES) {
                assert.match(index, new RegExp(`\\[\`${rule.id}\`\\]\\(${rule.id}\\.md\\)\\s*\\|\\s*${rule.defaultSeverity}\\b`), `the index lacks ${rule.id}`);
            }
            assert.equal(RULES.length + 4, ALL_RULES.length);
        });
    });

    describe('markers', () => {
        it('sit right before a fenced block and name existing rule ids', () => {
            for (const file of markdownFiles) {
                const text = read(path.join(repo, file));
                const marked = new Set(codeBlocks(file, text).filter(b => b.marker).map(b => b.line - 1));
                for (const line of markerLines(text)) assert.ok(marked.has(line), `${file}:${line}: a marker must be on the line before a fence`);
            }
            for (const block of allBlocks) {
                if (block.marker && 'rules' in block.marker) {
                    assert.ok(block.marker.rules.length > 0, `${where(block)}: the marker names no rule`);
                    for (const id of block.marker.rules) assert.ok(ruleIds.has(id), `${where(block)}: unknown rule id ${id}`);
                }
                if (block.marker && block.language !== 'align') {
                    assert.equal(block.language, 'json', `${where(block)}: markers apply to align and json blocks only`);
                    assert.ok('rules' in block.marker && block.marker.rules.every(r => r === 'config-invalid'), `${where(block)}: a json block can only be marked for config-invalid`);
                }
            }
        });

        it('mark enough blocks for the test to mean something', () => {
            assert.ok(alignBlocks.length >= 60, `only ${alignBlocks.length} align blocks`);
            assert.ok(alignBlocks.filter(b => b.marker).length >= 50);
        });
    });

    describe('every ```align block parses', () => {
        const parser = createAlignServices({ ...EmptyFileSystem, host: HOST_WITHOUT_LINKS }).Align.parser.LangiumParser;
        for (const block of alignBlocks) {
            const syntaxExample = block.marker?.kind === 'fires' && block.marker.rules.includes('syntax');
            // A `fires syntax` example need not parse: the marked-block test checks that it fires.
            it(`${where(block)}${syntaxExample ? ' (a syntax example, not required to parse)' : ''}`, () => {
                const result = parser.parse(block.text);
                const errors = [...result.lexerErrors.map(e => `${e.line}:${e.column} ${e.message}`), ...result.parserErrors.map(e => `${e.token.startLine}:${e.token.startColumn} ${e.message}`)];
                if (!syntaxExample) assert.deepEqual(errors, [], `${where(block)} does not parse`);
            });
        }
    });

    describe('marked ```align blocks check as marked', () => {
        for (const block of alignBlocks.filter(b => b.marker)) {
            const marker = block.marker!;
            const label = marker.kind === 'clean' ? 'clean' : `${marker.kind} ${marker.rules.join(', ')}`;
            it(`${where(block)}: ${label}`, async () => {
                const { findings } = await checkWorkspace({ 'a.align': block.text });
                if (marker.kind === 'clean') assert.equal(show(findings), 'none', `${where(block)} is marked clean`);
                else if (marker.kind === 'fires') {
                    for (const rule of marker.rules) assert.ok(findings.some(f => f.rule === rule), `${where(block)} should fire ${rule}; findings: ${show(findings)}`);
                } else {
                    for (const rule of marker.rules) assert.equal(show(findings.filter(f => f.rule === rule)), 'none', `${where(block)} should not fire ${rule}`);
                }
            });
        }
    });

    describe('marked ```json blocks check as align.config.json', () => {
        for (const block of allBlocks.filter(b => b.language === 'json' && b.marker && b.marker.kind !== 'clean')) {
            const fires = block.marker!.kind === 'fires';
            it(`${where(block)}: ${fires ? 'fires' : 'clean-for'} config-invalid`, () => {
                const { problems } = parseAlignConfig(block.text);
                if (fires) assert.ok(problems.length > 0, `${where(block)} should be an invalid align.config.json`);
                else assert.deepEqual(problems, []);
            });
        }
    });

    describe('relative links', () => {
        for (const file of markdownFiles) {
            it(`${file}: every relative link into the repository resolves`, () => {
                // The README draft is README text: its links are relative to the repository root.
                const base = file === 'docs/readme-draft.md' ? repo : path.dirname(path.join(repo, file));
                for (const target of relativeLinks(read(path.join(repo, file)))) {
                    const resolved = path.resolve(base, decodeURIComponent(target.split('#')[0]!));
                    if (path.relative(repo, resolved).startsWith('..')) continue;
                    assert.ok(fs.existsSync(resolved), `${file}: link ${target} does not resolve`);
                    const anchor = target.split('#')[1];
                    if (anchor && resolved.endsWith('.md')) {
                        assert.ok(headingSlugs(read(resolved)).has(anchor), `${file}: link ${target}: no heading #${anchor}`);
                    }
                }
            });
        }

        it('finds links (the check is not empty)', () => {
            assert.ok(relativeLinks(read(path.join(docs, 'rules', 'README.md'))).length >= ALL_RULES.length);
        });
    });

    describe('figures that docs/language.md states', () => {
        const language = read(path.join(docs, 'language.md'));
        const blockWith = (...needles: string[]): string => {
            const block = alignBlocks.find(b => b.file === 'docs/language.md' && needles.every(n => b.text.includes(n)));
            assert.ok(block, `no block in docs/language.md holds ${needles.join(', ')}`);
            return block.text;
        };

        it('the ROI example gives the benefit, ROI and BCR of the text', async () => {
            const { graph } = await checkWorkspace({ 'a.align': blockWith('cost 45000 USD', 'actuals RenewalRate') });
            const roi = graph.node('ChurnPilot')?.programFigures?.roi;
            assert.deepEqual(roi?.missing, []);
            assert.equal(roi?.benefit, 57000);
            assert.equal(Math.round(roi!.roiPercent!), 27);
            assert.equal(roi?.bcr?.toFixed(2), '1.27');
            assert.match(language, /57,000 USD; ROI =\s+\(57,000 − 45,000\) \/ 45,000 × 100 ≈ 27%; BCR ≈ 1\.27/);
        });

        it('the trajectory examples expect the values of the text', async () => {
            const offTrack = await checkWorkspace({ 'a.align': blockWith('actuals PipelineHygiene') });
            const pipeline = offTrack.graph.node('PipelineHygiene')?.metric;
            assert.equal(pipeline?.expected?.toFixed(1), '71.6');
            assert.equal(pipeline?.onTrack, false);
            const churn = await checkWorkspace(Object.fromEntries(['churn-pilot.align', 'catalog/metrics.align', 'catalog/data/nps.csv']
                .map(n => [n, read(path.join(examples, n))])));
            const repeat = churn.graph.node('ChurnPilot.RepeatContactRate')?.metric;
            assert.equal(repeat?.expected?.toFixed(2), '14.22');
            assert.equal(repeat?.onTrack, true);
            assert.match(language, /≈ 14\.22/);
            assert.match(language, /≈ 71\.6/);
        });
    });

    describe('examples/', () => {
        // The standards package's templates hold `${name}` placeholders: test/cli/templates.test.ts checks them filled.
        // Its node_modules (npm install in standards-workspace) is not part of the examples.
        const names = listFiles(examples).filter(n => !n.startsWith('standards/templates/') && !n.includes('node_modules/'));
        const files = Object.fromEntries(names.filter(n => !n.endsWith('.md')).map(n => [n, read(path.join(examples, n))]));
        const catalog = Object.fromEntries(Object.entries(files).filter(([n]) => n.startsWith('catalog/')));
        const shared = path.join(repo, 'test/fixtures/examples');

        it('holds the shared examples (test/fixtures/examples): CSV files unchanged, .align files in the canonical layout of align fmt', () => {
            for (const name of listFiles(shared).filter(n => n.endsWith('.csv'))) {
                assert.equal(files[name], read(path.join(shared, name)), `examples/${name} differs from test/fixtures/examples/${name}`);
            }
            for (const name of listFiles(shared).filter(n => n.endsWith('.align'))) {
                const formatted = formatAlign(read(path.join(shared, name)));
                assert.ok('text' in formatted, `test/fixtures/examples/${name}: ${'error' in formatted ? formatted.error : ''}`);
                assert.equal(files[name], formatted.text, `examples/${name} differs from test/fixtures/examples/${name} formatted`);
            }
        });

        it('is in the canonical layout of align fmt, every file', () => {
            for (const name of names.filter(n => n.endsWith('.align'))) {
                const formatted = formatAlign(files[name]!);
                assert.equal('text' in formatted ? formatted.text : formatted.error, files[name], `examples/${name} is not formatted`);
            }
        });

        it('sales-enablement.align checks clean with the catalog and its pulled snapshot, with a complete, attributed ROI', async () => {
            const pulled = Object.fromEntries(Object.entries(files).filter(([n]) => n.startsWith('data/') || n.startsWith('queries/') || n === 'align.lock.json'));
            assert.deepEqual(Object.keys(pulled).sort(), ['align.lock.json', 'data/closed-won.csv', 'data/deal-size.csv', 'queries/deal-size.sql']);
            const { findings, graph } = await checkWorkspace({ ...catalog, ...pulled, 'sales-enablement.align': files['sales-enablement.align']! });
            assert.equal(show(findings), 'none');
            const roi = graph.node('ValueSellingPilot')?.programFigures?.roi;
            assert.deepEqual(roi?.missing, []);
            assert.ok(roi?.roiPercent !== undefined && roi.bcr !== undefined && roi.bcr > 1);
            assert.deepEqual(roi.attribution?.map(a => `${a.metric} ${a.method}`), ['DealSize trend', 'ChurnRate estimate']);
            assert.ok(roi.benefit! < roi.rawBenefit!, 'the attributed benefit is less than the raw one');
            assert.equal(graph.node('DealSize')?.metric?.actuals.length, 6, 'DealSize read from its snapshot');
            assert.ok(graph.graph.nodes.filter(n => n.metric?.onTrack === true).length >= 3);
        });

        it('safety-program/ checks clean with the catalog, with actuals read from its CSV files', async () => {
            const program = Object.fromEntries(Object.entries(files).filter(([n]) => n.startsWith('safety-program/')));
            assert.ok(Object.keys(program).some(n => n.endsWith('.csv')));
            const { findings, graph } = await checkWorkspace({ ...catalog, ...program });
            assert.equal(show(findings), 'none');
            const fromCsv = graph.graph.nodes.filter(n => n.uri.includes('safety-program') && (n.metric?.actuals.length ?? 0) > 0);
            assert.ok(fromCsv.length >= 2 && fromCsv.every(n => n.metric!.onTrack === true));
        });

        it('as a whole, gives exactly the findings that the expect: comments list', async () => {
            const { findings } = await checkWorkspace(files);
            for (const name of names.filter(n => n.endsWith('.align'))) {
                assert.deepEqual(findingKeys(findings, name), expectedFindings(files[name]!), `examples/${name}`);
            }
        });
    });
});

/** Targets of inline markdown links and images outside code, without http(s), mailto or anchor-only links. */
function relativeLinks(text: string): string[] {
    const prose = text.replace(/^(\s*)(`{3,}|~{3,})[\s\S]*?^\1\2\s*$/gm, '').replace(/`[^`\n]*`/g, '');
    return [...prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map(m => m[1]!)
        .filter(t => !/^[a-z][a-z0-9+.-]*:/i.test(t) && !t.startsWith('#'));
}

/** GitHub's anchors for the headings of a markdown text. */
function headingSlugs(text: string): Set<string> {
    const slugs = new Set<string>();
    const seen = new Map<string, number>();
    const prose = text.replace(/^(`{3,}|~{3,})[\s\S]*?^\1\s*$/gm, '');
    for (const m of prose.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
        const base = m[1]!.toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').trim().replace(/\s/g, '-');
        const count = seen.get(base) ?? 0;
        seen.set(base, count + 1);
        slugs.add(count === 0 ? base : `${base}-${count}`);
    }
    return slugs;
}
