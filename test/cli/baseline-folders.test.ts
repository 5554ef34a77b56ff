/**
 * `align check --baseline` from another folder than the one the baseline
 * was written from, through the built CLI: the baseline names files
 * relative to the workspace root (the folder of `align.config.json`), so a
 * check from a subfolder or from outside the workspace matches it, findings
 * identified by their file (a syntax error outside every declaration, a
 * problem of the settings file) included. Without a settings file, the
 * repository root (`.git`); without either, the baseline's own folder when
 * the folder checked lies in it (`"paths": "baseline-folder"`), else the
 * folder checked. A baseline written before (files relative to the folder
 * it ran in, no `"paths"`) still matches from that folder.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EXAMPLES, parseFindings, removeTempDirs, requireBundle, runCli, tempDir, unwrapped, writeFile } from './run-cli.js';

/** Findings of the workspace: 13 of the examples, 3 of `broken.align` (a syntax error), 1 of the settings. */
const FINDINGS = 17;
/** A syntax error before every declaration: identified by its file (it has no element). */
const BROKEN = '}}} oops\nskill A "A"\nskill B "B"\n';

/** `<dir>/ws`: the examples under `programs/`, a file with a syntax error between declarations, settings with a problem. */
function workspace(): { dir: string; ws: string } {
    const dir = tempDir();
    const ws = path.join(dir, 'ws');
    fs.cpSync(EXAMPLES, path.join(ws, 'programs'), { recursive: true });
    writeFile(ws, 'programs/broken.align', BROKEN);
    writeFile(ws, 'align.config.json', '{ "rules": { "no-such-rule": "off" } }\n');
    return { dir, ws };
}

interface BaselineFile { paths?: string; findings: { rule: string; file: string }[] }

function readJson(file: string): BaselineFile {
    return JSON.parse(fs.readFileSync(file, 'utf-8')) as BaselineFile;
}

/** `align check ARGS --baseline BASELINE --format json` in `cwd`: status, findings, what stderr says. */
function checkAgainst(cwd: string, baseline: string, ...args: string[]) {
    const result = runCli(['check', ...args, '--baseline', baseline, '--format', 'json'], { cwd });
    return { status: result.status, findings: parseFindings(result.stdout), note: unwrapped(result.stderr) };
}

/** Removes the syntax error of `broken.align`: its finding (identified by its file) is gone. */
function fixSyntaxError(ws: string): void {
    writeFile(ws, 'programs/broken.align', BROKEN.replace('}}} oops\n', ''));
}

describe('align check --baseline from another folder', function () {
    this.timeout(60_000);
    before(requireBundle);
    after(removeTempDirs);

    it('names files relative to the workspace root: written at the root, it matches a check from a subfolder and from outside', () => {
        const { dir, ws } = workspace();
        const written = runCli(['check', '--write-baseline', 'baseline.json'], { cwd: ws });
        assert.equal(written.stderr, `align: wrote ${FINDINGS} findings to the baseline baseline.json\n`);
        const baseline = readJson(path.join(ws, 'baseline.json'));
        assert.equal(baseline.paths, 'workspace-root');
        assert.deepEqual([...new Set(baseline.findings.map(f => f.file))].sort(),
            ['align.config.json', 'programs/broken.align', 'programs/onboarding.align', 'programs/safety.align', 'programs/sales-win-rate.align']);
        assert.ok(baseline.findings.some(f => f.rule === 'syntax') && baseline.findings.some(f => f.rule === 'config-invalid'), 'findings identified by their file');

        const fromSubfolder = checkAgainst(path.join(ws, 'programs'), '../baseline.json', '..');
        assert.deepEqual(fromSubfolder, { status: 0, findings: [], note: `align: baseline ../baseline.json: ${FINDINGS} matched, 0 new\n` });
        const fromOutside = checkAgainst(dir, 'ws/baseline.json', 'ws');
        assert.deepEqual(fromOutside, { status: 0, findings: [], note: `align: baseline ws/baseline.json: ${FINDINGS} matched, 0 new\n` });
    });

    it('written from a subfolder, the same baseline; a finding fixed is gone (not in a file unchecked) from any folder', () => {
        const { dir, ws } = workspace();
        assert.equal(runCli(['check', '--write-baseline', 'at-root.json'], { cwd: ws }).status, 0);
        assert.equal(runCli(['check', '..', '--write-baseline', '../from-programs.json'], { cwd: path.join(ws, 'programs') }).status, 0);
        assert.equal(fs.readFileSync(path.join(ws, 'from-programs.json'), 'utf-8'), fs.readFileSync(path.join(ws, 'at-root.json'), 'utf-8'));

        fixSyntaxError(ws);
        const fromOutside = checkAgainst(dir, 'ws/from-programs.json', 'ws');
        assert.deepEqual(fromOutside.findings, []);
        assert.match(fromOutside.note, new RegExp(`^align: baseline ws/from-programs\\.json: ${FINDINGS - 1} matched, 0 new; 1 baseline finding no longer occurs \\(fixed, or the element was renamed\\); to drop it, run: +align check --write-baseline ws/from-programs\\.json ws\\n$`));
        // A check of one file from the subfolder: the findings of the other files are not checked, the one fixed is gone.
        const oneFile = checkAgainst(path.join(ws, 'programs'), '../at-root.json', 'broken.align');
        assert.deepEqual(oneFile.findings, []);
        assert.equal(oneFile.note, 'align: baseline ../at-root.json: 3 matched, 0 new; 1 baseline finding no longer occurs (fixed, or the element was renamed), '
            + `and ${FINDINGS - 4} are in files this run did not check; to drop the one gone, write the baseline again with a check of every file it covers\n`);
    });

    it('without a settings file, files are named from the repository root (.git): a check of some paths matches from any folder', () => {
        const { dir, ws } = workspace();
        fs.rmSync(path.join(ws, 'align.config.json'));
        fs.mkdirSync(path.join(dir, '.git'));
        assert.equal(runCli(['check', 'ws', '--write-baseline', 'baseline.json'], { cwd: dir }).status, 0);
        assert.ok(readJson(path.join(dir, 'baseline.json')).findings.some(f => f.rule === 'syntax' && f.file === 'ws/programs/broken.align'));
        const someFiles = checkAgainst(ws, '../baseline.json', 'programs/broken.align');
        assert.deepEqual(someFiles, { status: 0, findings: [], note: `align: baseline ../baseline.json: 3 matched, 0 new; ${FINDINGS - 4} baseline findings are in files this run did not check\n` });
        const fromPrograms = checkAgainst(path.join(ws, 'programs'), '../../baseline.json');
        assert.deepEqual(fromPrograms, { status: 0, findings: [], note: `align: baseline ../../baseline.json: ${FINDINGS - 1} matched, 0 new\n` });
    });

    it('without a settings file or a repository, a baseline written in the folder checked matches a check from outside', () => {
        const { dir, ws } = workspace();
        fs.rmSync(path.join(ws, 'align.config.json'));
        assert.equal(runCli(['check', '--write-baseline', 'baseline.json'], { cwd: ws }).status, 0);
        assert.deepEqual(checkAgainst(dir, 'ws/baseline.json', 'ws'), { status: 0, findings: [], note: `align: baseline ws/baseline.json: ${FINDINGS - 1} matched, 0 new\n` });
    });

    it('without a settings file or a repository, files are named from the baseline\'s folder: a check of a subfolder or of one file matches', () => {
        const { dir, ws } = workspace();
        fs.rmSync(path.join(ws, 'align.config.json'));
        assert.equal(runCli(['check', '--write-baseline', 'baseline.json'], { cwd: ws }).status, 0);
        const baseline = readJson(path.join(ws, 'baseline.json'));
        assert.equal(baseline.paths, 'baseline-folder');
        assert.ok(baseline.findings.some(f => f.rule === 'syntax' && f.file === 'programs/broken.align'));
        // The syntax error of broken.align is identified by its file alone: it must be named as when the baseline was written.
        const fromPrograms = checkAgainst(path.join(ws, 'programs'), '../baseline.json', '.');
        assert.deepEqual(fromPrograms, { status: 0, findings: [], note: `align: baseline ../baseline.json: ${FINDINGS - 1} matched, 0 new\n` });
        const oneFile = checkAgainst(dir, 'ws/baseline.json', 'ws/programs/broken.align');
        assert.deepEqual(oneFile, { status: 0, findings: [], note: `align: baseline ws/baseline.json: 3 matched, 0 new; ${FINDINGS - 4} baseline findings are in files this run did not check\n` });
        // Written from the subfolder into the root, the same baseline.
        assert.equal(runCli(['check', '.', '--write-baseline', '../again.json'], { cwd: path.join(ws, 'programs') }).status, 0);
        assert.equal(fs.readFileSync(path.join(ws, 'again.json'), 'utf-8'), fs.readFileSync(path.join(ws, 'baseline.json'), 'utf-8'));
        // The file says how it names files: a settings file that appears in the subfolder later does not change that.
        writeFile(ws, 'programs/align.config.json', '{}\n');
        assert.deepEqual(checkAgainst(path.join(ws, 'programs'), '../baseline.json', '.'), fromPrograms);
    });

    it('without a settings file or a repository, a baseline outside the folder checked names files from the folder checked', () => {
        const { dir, ws } = workspace();
        fs.rmSync(path.join(ws, 'align.config.json'));
        fs.mkdirSync(path.join(dir, 'ci'));
        assert.equal(runCli(['check', '../ws', '--write-baseline', 'baseline.json'], { cwd: path.join(dir, 'ci') }).status, 0);
        const baseline = readJson(path.join(dir, 'ci', 'baseline.json'));
        assert.equal(baseline.paths, 'workspace-root');
        assert.ok(baseline.findings.some(f => f.rule === 'syntax' && f.file === 'programs/broken.align'));
        assert.deepEqual(checkAgainst(ws, '../ci/baseline.json'), { status: 0, findings: [], note: `align: baseline ../ci/baseline.json: ${FINDINGS - 1} matched, 0 new\n` });
    });

    it('a baseline written before (no "paths": files relative to the folder it ran in) matches from that folder', () => {
        const { dir, ws } = workspace();
        assert.equal(runCli(['check', '--write-baseline', 'baseline.json'], { cwd: ws }).status, 0);
        const { findings } = readJson(path.join(ws, 'baseline.json'));
        // As the previous version wrote it: `align check ws --write-baseline old.json` at `dir` named the files from `dir`.
        fs.writeFileSync(path.join(dir, 'old.json'), JSON.stringify({ baseline: 'align', version: 1, findings: findings.map(f => ({ ...f, file: `ws/${f.file}` })) }, null, 2));
        assert.deepEqual(checkAgainst(dir, 'old.json', 'ws'), { status: 0, findings: [], note: `align: baseline old.json: ${FINDINGS} matched, 0 new\n` });
        // From another folder its files are others: the findings identified by their file (the syntax error, the settings problem) are new.
        const elsewhere = checkAgainst(ws, '../old.json');
        assert.deepEqual(elsewhere.findings.map(f => f.rule), ['config-invalid', 'syntax']);
        assert.equal(elsewhere.note, `align: baseline ../old.json: ${FINDINGS - 2} matched, 2 new; 2 baseline findings are in files this run did not check\n`);
        fixSyntaxError(ws);
        assert.match(checkAgainst(dir, 'old.json', 'ws').note, new RegExp(`: ${FINDINGS - 1} matched, 0 new; 1 baseline finding no longer occurs `), 'its files are the ones this run read');
    });
});
