/**
 * The Align GitHub Action (action.yml, composite) run step by step as the
 * runner would (test/cli/action-runner.ts), on a pull request of a real git
 * repository: a shallow clone of the pull request's head (as
 * actions/checkout makes), an `origin` to fetch the base commit from, the
 * built CLI as `align`. The comment script runs against a fake GitHub API.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { createRequire } from 'node:module';
import yaml from 'js-yaml';
import { runAction, type Action, type ActionStep, type RunContext } from './action-runner.js';
import { GIT_ENV, gitRepo, HAS_GIT, reviewChange } from './git-repo.js';
import { BIN, EXAMPLES, REPO_ROOT, removeTempDirs, requireBundle, tempDir } from './run-cli.js';

const ACTION = yaml.load(fs.readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf-8')) as Action;
// Split into words by bash, as the default `npx --no-install align` is (the test paths have no spaces).
const ALIGN = `${process.execPath} ${BIN}`;

/** A fake of the GitHub REST API as github-script hands it to the script: comments of one pull request. */
type FakeComment = { id: number; body: string; user?: { login: string; type: 'Bot' | 'User' } };
/** The author of the comments the default GITHUB_TOKEN writes. */
const ACTIONS_BOT = { login: 'github-actions[bot]', type: 'Bot' } as const;

/** As GitHub answers an installation token (GITHUB_TOKEN) that asks for its user. */
async function installationTokenUser(): Promise<never> {
    throw Object.assign(new Error('Resource not accessible by integration'), { status: 403 });
}

/** `tokenUser`: the login of a personal access token given as github-token (else the default installation token). */
function fakeGithub(comments: FakeComment[], calls: string[], tokenUser?: string) {
    return {
        paginate: async (method: (args: object) => Promise<{ data: unknown[] }>, args: object) => (await method(args)).data,
        rest: {
            users: { getAuthenticated: tokenUser ? async () => ({ data: { login: tokenUser } }) : installationTokenUser },
            issues: {
                listComments: async () => ({ data: comments.map(c => ({ ...c })) }),
                createComment: async ({ body }: { body: string }) => { calls.push('create'); comments.push({ id: comments.length + 1, body, user: ACTIONS_BOT }); },
                updateComment: async ({ comment_id, body }: { comment_id: number; body: string }) => { calls.push(`update ${comment_id}`); comments.find(c => c.id === comment_id)!.body = body; }
            }
        }
    };
}

/** A pull request: `origin` holds main and the pull request's branch; the workspace is a depth-1 clone of the branch. */
function pullRequest(change: (repo: ReturnType<typeof gitRepo>) => void) {
    const repo = gitRepo(EXAMPLES);
    const baseSha = repo.git('rev-parse', 'HEAD').trim();
    repo.git('checkout', '-q', '-b', 'pr');
    change(repo);
    repo.commit('the change');
    const root = tempDir('align-action-');
    const origin = path.join(root, 'origin.git');
    const git = (cwd: string, ...args: string[]) => {
        const r = spawnSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf-8' });
        assert.equal(r.status, 0, `git ${args.join(' ')}: ${r.stderr}`);
    };
    git(root, 'clone', '-q', '--bare', repo.dir, origin);
    git(origin, 'config', 'uploadpack.allowAnySHA1InWant', 'true');
    git(root, 'clone', '-q', '--depth', '1', '--branch', 'pr', `file://${origin}`, 'work');
    return { workspace: path.join(root, 'work'), baseSha };
}

describe('the Align GitHub Action (action.yml)', function () {
    this.timeout(180_000);
    before(function () {
        requireBundle();
        if (!HAS_GIT) this.skip();
    });
    after(removeTempDirs);

    /** Runs the action; `uses:` steps are recorded, github-script runs its script against `comments`. */
    async function run(workspace: string, options: { eventName?: string; baseSha?: string; inputs?: Record<string, string>; comments?: FakeComment[]; tokenUser?: string } = {}) {
        const calls: string[] = [];
        const comments = options.comments ?? [];
        const context: RunContext = {
            workspace, eventName: options.eventName ?? 'pull_request', baseSha: options.baseSha,
            inputs: { align: ALIGN, ...options.inputs }, env: GIT_ENV,
            uses: async (step: ActionStep, withValues: Record<string, string>) => {
                calls.push(step.uses!);
                if (step.uses!.startsWith('github/codeql-action/upload-sarif@')) return fs.existsSync(path.join(workspace, withValues['sarif_file']!));
                assert.ok(step.uses!.startsWith('actions/github-script@'), step.uses);
                const script = vm.runInThisContext(`(async (require, github, context) => {\n${withValues['script']}\n})`) as (...a: unknown[]) => Promise<void>;
                const cwd = process.cwd();
                process.chdir(workspace);
                try {
                    await script(createRequire(path.join(workspace, 'x.js')), fakeGithub(comments, calls, options.tokenUser), { repo: { owner: 'acme', repo: 'programs' }, issue: { number: 7 } });
                } finally {
                    process.chdir(cwd);
                }
                return true;
            }
        };
        return { ...(await runAction(ACTION, context)), calls, comments };
    }

    it('is a composite action whose scripts take inputs from the environment, never inline', () => {
        assert.equal(ACTION.runs.using, 'composite');
        for (const step of ACTION.runs.steps.filter(s => s.run)) {
            assert.ok(!step.run!.includes('${{'), `no expression inside a script (injection): ${step.name}`);
            assert.equal(step.shell, 'bash');
        }
        assert.deepEqual(Object.keys(ACTION.inputs), ['paths', 'align', 'args', 'sarif', 'comment', 'fail-on-errors', 'github-token']);
    });

    it('splits the args input in one step, whose words the SARIF check reads from $RUNNER_TEMP', () => {
        assert.deepEqual(ACTION.runs.steps.filter(s => s.run?.includes('xargs')).map(s => s.name), ['Check (annotations)']);
        const sarif = ACTION.runs.steps.find(s => s.name === 'Check (SARIF)')!;
        assert.equal(sarif.env?.['ALIGN_ARGS'], undefined, 'the SARIF step does not split the input again');
        assert.match(sarif.run!, /< "\$RUNNER_TEMP\/align-args"/);
    });

    it('on a pull request: annotations, SARIF uploaded, ONE diff comment updated on the next push, then the job fails on errors', async () => {
        const { workspace, baseSha } = pullRequest(reviewChange);
        const hasBase = () => spawnSync('git', ['cat-file', '-e', `${baseSha}^{commit}`], { cwd: workspace }).status === 0;
        assert.equal(hasBase(), false, 'the shallow clone does not have the base commit');
        const first = await run(workspace, { baseSha });
        assert.equal(hasBase(), true, 'the diff step fetched it');
        const outcome = (name: string) => first.steps.find(s => s.name === name)!.outcome;
        assert.equal(first.steps.find(s => s.name === 'Check (annotations)')!.outputs['status'], '1');
        assert.match(first.steps.find(s => s.name === 'Check (annotations)')!.stdout, /^::error file=sales-win-rate\.align,line=68,/m);
        assert.deepEqual([outcome('Check (SARIF)'), outcome('Impact-chain diff'), outcome('Fail on errors')], ['success', 'success', 'failure']);
        assert.equal(JSON.parse(fs.readFileSync(path.join(workspace, 'align.sarif'), 'utf-8')).version, '2.1.0');
        assert.deepEqual(first.calls, ['github/codeql-action/upload-sarif@v4', 'actions/github-script@v7', 'create']);
        assert.equal(first.failed, true, 'errors fail the job, after everything else');
        const body = first.comments[0]!.body;
        assert.equal(body, fs.readFileSync(path.join(workspace, 'align-diff.md'), 'utf-8'));
        assert.match(body, /^<!-- align-diff -->\n### Align: impact-chain changes\n\n\*\*1 added, 1 renamed, 2 changed elements/);
        assert.ok(body.includes('```mermaid\nflowchart LR\n'));
        // A reviewer's comment that quotes the Align comment (marker and all) is not the action's to update.
        const quoted = { id: 1, body: first.comments[0]!.body, user: { login: 'reviewer', type: 'User' as const } };
        const second = await run(workspace, { baseSha, comments: [quoted, { id: 3, body: 'Looks good', user: quoted.user }, ...first.comments.map(c => ({ ...c, id: 2 }))] });
        assert.deepEqual(second.calls.slice(-1), ['update 2']);
        assert.equal(second.comments.length, 3, 'no second Align comment');
        // With a personal token the action's comments are that user's: found by login, not by a bot author.
        const alice = { login: 'alice', type: 'User' as const };
        const third = await run(workspace, { baseSha, tokenUser: 'alice', comments: [quoted, { ...first.comments[0]!, id: 4, user: alice }] });
        assert.deepEqual(third.calls.slice(-1), ['update 4']);
    });

    it('a change that does not touch the chain gets no new comment; a push to main gets no diff', async () => {
        const { workspace, baseSha } = pullRequest(repo => fs.writeFileSync(path.join(repo.dir, 'README.md'), '# programs\n'));
        const pr = await run(workspace, { baseSha });
        assert.match(fs.readFileSync(path.join(workspace, 'align-diff.md'), 'utf-8'), /\*\*No change to the impact chain/);
        assert.deepEqual(pr.calls, ['github/codeql-action/upload-sarif@v4', 'actions/github-script@v7']);
        fs.rmSync(path.join(workspace, 'align-diff.md'));
        const push = await run(workspace, { eventName: 'push' });
        assert.equal(push.steps.find(s => s.name === 'Impact-chain diff')!.outcome, 'skipped');
        assert.ok(!fs.existsSync(path.join(workspace, 'align-diff.md')));
    });

    it('fails at once, saying so, when align is not installed (npx exits 1, which must not read as "errors found")', async () => {
        const { workspace, baseSha } = pullRequest(reviewChange);
        // What `npx --no-install align` does without align-lang in node_modules.
        const npx = path.join(workspace, '..', 'npx-without-align');
        fs.writeFileSync(npx, '#!/bin/sh\necho "npm error npx canceled due to missing packages and no YES option: [\"align\"]" >&2\nexit 1\n', { mode: 0o755 });
        const result = await run(workspace, { baseSha, inputs: { align: `${npx} --no-install align` } });
        assert.equal(result.failed, true);
        assert.equal(result.steps[0]!.outcome, 'failure');
        assert.match(result.steps[0]!.stdout, /^::error title=align is not installed::'.*npx-without-align --no-install align --version' failed\. Add the align-lang dev dependency/m);
        assert.match(result.steps[0]!.stdout, /npx canceled due to missing packages/);
        assert.ok(result.steps.slice(1).every(s => s.outcome === 'skipped'), 'no check, no SARIF, no comment');
        assert.deepEqual(result.calls, []);
    });

    it('passes the args input to both checks, split as a shell would, and not to align diff', async () => {
        const { workspace, baseSha } = pullRequest(reviewChange);
        const write = spawnSync(process.execPath, [BIN, 'check', '--write-baseline', "today's baseline.json"], { cwd: workspace, encoding: 'utf-8' });
        assert.equal(write.status, 0, write.stderr);
        const result = await run(workspace, { baseSha, inputs: { args: `--baseline "today's baseline.json"  --max-warnings 0` } });
        const check = result.steps.find(s => s.name === 'Check (annotations)')!;
        assert.equal(check.outputs['status'], '0', check.stderr);
        assert.equal(check.stdout, '', 'every finding is in the baseline');
        assert.match(check.stderr, /^align: baseline today's baseline\.json: \d+ matched, 0 new\n$/);
        // Baselined findings are left out of the SARIF or marked suppressed: none is new.
        const results = JSON.parse(fs.readFileSync(path.join(workspace, 'align.sarif'), 'utf-8')).runs[0].results as Array<{ suppressions?: unknown[] }>;
        assert.deepEqual(results.filter(r => !r.suppressions?.length), [], 'the SARIF check got the args too');
        assert.equal(result.steps.find(s => s.name === 'Impact-chain diff')!.outcome, 'success', 'align diff takes no --baseline: it did not get the args');
        assert.equal(result.failed, false);
        const unmatched = await run(workspace, { baseSha, inputs: { args: `--baseline "today's` } });
        const failed = unmatched.steps.find(s => s.name === 'Check (annotations)')!;
        assert.equal(failed.outcome, 'failure');
        assert.match(failed.stdout, /^::error title=align args::the args input has an unmatched quote/m);
        assert.equal(unmatched.failed, true);
    });

    it('inputs turn parts off; an unreadable path fails at once', async () => {
        const { workspace, baseSha } = pullRequest(reviewChange);
        const quiet = await run(workspace, { baseSha, inputs: { sarif: 'false', comment: 'false', 'fail-on-errors': 'false' } });
        assert.deepEqual(quiet.calls, []);
        assert.equal(quiet.failed, false);
        assert.ok(!fs.existsSync(path.join(workspace, 'align.sarif')));
        const broken = await run(workspace, { baseSha, inputs: { paths: 'no-such-folder' } });
        const check = broken.steps.findIndex(s => s.name === 'Check (annotations)');
        assert.equal(broken.steps[check]!.outcome, 'failure');
        assert.match(broken.steps[check]!.stderr, /no-such-folder: no such file or folder/);
        assert.ok(broken.steps.slice(check + 1).every(s => s.outcome === 'skipped'));
        assert.equal(broken.failed, true);
    });
});
