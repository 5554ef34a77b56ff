/**
 * Files and folders whose names hold a line break, an escape sequence, `\r`,
 * `\b`, a tab, a right-to-left override (U+202E) or a line separator
 * (U+2028): the built CLI shows them with `\xHH` and `\uHHHH` on the
 * terminal-bound streams, keeps them exactly in the machine formats, and
 * the commands it suggests (cli/shell-word.ts) name the real file, in
 * `$'...'` quotes that bash reads back.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { linesOf, printable, removeTempDirs, requireBundle, runCli, tempDir, unwrapped, writeFile } from './run-cli.js';

/** A folder's name with every kind of character a terminal must not see raw. */
const HOSTILE = 'dir\n\x1b[2J\r\b\t\u202e\u2028-x';

/** No control character (but line feeds), and no right-to-left override or line separator. */
function showable(text: string): boolean {
    return printable(text) && !/[\u202e\u2028]/.test(text);
}

/** The words bash reads from `command` (a line the CLI suggests), in a UTF-8 locale. */
function wordsBashReads(command: string): string[] {
    const result = spawnSync('bash', ['-c', `set -- ${command}\nprintf '%s\\0' "$@"`], { encoding: 'utf-8', env: { ...process.env, LC_ALL: 'C.UTF-8' } });
    assert.equal(result.status, 0, result.stderr);
    return result.stdout.split('\0').slice(0, -1);
}

/** The line of `text` that starts with `prefix`, without it. */
function lineAfter(text: string, prefix: string): string {
    const line = linesOf(text).find(l => l.startsWith(prefix));
    assert.ok(line !== undefined, `a line starting ${JSON.stringify(prefix)} in ${JSON.stringify(text)}`);
    return line.slice(prefix.length);
}

describe('hostile file and folder names in the CLI\'s own lines', () => {
    before(requireBundle);
    after(removeTempDirs);

    it('align check --baseline: the command that rewrites the baseline shows no control character and names the real files', () => {
        const dir = tempDir();
        const baseline = `${HOSTILE}/base\tline.json`;
        writeFile(dir, `${HOSTILE}/a.align`, 'skill S "s"\nskill T "t"\n');
        assert.equal(runCli(['check', HOSTILE, '--write-baseline', baseline], { cwd: dir }).status, 0);
        writeFile(dir, `${HOSTILE}/a.align`, 'skill S "s"\n');
        const { stderr, status } = runCli(['check', HOSTILE, '--baseline', baseline], { cwd: dir });
        assert.equal(status, 0, stderr);
        assert.ok(showable(stderr), JSON.stringify(stderr));
        const command = stderr.slice(stderr.indexOf('run:\n') + 'run:\n'.length);
        assert.deepEqual(wordsBashReads(command), ['align', 'check', '--write-baseline', baseline, HOSTILE], command);
    });

    it('align init: the Next line shows no control character and checks the file written', () => {
        const dir = tempDir();
        const file = `-${HOSTILE}.align`;
        const { stdout, status } = runCli(['init', 'P', `--output=${file}`], { cwd: dir });
        assert.equal(status, 0, stdout);
        assert.ok(fs.existsSync(path.join(dir, file)));
        assert.ok(showable(stdout), JSON.stringify(stdout));
        assert.deepEqual(wordsBashReads(lineAfter(stdout, 'Next: edit it, then run ')), ['align', 'check', '--', file], stdout);
    });

    it('align fmt --check: the fmt it suggests names the real file', () => {
        const dir = tempDir();
        // Short enough for the command to fit 80 columns (else the hint names no path).
        const file = 'f\n\x1b[2J\u202e.align';
        writeFile(dir, file, 'skill   S "s"\n');
        const { stdout, stderr, status } = runCli(['fmt', '--check', file], { cwd: dir });
        assert.equal(status, 1, stderr);
        assert.ok(showable(stdout + stderr), JSON.stringify(stdout + stderr));
        assert.deepEqual(wordsBashReads(lineAfter(stderr, 'align: run ').replace(/ to format 1 file$/, '')), ['align', 'fmt', file], stderr);
    });

    it('align check, on some files of a hostile folder: the check it suggests reads that folder', () => {
        const dir = tempDir();
        writeFile(dir, `${HOSTILE}/a.align`, 'objective O "o" { builds B }\n');
        writeFile(dir, `${HOSTILE}/b.align`, 'skill B "b"\n');
        const { stderr } = runCli(['check', `${HOSTILE}/a.align`], { cwd: dir });
        assert.ok(showable(stderr), JSON.stringify(stderr));
        const hint = unwrapped(stderr);
        assert.deepEqual(wordsBashReads(hint.slice(hint.indexOf('To read them all, run ') + 'To read them all, run '.length).trimEnd()), ['align', 'check', HOSTILE], stderr);
    });

    it('align check --format github: the message shows a right-to-left override as \\u202E, as pretty does; file= is the real path, for GitHub to match', () => {
        const dir = tempDir();
        const name = 'rlo\u202egnp.align';
        writeFile(dir, name, `skill S "s"\nmetric K "k" {\n  kind lagging\n  unit count\n}\nactuals K from "d/\u202e\x1b[2Jvsc.csv"\n`);
        const { stdout, status } = runCli(['check', '.', '--format', 'github'], { cwd: dir });
        assert.equal(status, 1, stdout);
        const lines = linesOf(stdout);
        assert.ok(lines.length > 0 && lines.every(line => line.startsWith(`::`) && line.includes(` file=${name},line=`)), stdout);
        const shown = lines.map(line => line.replace(` file=${name},`, ' file=F,'));
        assert.ok(shown.every(showable), JSON.stringify(shown));
        assert.ok(stdout.includes('file "d/\\u202E\\x1b[2Jvsc.csv" is missing'), stdout);
    });

    it('align diff --format md and align report --format md: a right-to-left override in a code span or a finding\'s file is \\u202E', () => {
        const dir = tempDir();
        const folder = 'rlo\u202egnp';
        writeFile(dir, `${folder}/base/a.align`, 'skill S "s"\n');
        writeFile(dir, `${folder}/head/r\u202eb.align`, 'skill S "t"\nskill T "t"\n');
        const diff = runCli(['diff', `${folder}/base`, `${folder}/head`, '--format', 'md'], { cwd: dir });
        assert.equal(diff.status, 0, diff.stderr);
        assert.ok(showable(diff.stdout), JSON.stringify(diff.stdout));
        assert.ok(diff.stdout.includes('`rlo\\u202Egnp/base` → `rlo\\u202Egnp/head`'), diff.stdout);
        assert.ok(diff.stdout.includes('(r\\\\u202Eb.align:2)'), diff.stdout);
        const report = runCli(['report', `${folder}/head`, '--format', 'md', '--output', '-'], { cwd: dir });
        assert.equal(report.status, 0, report.stderr);
        assert.ok(showable(report.stdout), JSON.stringify(report.stdout));
        assert.ok(report.stdout.includes('`r\\u202Eb.align:2:7`'), report.stdout);
    });

    it('right-to-left overrides and line separators in names are shown as \\uHHHH by pretty, fmt, diff and messages; json and sarif keep them', () => {
        const dir = tempDir();
        const name = 'rlo\u202egnp.exe\u2028x.align';
        writeFile(dir, `base/${name}`, 'skill S "s"\n');
        writeFile(dir, `head/${name}`, 'skill   S "t"\nskill T "t"\n');
        const shown = 'rlo\\u202Egnp.exe\\u2028x.align';
        const pretty = runCli(['check', 'head'], { cwd: dir, env: { NO_COLOR: '1' } });
        assert.ok(showable(pretty.stdout + pretty.stderr), JSON.stringify(pretty.stdout));
        assert.match(pretty.stdout, new RegExp(`^head/${shown.replace(/\\/g, '\\\\')}$`, 'm'));
        const fmt = runCli(['fmt', '--check', 'head'], { cwd: dir });
        assert.ok(showable(fmt.stdout + fmt.stderr), JSON.stringify(fmt.stdout + fmt.stderr));
        assert.ok(fmt.stdout.includes(`head/${shown}: not formatted`), fmt.stdout);
        const diff = runCli(['diff', 'base', 'head', '--format', 'text'], { cwd: dir });
        assert.ok(showable(diff.stdout + diff.stderr), JSON.stringify(diff.stdout));
        // (Its text format makes white space, U+2028 among it, one space.)
        assert.ok(diff.stdout.includes('(rlo\\u202Egnp.exe'), diff.stdout);
        const missing = runCli(['check', `head/${name}.missing`], { cwd: dir });
        assert.equal(missing.status, 2);
        assert.ok(showable(missing.stderr), JSON.stringify(missing.stderr));
        const json = runCli(['check', 'head', '--format', 'json'], { cwd: dir });
        assert.ok((JSON.parse(json.stdout) as { file: string }[]).every(f => f.file === `head/${name}`), json.stdout);
        const sarif = runCli(['check', 'head', '--format', 'sarif'], { cwd: dir });
        const uris = [...sarif.stdout.matchAll(/"uri": "head\/([^"]*)"/g)].map(m => decodeURIComponent(m[1]!));
        assert.ok(uris.length > 0 && uris.every(uri => uri === name), sarif.stdout);
    });
});
