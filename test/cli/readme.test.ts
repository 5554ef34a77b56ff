/**
 * Every shell command of the README works as written: each ```sh block runs
 * with bash, in order, in a copy of the repository, and ends with the exit
 * status it is annotated with (0 unless `<!-- shell: exit N -->`); the
 * ```text block after it is its standard output, exactly. UPDATE_README=1
 * writes the output the commands give into the README instead (review the diff).
 *
 * The copy links the installed node_modules, so `npm ci` is taken as done
 * there (a real one would replace the link; CI runs the real one, from the
 * block that .ci/run runs verbatim, which is not run here: it is `npm test`
 * itself). `npm install -g` installs into a folder of the test. VS Code is
 * not installed: `code --install-extension FILE` checks that FILE is a VSIX.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { shellBlocks, withOutput, type ShellBlock } from './readme-blocks.js';
import { REPO_ROOT } from './run-cli.js';
import { makeTempDir } from '../temp-dirs.js';

const README = path.join(REPO_ROOT, 'README.md');
/** Not copied: installed or built things, and what the commands write. */
const NOT_COPIED = new Set(['node_modules', 'out', '.git', '.vscode-test', '.vscode-test-web', 'bench-out', 'tmp']);
/** Lines that look like a problem in what a set-up or build prints. */
const PROBLEM = /npm (warn|WARN|ERR)|EBADENGINE|EBADDEVENGINES|deprecated|Found multiple assignments|install scripts/;

/** A folder with the repository copied into `repo/`, a global npm prefix and the npm and code stand-ins. */
function sandbox(): { root: string; repo: string; env: NodeJS.ProcessEnv } {
    const root = makeTempDir('align-readme-');
    const repo = path.join(root, 'repo');
    fs.cpSync(REPO_ROOT, repo, {
        recursive: true,
        filter: source => {
            const relative = path.relative(REPO_ROOT, source);
            return !NOT_COPIED.has(relative) && !/\.(vsix|tgz)$/.test(relative);
        }
    });
    fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(repo, 'node_modules'));
    const bin = path.join(root, 'bin');
    fs.mkdirSync(bin);
    const npm = spawnSync('bash', ['-c', 'command -v npm'], { encoding: 'utf-8' }).stdout.trim();
    assert.ok(npm, 'npm is on the PATH');
    fs.writeFileSync(path.join(bin, 'npm'), [
        '#!/usr/bin/env bash',
        '# npm ci would replace the link to the installed node_modules: the README test takes it as done.',
        'if [ "$1" = ci ]; then [ -d node_modules/.bin ] && exit 0; echo "npm ci: no node_modules" >&2; exit 1; fi',
        `exec "${npm}" "$@"`
    ].join('\n') + '\n', { mode: 0o755 });
    fs.writeFileSync(path.join(bin, 'code'), [
        '#!/usr/bin/env bash',
        '# VS Code is not installed: check that the extension to install is a VSIX with its manifest.',
        '[ "$1" = --install-extension ] && [ -f "$2" ] || { echo "code: expected --install-extension FILE.vsix, got: $*" >&2; exit 1; }',
        'grep -q "extension/package.json" "$2" && [ "$(head -c 2 "$2")" = PK ] || { echo "code: $2 is not a VSIX" >&2; exit 1; }'
    ].join('\n') + '\n', { mode: 0o755 });
    const prefix = path.join(root, 'prefix');
    const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) && key !== 'NO_COLOR' && key !== 'FORCE_COLOR'));
    env['npm_config_prefix'] = prefix;
    env['PATH'] = [bin, path.join(prefix, 'bin'), process.env['PATH']].join(path.delimiter);
    return { root, repo, env };
}

describe('the README, command by command', function () {
    this.timeout(900_000);
    const markdown = fs.readFileSync(README, 'utf-8');
    const blocks = shellBlocks(markdown);
    const outputs = new Map<ShellBlock, string>();
    let box: ReturnType<typeof sandbox>;

    before(() => { box = sandbox(); });
    after(() => {
        if (box) fs.rmSync(box.root, { recursive: true, force: true });
        if (process.env['UPDATE_README']) {
            const updated = [...outputs].reverse().reduce((text, [block, stdout]) => withOutput(text, block, stdout), markdown);
            fs.writeFileSync(README, updated);
        }
    });

    it('has the blocks of the set-up, the install and the tour', () => {
        assert.ok(blocks.length >= 6, `${blocks.length} shell blocks`);
        assert.match(blocks[0]!.script, /npm ci && npm run build && node bin\/align\.cjs check examples\n$/);
        assert.ok(blocks.some(b => b.script.includes('align init ChurnPilot > churn-pilot.align')));
        assert.ok(blocks.filter(b => b.output).length >= 3, 'sample outputs');
    });

    for (const block of blocks) {
        const title = `line ${block.line}: ${block.script.split('\n').filter(l => l && !l.startsWith('#')).map(l => l.replace(/\s+#.*$/, '')).join('; ')}`;
        if (block.byCi) {
            it(`${title} is what .ci/run runs`, () => {
                const ci = fs.readFileSync(path.join(REPO_ROOT, '.ci/run'), 'utf-8').split('\n');
                for (const line of block.script.split('\n').filter(l => l && !l.startsWith('#'))) assert.ok(ci.includes(line), `.ci/run has the line: ${line}`);
            });
            continue;
        }
        it(title, () => {
            const result = spawnSync('bash', ['-e', '-c', block.script], { cwd: box.repo, env: box.env, encoding: 'utf-8', timeout: 850_000, maxBuffer: 64 * 1024 * 1024 });
            const shown = `\nstdout:\n${result.stdout.slice(-3000)}\nstderr:\n${result.stderr.slice(-3000)}`;
            assert.equal(result.status, block.status, `exit status${shown}`);
            const problems = `${result.stdout}\n${result.stderr}`.split('\n').filter(l => PROBLEM.test(l));
            assert.deepEqual(problems, [], `nothing that looks like a problem${shown}`);
            if (!block.output) return;
            outputs.set(block, result.stdout);
            if (!process.env['UPDATE_README']) assert.equal(result.stdout, block.output.text, 'the output the README shows (UPDATE_README=1 writes it)');
        });
    }
});
