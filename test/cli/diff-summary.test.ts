/**
 * `align diff`'s summary line as a terminal shows it: counts with thousands
 * separators like every other figure, and a coverage figure never split
 * from its share (`0/5 (0%)`) where the line wraps at 80 columns.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { removeTempDirs, requireBundle, runCli, tempDir } from './run-cli.js';

/** Two folders: the base holds `removed` lone skills and `before` objectives, each building its skill; the head `after` such objectives. */
function folders(removed: number, before: number, after: number): [string, string] {
    const pairs = (prefix: string, n: number) => Array.from({ length: n }, (_, i) =>
        `skill ${prefix}S${i} "Skill ${i}"\nobjective ${prefix}O${i} "Objective ${i}" {\n  builds ${prefix}S${i}\n}\n`).join('');
    const base = tempDir();
    const head = tempDir();
    fs.writeFileSync(path.join(base, 'x.align'), Array.from({ length: removed }, (_, i) => `skill Old${i} "Old ${i}"\n`).join('') + pairs('B', before));
    fs.writeFileSync(path.join(head, 'x.align'), pairs('', after));
    return [base, head];
}

/** The summary: the lines after the sides line, up to the first blank line. */
function summaryLines(base: string, head: string): string[] {
    const result = runCli(['diff', base, head]);
    assert.equal(result.status, 0, result.stderr);
    assert.ok(!result.stdout.includes('\u00a0'), 'no-break spaces print as spaces');
    return result.stdout.split('\n\n')[0]!.split('\n').slice(1);
}

describe('align diff: the summary line in a terminal', function () {
    this.timeout(60_000);
    before(requireBundle);
    after(removeTempDirs);

    it('counts have thousands separators', () => {
        const summary = summaryLines(...folders(1000, 0, 1000)).join(' ');
        assert.match(summary, /^2,000 added, 1,000 removed elements · 1,000 links added · /);
        assert.match(summary, /· findings: [\d,]+ new, 1,000 fixed$/);
        assert.doesNotMatch(summary, /\d{4}/, 'no count of four digits or more without a separator');
    });

    it('the noun agrees with the count next to it: `1 renamed, 1 changed element`', () => {
        const base = tempDir();
        const head = tempDir();
        fs.writeFileSync(path.join(base, 'x.align'), 'skill Old "Product tour"\nskill Keep "Keep"\n');
        fs.writeFileSync(path.join(head, 'x.align'), 'skill New "Product tour"\nskill Keep "Kept"\n');
        assert.match(summaryLines(base, head).join(' '), /^1 renamed, 1 changed element · /);
        fs.writeFileSync(path.join(head, 'x.align'), 'skill New "Product tour"\nskill Keep "Kept"\nskill A "A"\nskill B "B"\n');
        assert.match(summaryLines(base, head).join(' '), /^2 added, 1 renamed, 1 changed element · /);
        assert.match(summaryLines(head, base).join(' '), /^2 removed, 1 renamed, 1 changed element · /);
    });

    it('a side with no objective has no share of them: `0/0 (—)`, in text and Markdown alike', () => {
        const [base, head] = folders(0, 4, 0);
        // A folder needs an .align file (an empty folder is a usage error): one without an objective.
        const empty = tempDir();
        fs.writeFileSync(path.join(empty, 'x.align'), '');
        assert.match(summaryLines(base, empty).join(' '), /coverage 0\/4 \(0%\) → 0\/0 \(—\) · /);
        assert.match(summaryLines(head, empty).join(' ').trim(), /^No change to the impact chain · coverage 0\/0 \(—\)$/);
        const md = runCli(['diff', base, empty, '--format', 'md']);
        assert.equal(md.status, 0, md.stderr);
        assert.ok(md.stdout.includes('| coverage | workspace | 0/4 (0%) → 0/0 (—) |'), md.stdout);
        const json = JSON.parse(runCli(['diff', base, empty, '--format', 'json']).stdout) as { coverage: { after: unknown } };
        assert.deepEqual(json.coverage.after, { aligned: 0, total: 0 }, 'JSON keeps the figures');
    });

    it('a coverage figure stays on one line with its share where the summary wraps', () => {
        // 40 objectives before, 5 after: the line fills up to `0/5`, which a plain space would leave at the end of line 1.
        const lines = summaryLines(...folders(0, 40, 5));
        assert.ok(lines.length > 1, `the summary wraps: ${JSON.stringify(lines)}`);
        for (const line of lines) assert.ok(line.length <= 80, `within 80 columns: ${line}`);
        assert.ok(lines.every(line => !line.startsWith('(')), `no line starts with a share: ${JSON.stringify(lines)}`);
        assert.match(lines.join('\n'), /→\s0\/5 \(0%\)/);
    });
});

describe('align diff --format md: the text as written', function () {
    this.timeout(60_000);
    before(requireBundle);
    after(removeTempDirs);

    it('keeps a no-break space the author wrote in a title, and has none of its own', () => {
        const base = tempDir();
        const head = tempDir();
        fs.writeFileSync(path.join(base, 'x.align'), 'skill S "Close deals"\n');
        fs.writeFileSync(path.join(head, 'x.align'), 'skill S "Close\u00a0deals faster"\n');
        const result = runCli(['diff', base, head, '--format', 'md']);
        assert.equal(result.status, 0, result.stderr);
        assert.ok(result.stdout.includes('Close\u00a0deals faster'), result.stdout);
        assert.ok(!result.stdout.replaceAll('Close\u00a0deals', '').includes('\u00a0'), 'every no-break space is the title\'s');
    });
});
