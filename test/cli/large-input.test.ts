/**
 * A large workspace does not hang `align check` (built bundle).
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { parseFindings, removeTempDirs, requireBundle, runCli, tempDir, unwrapped, writeFile } from './run-cli.js';

describe('align check with large input', () => {
    before(requireBundle);
    after(removeTempDirs);

    /**
     * One program with `units` x 5 declarations (a leading metric that drives
     * the shared lagging KPI, a skill, a behavior that moves the metric, an
     * objective that builds the skill, a toolkit for the behavior). Every
     * `brokenEvery`-th objective builds nothing: `objective-without-kpi`.
     */
    function largeProgram(units: number, brokenEvery: number): { text: string; declarations: number; broken: number[] } {
        const lines = [
            'outcome Grow "Grow revenue" {',
            '  measured by Revenue',
            '}',
            'metric Revenue "Revenue growth" {',
            '  kind lagging', '  unit percent', '  direction up', '  baseline 10%', '  target 12% by 2026-12-31',
            '  source "Finance"', '  owner "CFO"', '  cadence monthly',
            '}',
            'program Big "A large program" {',
            '  sponsor "COO"', '  serves Grow', '  review monthly', '  pilot 90 days from 2026-01-05',
        ];
        const broken: number[] = [];
        for (let i = 0; i < units; i++) {
            lines.push(
                `  metric Lead${i} "Leading indicator ${i}" {`,
                '    kind leading', '    unit count', '    direction up', '    baseline 1', '    target 2 by 2026-03-01',
                '    source "CRM"', '    owner "Ops"', '    cadence weekly', '    drives Revenue',
                '  }',
                `  skill Skill${i} "Skill ${i}"`,
                `  behavior Habit${i} "Habit ${i}" {`,
                `    enabled by Skill${i}`,
                `    moves Lead${i}`,
                '  }',
                `  toolkit Kit${i} "Kit ${i}" {`,
                `    for Habit${i}`,
                '  }',
            );
            if (i % brokenEvery === 0) {
                broken.push(lines.length + 1);
                lines.push(`  objective Goal${i} "Objective ${i}" {`, '    practice case "A case"', '  }');
            } else {
                lines.push(`  objective Goal${i} "Objective ${i}" {`, `    builds Skill${i}`, '    practice case "A case"', '  }');
            }
        }
        lines.push('}', '');
        return { text: lines.join('\n'), declarations: units * 5 + 3, broken };
    }

    describe('a large input', () => {
        it('a program of 5,000+ declarations completes and prints valid JSON', function () {
            this.timeout(180_000);
            const dir = tempDir();
            const { text, declarations, broken } = largeProgram(1000, 100);
            assert.ok(declarations >= 5000);
            writeFile(dir, 'large.align', text);
            const started = Date.now();
            const result = runCli(['check', '.', '--format', 'json'], { cwd: dir, timeout: 170_000 });
            const seconds = (Date.now() - started) / 1000;
            assert.equal(result.signal, null, `finished (took ${seconds}s)`);
            assert.equal(result.stderr, '');
            assert.equal(result.status, 1);
            const findings = parseFindings(result.stdout);
            assert.deepEqual(findings.map(f => `${f.file}:${f.line} ${f.rule}`), broken.map(line => `large.align:${line} objective-without-kpi`));
        });

        it('a file with a stray word after each of 3,000 declarations: every syntax error, and the other files\' findings (the parser\'s recovery nested once per error and ran out of stack)', function () {
            this.timeout(180_000);
            const dir = tempDir();
            const count = 3000;
            writeFile(dir, 'stray.align', Array.from({ length: count }, (_, i) => `skill S${i} "Skill ${i}"\n  stray${i}\n`).join(''));
            writeFile(dir, 'other.align', 'objective Lone "Lone"\n');
            const result = runCli(['check', '.', '--format', 'json'], { cwd: dir, timeout: 170_000 });
            assert.equal(result.signal, null);
            assert.equal(result.stderr, '', 'no internal error');
            assert.equal(result.status, 1);
            const findings = parseFindings(result.stdout);
            const syntax = findings.filter(f => f.rule === 'syntax');
            assert.deepEqual(syntax.map(f => f.line), Array.from({ length: count }, (_, i) => 2 * i + 2), 'one syntax error at each stray word');
            assert.ok(findings.some(f => f.file === 'other.align' && f.rule === 'objective-without-kpi'), 'the other file is checked');
        });

        it('a reference of 5,000,000 dots (one syntax error each): the first 10,000, one that says the rest is not read, and the pretty summary (it did not finish)', function () {
            this.timeout(180_000);
            const dir = tempDir();
            writeFile(dir, 'dots.align', `skill S "s"\nmetric A { drives X${'.'.repeat(5_000_000)}\n}\nskill B "b"\n`);
            const result = runCli(['check', '.', '--format', 'json'], { cwd: dir, timeout: 170_000 });
            assert.equal(result.signal, null, 'finished');
            assert.equal(result.stderr, '');
            assert.equal(result.status, 1);
            const syntax = parseFindings(result.stdout).filter(f => f.rule === 'syntax');
            assert.equal(syntax.length, 10_001);
            assert.deepEqual([syntax[0]!.line, syntax[0]!.column, syntax[0]!.message], [2, 21, 'Expected a name, but found `.`.']);
            const last = syntax.at(-1)!;
            assert.deepEqual([last.line, last.column, last.message], [2, 10_020,
                'Too many syntax errors: after the first 10,000, Align reads no further in this file. Fix the first ones (one mistake often causes many), then check again.']);
            const pretty = runCli(['check', '.'], { cwd: dir, timeout: 170_000 });
            assert.equal(pretty.signal, null, 'finished');
            assert.equal(pretty.status, 1);
            assert.match(unwrapped(pretty.stdout), /… 9,980 more syntax errors and \d+ other findings? in this file, not shown: fix the first syntax errors, which often cause the rest\./);
        });

        it('a name declared 3,000 times: each duplicate-name finding names five places and how many more (they named all: 166 MB)', function () {
            this.timeout(180_000);
            const dir = tempDir();
            const count = 3000;
            writeFile(dir, 'same.align', 'skill A "A"\n'.repeat(count));
            const result = runCli(['check', '.', '--format', 'json'], { cwd: dir, timeout: 170_000 });
            assert.equal(result.signal, null);
            assert.equal(result.stderr, '');
            const duplicates = parseFindings(result.stdout).filter(f => f.rule === 'duplicate-name');
            assert.equal(duplicates.length, count);
            assert.equal(duplicates[0]!.message, '\'A\' is declared more than once in the same scope (also at same.align:2, same.align:3, same.align:4, same.align:5, same.align:6 and 2,994 more). Rename one of them.');
            assert.ok(result.stdout.length < 2_000_000, `${result.stdout.length} characters of output`);
        });

        it('thousands of findings are printed whole (no truncated output)', function () {
            this.timeout(180_000);
            const dir = tempDir();
            const count = 5000;
            writeFile(dir, 'bare.align', Array.from({ length: count }, (_, i) => `objective Bare${i} "Objective ${i}"\n`).join(''));
            for (const format of ['json', 'github', 'sarif'] as const) {
                const result = runCli(['check', '.', '--format', format], { cwd: dir, timeout: 170_000 });
                assert.equal(result.signal, null, format);
                assert.equal(result.status, 1, format);
                if (format === 'json') {
                    const findings = parseFindings(result.stdout);
                    assert.equal(findings.length, 2 * count, 'objective-without-kpi and objective-without-practice for each');
                    assert.equal(findings.at(-1)!.line, count);
                } else if (format === 'github') {
                    assert.equal(result.stdout.split('\n').filter(Boolean).length, 2 * count);
                } else {
                    assert.equal(JSON.parse(result.stdout).runs[0].results.length, 2 * count);
                }
            }
        });

        it('70,000 findings in one file are printed whole by the default (pretty) format', function () {
            this.timeout(180_000);
            const dir = tempDir();
            const count = 35_000;
            writeFile(dir, 'bare.align', Array.from({ length: count }, (_, i) => `objective Bare${i} "Objective ${i}"\n`).join(''));
            const result = runCli(['check', '.'], { cwd: dir, timeout: 170_000 });
            assert.equal(result.signal, null);
            assert.equal(result.stderr, '', 'no internal error (an argument spread of 70,000 rows overflows the stack)');
            assert.equal(result.status, 1);
            const lines = result.stdout.split('\n');
            assert.equal(lines.filter(l => /^ {2}\d+:\d+ /.test(l)).length, 2 * count, 'one row per finding');
            assert.equal(lines.at(-2), '✖ 70,000 problems (35,000 errors, 0 warnings, 35,000 infos) in 1 file');
        });

        it('align diff of 35,000 added elements prints every change and new finding as text', function () {
            this.timeout(180_000);
            const dir = tempDir();
            const count = 35_000;
            writeFile(dir, 'old/a.align', '');
            writeFile(dir, 'new/a.align', Array.from({ length: count }, (_, i) => `objective Bare${i} "Objective ${i}"\n`).join(''));
            const result = runCli(['diff', 'old', 'new'], { cwd: dir, timeout: 170_000 });
            assert.equal(result.signal, null);
            assert.equal(result.stderr, '', 'no internal error (an argument spread of every line overflows the stack)');
            assert.equal(result.status, 0);
            const lines = result.stdout.split('\n');
            assert.equal(lines.filter(l => /^ {2}\+ objective Bare\d+$/.test(l)).length, count, 'one change row per element');
            assert.equal(lines.filter(l => /^ {2}\+ (error|info) /.test(l)).length, 2 * count, 'every new finding');
        });

        it('many files of one workspace complete and print valid JSON', function () {
            this.timeout(180_000);
            const dir = tempDir();
            writeFile(dir, 'shared.align', 'metric Revenue "Revenue" {\n  kind lagging\n  source "Finance"\n  owner "CFO"\n  cadence monthly\n}\n');
            for (let f = 0; f < 250; f++) {
                const units = Array.from({ length: 4 }, (_, i) => {
                    const n = `${f}_${i}`;
                    return [
                        `metric Lead${n} "Lead" {\n  kind leading\n  source "CRM"\n  owner "Ops"\n  cadence weekly\n  drives Revenue\n}`,
                        `skill Skill${n} "Skill"`,
                        `behavior Habit${n} "Habit" {\n  enabled by Skill${n}\n  moves Lead${n}\n  observed by coach\n}`,
                        `objective Goal${n} "Goal" {\n  builds Skill${n}\n  practice sandbox "Try it"\n}`,
                        `toolkit Kit${n} "Kit" {\n  for Habit${n}\n}`,
                    ].join('\n');
                });
                writeFile(dir, path.join(`team${f % 10}`, `file${f}.align`), units.join('\n') + '\n');
            }
            const result = runCli(['check', '.', '--format', 'json'], { cwd: dir, timeout: 170_000 });
            assert.equal(result.signal, null);
            assert.equal(result.status, 0, result.stderr);
            const findings = parseFindings(result.stdout);
            assert.deepEqual(findings, [], 'every chain is complete (`drives` counts as a use of Revenue)');
        });
    });

    describe('a huge token', () => {
        it('a 5 MB word or a 3 MB number: check (text, JSON) and fmt --check quote 40 characters of it, not the whole', function () {
            this.timeout(120_000);
            const dir = tempDir();
            writeFile(dir, 'word.align', `skill A "a"\n${'w'.repeat(5 * 1024 * 1024)}\n`);
            writeFile(dir, 'number.align', `skill B "b"\n${'7'.repeat(3 * 1024 * 1024)}\n`);
            const left = (quoted: string) => `Unexpected \`${quoted}…\` outside a declaration: start a declaration (\`outcome\`, \`metric\`, \`skill\`, …) or remove it`;
            const runs = [runCli(['check', '.'], { cwd: dir, timeout: 110_000 }), runCli(['check', '.', '--format', 'json'], { cwd: dir, timeout: 110_000 }),
                runCli(['fmt', '--check', '.'], { cwd: dir, timeout: 110_000 })];
            for (const result of runs) {
                assert.equal(result.status, 1, result.stderr.slice(0, 2000));
                const output = result.stdout + result.stderr;
                for (const line of output.split('\n')) assert.ok(line.length < 400, `a line of ${line.length} characters: ${line.slice(0, 200)}`);
                // The text format and fmt's `align: ` messages wrap the message: the quoted token is one word of it.
                assert.ok(unwrapped(output).includes(`Unexpected \`${'w'.repeat(40)}…\``), output.slice(0, 2000));
                assert.ok(unwrapped(output).includes(`Unexpected \`${'7'.repeat(40)}…\``), output.slice(0, 2000));
            }
            const json = parseFindings(runs[1]!.stdout).filter(f => f.rule === 'syntax').map(f => f.message);
            assert.deepEqual(json.sort(), [`${left('7'.repeat(40))}.`, `${left('w'.repeat(40))}.`]);
        });
    });
});
