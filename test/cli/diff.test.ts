/**
 * `align diff` as a child process on the built bundle, between revisions
 * of real git repositories made here: a review change (an objective
 * without a KPI, a renamed skill, moved targets, a removed link) gives the
 * golden Markdown, JSON and text; a refactoring (a block moved to another
 * file, every file reformatted, declarations reordered) gives an empty diff.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Validator } from 'jsonschema';
import { assertGolden } from './golden/golden.js';
import { gitRepo, HAS_GIT, reviewChange, type GitRepo } from './git-repo.js';
import { EXAMPLES, linesOf, REPO_ROOT, removeTempDirs, requireBundle, runCli, tempDir } from './run-cli.js';

const SCHEMA = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'docs', 'schemas', 'align-diff-v1.schema.json'), 'utf-8'));

/** Asserts that `align diff --format json` output follows the documented schema. */
function assertSchema(json: unknown): void {
    assert.deepEqual(new Validator().validate(json, SCHEMA).errors.map(e => e.stack), []);
}

/** `align diff ...args` in the repository, asserting exit 0 and a quiet stderr. */
function diff(repo: GitRepo, ...args: string[]): string {
    const result = runCli(['diff', ...args], { cwd: repo.dir, env: { TMPDIR: tmp } });
    assert.equal(result.status, 0, `align diff ${args.join(' ')}\n${result.stderr}`);
    assert.equal(result.stderr, '');
    return result.stdout;
}

let tmp: string;

describe('align diff between git revisions', function () {
    this.timeout(120_000);
    let repo: GitRepo;

    before(function () {
        requireBundle();
        if (!HAS_GIT) this.skip();
        tmp = tempDir('align-tmp-');
        repo = gitRepo(EXAMPLES);
        repo.git('tag', 'base');
        reviewChange(repo);
        repo.commit('review change');
        repo.git('tag', 'review');
    });
    after(removeTempDirs);

    it('the review change as one PR comment (golden Markdown)', () => {
        const md = diff(repo, 'base', 'review', '--format', 'md');
        assertGolden('diff-review.md', md);
        assert.ok(md.startsWith('<!-- align-diff -->\n'), 'the hidden marker first');
        assert.ok(md.length < 65_536);
        assert.equal(fs.readdirSync(tmp).length, 0, 'the temporary copy is removed');
    });

    it('the review change as JSON (golden, schema align-diff/v1)', () => {
        const json = diff(repo, 'base', 'review', '--format', 'json');
        assertGolden('diff-review.json', json);
        const parsed = JSON.parse(json);
        assertSchema(parsed);
        assert.equal(parsed.schema, 'align-diff/v1');
        assert.deepEqual(parsed.nodes.renamed.map((r: { from: { id: string }; to: { id: string } }) => `${r.from.id} -> ${r.to.id}`), ['ChurnPilot.NeedsDiscovery -> ChurnPilot.DiscoveryQuestions']);
        assert.deepEqual(parsed.kpiLinks.addedWithout.map((n: { id: string }) => n.id), ['DiscoveryBootcamp.Negotiate']);
        assert.deepEqual(parsed.links.removed, [{ kind: 'moves', from: 'ChurnPilot.Summarizing', to: 'NPS' }]);
    });

    it('the review change as text: golden, every line within 80 columns', () => {
        const text = diff(repo, 'base', 'review');
        assertGolden('diff-review.txt', text);
        const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf-8');
        assert.ok(readme.includes('```text\n' + linesOf(text).slice(0, 20).join('\n') + '\n...\n```'), 'the README shows the start of this output');
        for (const line of linesOf(text)) assert.ok([...line].length <= 80, `longer than 80 columns: ${line}`);
    });

    it('a refactoring (moved to another file, reformatted, reordered) is an empty diff', () => {
        const sales = fs.readFileSync(path.join(repo.dir, 'sales-win-rate.align'), 'utf-8');
        const block = sales.slice(sales.indexOf('metric WinRate'), sales.indexOf('outcome GrowWinRate'));
        repo.edit('sales-win-rate.align', t => t.replace(block, '').replace('  skill QualifyingQuestions "Qualifying questions"\n  skill MutualActionPlans "Mutual action plans"\n',
            '  skill MutualActionPlans "Mutual action plans"\n  skill QualifyingQuestions "Qualifying questions"\n'));
        fs.writeFileSync(path.join(repo.dir, 'catalog', 'win-rate.align'), block);
        const fmt = runCli(['fmt', '.'], { cwd: repo.dir });
        assert.equal(fmt.status, 0, fmt.stderr);
        assert.ok(fmt.stdout.trim().length > 0, 'fmt changed some files: the refactoring reformats');
        repo.commit('refactor');
        assert.equal(diff(repo, 'HEAD~1', 'HEAD'), 'Align diff: HEAD~1 (' + repo.git('rev-parse', '--short=7', 'HEAD~1').trim() + ') → HEAD ('
            + repo.git('rev-parse', '--short=7', 'HEAD').trim() + ')\nNo change to the impact chain · coverage 9/12 (75%)\n');
        const json = JSON.parse(diff(repo, 'HEAD~1', 'HEAD', '--format', 'json'));
        assertSchema(json);
        assert.equal(json.empty, true);
        assert.equal(json.findings.unchanged, 16);
        const md = diff(repo, 'HEAD~1', '--format', 'md');
        assert.match(md, /^<!-- align-diff -->\n### Align: impact-chain changes\n\n\*\*No change to the impact chain · coverage 9\/12 \(75%\)\*\*\n/);
        assert.ok(!md.includes('```mermaid'), 'no picture for an empty diff');
    });

    it('HEAD defaults to the working tree, and the repository is left as it was', () => {
        repo.edit('safety.align', t => t.replace('owner "Plant EHS leads"', 'owner "Plant EHS leads"\n    source "EHS system: near-miss log"'));
        const status = repo.git('status', '--porcelain');
        const index = repo.git('ls-files', '--stage');
        const text = diff(repo, 'HEAD');
        assert.match(text, /^Align diff: HEAD \([0-9a-f]{7}\) → working tree\n/);
        assert.match(text, /~ metric LockoutTagout\.NearMissReports\n\s+source: none → "EHS system: near-miss log"\n/);
        assert.match(text, /Fixed findings\n\s+- warning metric-without-source in LockoutTagout\.NearMissReports\s+\(safety\.align:26\)\n/);
        assert.equal(repo.git('status', '--porcelain'), status, 'work tree untouched');
        assert.equal(repo.git('ls-files', '--stage'), index, 'index untouched');
        repo.git('checkout', '--', 'safety.align');
    });

    it('paths after -- limit both sides to them; file names are relative to the repository', () => {
        const sub = diff(repo, 'base', 'review', '--format', 'json', '--', 'churn-pilot.align');
        const parsed = JSON.parse(sub);
        assert.deepEqual(parsed.nodes.renamed.map((r: { to: { file: string } }) => r.to.file), ['churn-pilot.align']);
        assert.deepEqual([parsed.base.files, parsed.head.files], [1, 1]);
        assert.deepEqual(parsed.kpiLinks.addedWithout, []);
        const fromSub = runCli(['diff', 'review', 'HEAD', '--format', 'json', '--', '.'], { cwd: path.join(repo.dir, 'catalog') });
        assert.equal(fromSub.status, 0, fromSub.stderr);
        assert.deepEqual(JSON.parse(fromSub.stdout).nodes.added.map((n: { id: string; file: string }) => `${n.id} ${n.file}`), ['WinRate catalog/win-rate.align']);
    });

    it('the sides line names the paths compared when they are not the whole repository', () => {
        const short = (rev: string) => repo.git('rev-parse', '--short=7', rev).trim();
        const sides = (text: string) => text.split('\n')[0];
        assert.equal(sides(diff(repo, 'base', 'review', '--', 'churn-pilot.align', 'catalog')),
            `Align diff: base (${short('base')}) → review (${short('review')}), in churn-pilot.align, catalog`);
        const fromSub = runCli(['diff', 'base', 'review', '--format', 'md'], { cwd: path.join(repo.dir, 'catalog') });
        assert.equal(fromSub.status, 0, fromSub.stderr);
        assert.match(fromSub.stdout, new RegExp(`^\`base\` \\(${short('base')}\\) → \`review\` \\(${short('review')}\\), in \`catalog\`$`, 'm'));
        assert.equal(sides(diff(repo, 'base', 'review')), `Align diff: base (${short('base')}) → review (${short('review')})`, 'the whole repository: no paths named');
        assert.equal(sides(diff(repo, 'base', 'review', '--', '.', 'catalog')), `Align diff: base (${short('base')}) → review (${short('review')})`, 'the top among them: the whole repository');
    });

    it('compares two folders', () => {
        const old = tempDir();
        const now = tempDir();
        fs.cpSync(EXAMPLES, old, { recursive: true });
        fs.cpSync(EXAMPLES, now, { recursive: true });
        fs.writeFileSync(path.join(now, 'extra.align'), 'skill Spare "Spare skill"\n');
        const result = runCli(['diff', old, now, '--format', 'json']);
        assert.equal(result.status, 0, result.stderr);
        const parsed = JSON.parse(result.stdout);
        assertSchema(parsed);
        assert.deepEqual(parsed.nodes.added.map((n: { id: string; file: string }) => `${n.id} ${n.file}`), ['Spare extra.align']);
        assert.deepEqual(parsed.findings.new.map((f: { rule: string; file: string }) => `${f.rule} ${f.file}`), ['skill-enables-nothing extra.align']);
        assert.equal(parsed.base.commit, undefined);
    });
});

describe('align diff when a program is replaced or renamed', function () {
    this.timeout(120_000);
    const ids = (refs: ReadonlyArray<{ id: string }>) => refs.map(r => r.id);
    const CHILDREN = ['BusinessResult', 'CoreSkill', 'LaggingKpi', 'LeadingKpi', 'ManagerKit', 'OnTheJob', 'PractiseSkill'];

    /** A repository whose `main` holds program Beta and whose `feature` holds Gamma instead, both from `align init`. */
    function replaced(title: { beta: string; gamma: string }): GitRepo {
        const repo = gitRepo();
        const init = (name: string, programTitle: string) => {
            const result = runCli(['init', name, '--title', programTitle, '--date', '2026-01-05', '--output', `${name}.align`], { cwd: repo.dir });
            assert.equal(result.status, 0, result.stderr);
        };
        init('Beta', title.beta);
        repo.commit('Beta');
        repo.git('checkout', '-q', '-b', 'feature');
        fs.rmSync(path.join(repo.dir, 'Beta.align'));
        init('Gamma', title.gamma);
        repo.commit('Gamma replaces Beta');
        return repo;
    }

    before(function () {
        requireBundle();
        if (!HAS_GIT) this.skip();
        tmp = tempDir('align-tmp-');
    });
    after(removeTempDirs);

    it('another program with alike children: every element added or removed with its program, no link in neither version', () => {
        const repo = replaced({ beta: 'Beta', gamma: 'Gamma' });
        const json = JSON.parse(diff(repo, 'main', 'feature', '--format', 'json'));
        assertSchema(json);
        assert.deepEqual(json.nodes.renamed, []);
        assert.deepEqual(ids(json.nodes.added), ['Gamma', ...CHILDREN.map(c => `Gamma.${c}`)]);
        assert.deepEqual(ids(json.nodes.removed), ['Beta', ...CHILDREN.map(c => `Beta.${c}`)]);
        const ends = (links: ReadonlyArray<{ from: string; to: string }>) => [...new Set(links.flatMap(l => [l.from, l.to]))].sort();
        assert.deepEqual(ends(json.links.removed), ids(json.nodes.removed).sort(), 'removed links join base elements only');
        assert.deepEqual(ends(json.links.added), ids(json.nodes.added).sort(), 'added links join head elements only');
        const text = diff(repo, 'main', 'feature');
        assert.match(text, /^8 added, 8 removed elements · 7 links added, 7 removed ·/m);
        assert.ok(text.includes('  - Beta serves Beta.BusinessResult\n'), text);
        assert.ok(!text.includes('→ Gamma.') && !text.includes('Beta serves Gamma'), text);
    });

    it('the same program under a new name: it and all its children renamed, no link change', () => {
        const repo = replaced({ beta: 'Sales academy', gamma: 'Sales academy' });
        const json = JSON.parse(diff(repo, 'main', 'feature', '--format', 'json'));
        assertSchema(json);
        assert.deepEqual(json.nodes.renamed.map((r: { from: { id: string }; to: { id: string } }) => `${r.from.id} -> ${r.to.id}`),
            ['Beta -> Gamma', ...CHILDREN.map(c => `Beta.${c} -> Gamma.${c}`)]);
        assert.deepEqual([json.nodes.added, json.nodes.removed, json.links.added, json.links.removed], [[], [], [], []]);
        assert.match(diff(repo, 'main', 'feature'), /^8 renamed elements · /m);
    });
});
