/**
 * Control characters that come from the user's data (a path in an `.align`
 * file, a title, a rule id in `align.config.json`, a file's name) reach the
 * text outputs as `\xHH`: an escape sequence would set the terminal's title
 * or clear the screen, in a terminal or a CI log.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { printable, removeTempDirs, requireBundle, runCli, tempDir, writeFile } from './run-cli.js';

const EVIL = '\x1b]0;pwned\x07\x1b[2J';
const SHOWN = '\\x1b]0;pwned\\x07\\x1b[2J';
const METRIC = 'metric K "k" {\n  kind lagging\n  unit count\n  direction up\n  baseline 1\n  target 2 by 2026-12-31\n  source "s"\n  owner "o"\n  cadence monthly\n}\noutcome O "o" { measured by K }\n';

describe('control characters from the user\'s data are written as \\xHH in the text outputs', () => {
    before(requireBundle);
    after(removeTempDirs);

    it('align check (pretty and github): a CSV path in a message, a rule id from align.config.json', () => {
        const dir = tempDir();
        writeFile(dir, 'a.align', `${METRIC}actuals K from "data/${EVIL}.csv"\n`);
        writeFile(dir, 'align.config.json', '{ "rules": { "x\\u001b[2Jy": "error" } }\n');
        for (const format of ['pretty', 'github']) {
            const { stdout, status } = runCli(['check', '.', '--format', format], { cwd: dir, env: { NO_COLOR: '1' } });
            assert.equal(status, 1, stdout);
            assert.ok(printable(stdout), `${format}: ${JSON.stringify(stdout)}`);
            assert.ok(stdout.includes(`data/${SHOWN}.csv`), `${format}: ${stdout}`);
            assert.ok(stdout.includes('x\\x1b[2Jy'), `${format}: ${stdout}`);
        }
        const json = runCli(['check', '.', '--format', 'json'], { cwd: dir }).stdout;
        assert.ok(JSON.parse(json).some((f: { message: string }) => f.message.includes(`data/${EVIL}.csv`)), 'JSON keeps the data as it is');
    });

    it('align check (pretty and github): a file\'s name quoted in a message shows its tab and line break as \\x09 and \\x0a; the code span of a syntax message is still one line', () => {
        const dir = tempDir();
        writeFile(dir, 'a.align', `${METRIC}actuals K from "data/a\tb.csv"\nskill T "a" "c\td"\n`);
        writeFile(dir, 'align.config.json', '{ "extends": "x\\ny\\tz.json" }\n');
        for (const format of ['pretty', 'github']) {
            const { stdout, status } = runCli(['check', '.', '--format', format], { cwd: dir, env: { NO_COLOR: '1' } });
            assert.equal(status, 1, stdout);
            assert.ok(printable(stdout), `${format}: ${JSON.stringify(stdout)}`);
            assert.ok(stdout.includes('"data/a\\x09b.csv"'), `${format}: ${stdout}`);
            assert.ok(stdout.includes('"x\\x0ay\\x09z.json"'), `${format}: ${stdout}`);
        }
        const pretty = runCli(['check', '.'], { cwd: dir, env: { NO_COLOR: '1' } }).stdout;
        assert.ok(pretty.includes('Unexpected `"c d"` outside a declaration'), pretty);
        const json = JSON.parse(runCli(['check', '.', '--format', 'json'], { cwd: dir }).stdout) as { message: string }[];
        assert.ok(json.some(f => f.message.includes('"x\ny\tz.json"')), 'JSON keeps the name as it is');
    });

    it('align diff --format text: a title', () => {
        const dir = tempDir();
        writeFile(dir, 'base/a.align', 'skill S "plain"\n');
        writeFile(dir, 'head/a.align', `skill S "evil ${EVIL} title"\n`);
        const { stdout, status } = runCli(['diff', 'base', 'head', '--format', 'text'], { cwd: dir });
        assert.equal(status, 0);
        assert.ok(printable(stdout), JSON.stringify(stdout));
        assert.ok(stdout.includes(`evil ${SHOWN} title`), stdout);
    });

    it('align fmt --check, graph and report: a file name with an escape sequence or a line break', () => {
        const dir = tempDir();
        fs.writeFileSync(path.join(dir, 'ctl\x1b[31mred.align'), 'skill   Z "z"\n');
        fs.writeFileSync(path.join(dir, 'new\nline.align'), 'skill Y "y\n');
        const fmt = runCli(['fmt', '--check', '.'], { cwd: dir });
        assert.equal(fmt.status, 1);
        assert.ok(printable(fmt.stdout + fmt.stderr), JSON.stringify(fmt.stdout + fmt.stderr));
        assert.match(fmt.stdout, /^ctl\\x1b\[31mred\.align: not formatted$/m);
        assert.match(fmt.stderr, /^align: new\\x0aline\.align:1:9 syntax error/m);
        for (const command of [['graph', '.'], ['report', '.', '--output', '-']]) {
            const { stderr } = runCli(command, { cwd: dir });
            assert.ok(printable(stderr), `${command[0]}: ${JSON.stringify(stderr)}`);
            assert.match(stderr, /^new\\x0aline\.align:1:9: /m, `${command[0]}: ${stderr}`);
        }
    });
});
