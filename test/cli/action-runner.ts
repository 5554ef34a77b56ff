/**
 * Runs the steps of a composite action (action.yml) the way the GitHub
 * runner does, as far as the Align action needs: `${{ }}` expressions of
 * inputs, github, steps; `if:` conditions made of `==`/`!=` comparisons
 * joined by `&&`; `run:` steps in `bash --noprofile --norc -eo pipefail`
 * with a fresh `$GITHUB_OUTPUT` per step and a `$RUNNER_TEMP` per run (an
 * empty folder, removed after it); `continue-on-error`; a failed step skips
 * the rest. `uses:` steps are handed to the caller.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface ActionStep {
    name?: string;
    id?: string;
    if?: string;
    uses?: string;
    run?: string;
    shell?: string;
    env?: Record<string, string>;
    with?: Record<string, string>;
    'continue-on-error'?: boolean;
}

export interface Action {
    inputs: Record<string, { default?: string }>;
    outputs?: Record<string, { value: string }>;
    runs: { using: string; steps: ActionStep[] };
}

/** What a run needs: the workspace, the inputs given, the event, and a handler for `uses:` steps. */
export interface RunContext {
    workspace: string;
    inputs: Record<string, string>;
    eventName: string;
    baseSha?: string;
    env?: NodeJS.ProcessEnv;
    /** Runs a `uses:` step (its `with` already evaluated); resolves to true on success. */
    uses(step: ActionStep, withValues: Record<string, string>): Promise<boolean>;
}

/** One step's result. */
export interface StepResult {
    name: string;
    outcome: 'success' | 'failure' | 'skipped';
    stdout: string;
    stderr: string;
    outputs: Record<string, string>;
}

/** Runs every step; `failed` says whether the job failed. */
export async function runAction(action: Action, context: RunContext): Promise<{ steps: StepResult[]; failed: boolean }> {
    const inputs: Record<string, string> = {};
    for (const [name, spec] of Object.entries(action.inputs)) inputs[name] = context.inputs[name] ?? spec.default ?? '';
    const done = new Map<string, StepResult>();
    const results: StepResult[] = [];
    let failed = false;
    const value = (expression: string): string => resolve(expression.trim(), { inputs, context, done });
    const expand = (text: string) => text.replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_, e: string) => value(e));
    const runnerTemp = fs.mkdtempSync(path.join(os.tmpdir(), 'align-runner-temp-'));
    try {
        for (const step of action.runs.steps) {
            const name = step.name ?? step.uses ?? '?';
            const run = !failed && (step.if === undefined || condition(step.if, value));
            let result: StepResult = { name, outcome: 'skipped', stdout: '', stderr: '', outputs: {} };
            if (run && step.run !== undefined) result = runStep(name, step, expand, context, runnerTemp);
            else if (run && step.uses) {
                const withValues = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, expand(String(v))]));
                result = { ...result, outcome: await context.uses(step, withValues) ? 'success' : 'failure' };
            }
            if (result.outcome === 'failure' && !step['continue-on-error']) failed = true;
            if (step.id) done.set(step.id, result);
            results.push(result);
        }
    } finally {
        fs.rmSync(runnerTemp, { recursive: true, force: true });
    }
    return { steps: results, failed };
}

function runStep(name: string, step: ActionStep, expand: (t: string) => string, context: RunContext, runnerTemp: string): StepResult {
    const outputFile = path.join(context.workspace, '..', `github-output-${process.pid}-${Date.now()}`);
    fs.writeFileSync(outputFile, '');
    const env: NodeJS.ProcessEnv = { ...process.env, ...context.env, GITHUB_OUTPUT: outputFile, GITHUB_WORKSPACE: context.workspace, RUNNER_TEMP: runnerTemp };
    for (const [k, v] of Object.entries(step.env ?? {})) env[k] = expand(String(v));
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], { cwd: context.workspace, env, encoding: 'utf-8', timeout: 120_000 });
    const outputs = Object.fromEntries(fs.readFileSync(outputFile, 'utf-8').split('\n').filter(l => l.includes('=')).map(l => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
    fs.rmSync(outputFile);
    return { name, outcome: r.status === 0 ? 'success' : 'failure', stdout: r.stdout, stderr: r.stderr, outputs };
}

/** `a == 'x' && b != 'y'`; anything else is an error of the test, not a false condition. */
function condition(expression: string, value: (e: string) => string): boolean {
    return expression.split('&&').every(term => {
        const m = /^\s*(.+?)\s*(==|!=)\s*'([^']*)'\s*$/.exec(term);
        if (!m) throw new Error(`unsupported condition: ${term}`);
        return (value(m[1]!) === m[3]) === (m[2] === '==');
    });
}

function resolve(expression: string, scope: { inputs: Record<string, string>; context: RunContext; done: Map<string, StepResult> }): string {
    const { inputs, context, done } = scope;
    let m: RegExpExecArray | null;
    if ((m = /^inputs\.([\w-]+)$/.exec(expression))) return inputs[m[1]!] ?? '';
    if (expression === 'github.event_name') return context.eventName;
    if (expression === 'github.event.pull_request.base.sha') return context.baseSha ?? '';
    if (expression === 'github.token') return 'test-token';
    if ((m = /^steps\.([\w-]+)\.outcome$/.exec(expression))) return done.get(m[1]!)?.outcome ?? '';
    if ((m = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expression))) return done.get(m[1]!)?.outputs[m[2]!] ?? '';
    if ((m = /^hashFiles\('([^']+)'\)$/.exec(expression))) return fs.existsSync(path.join(context.workspace, m[1]!)) ? 'hash' : '';
    throw new Error(`unsupported expression: ${expression}`);
}
