/**
 * The SARIF Multitool's `validate` (rules Gh and Sarif: what GitHub code
 * scanning requires, and the SARIF specification) on a log `align check
 * --format sarif` wrote: the one way the tests run it.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from './run-cli.js';

const MULTITOOL = path.join(REPO_ROOT, 'node_modules', '@microsoft', 'sarif-multitool-linux', 'Sarif.Multitool');

/** How long a validation may take, in ms; a test that runs one needs more. */
export const MULTITOOL_TIMEOUT = 170_000;

/** The Multitool's own log: a message is its `text`, or `id` and `arguments` into its rule's `messageStrings`. */
interface ValidationLog {
    runs: {
        tool: { driver: { rules?: { messageStrings?: Record<string, { text: string }> }[] } };
        results?: { ruleId: string; ruleIndex?: number; level?: string; message: { text?: string; id?: string; arguments?: string[] } }[];
    }[];
}

/**
 * Skips the test where the Multitool cannot run (the package ships a Linux
 * binary only), and makes it executable (npm 11 skips the package's
 * postinstall chmod). Fails when it is missing.
 */
export function requireMultitool(test: Mocha.Context): void {
    if (process.platform !== 'linux') test.skip();
    assert.ok(fs.existsSync(MULTITOOL), `${MULTITOOL} is missing: run npm ci`);
    const mode = fs.statSync(MULTITOOL).mode;
    if ((mode & 0o100) === 0) fs.chmodSync(MULTITOOL, mode | 0o100);
}

/** Validates `sarifFile` (its result log is written next to it) and returns its problems of level error or warning, as `error SARIF1001: ...` lines. */
export function multitoolProblems(sarifFile: string): string[] {
    const out = sarifFile.replace(/(\.sarif)?$/, '.validation.sarif');
    const validation = spawnSync(MULTITOOL, ['validate', sarifFile, '-o', out, '--rule-kind', 'Gh;Sarif', '--level', 'Error;Warning;Note'],
        { encoding: 'utf-8', timeout: MULTITOOL_TIMEOUT, env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1' } });
    assert.equal(validation.error, undefined, String(validation.error));
    assert.ok(fs.existsSync(out), `the Multitool wrote ${out}\n${validation.stdout}\n${validation.stderr}`);
    const log = JSON.parse(fs.readFileSync(out, 'utf-8').replace(/^\uFEFF/, '')) as ValidationLog;
    assert.ok(log.runs.length > 0, 'the Multitool wrote no run');
    // A result without a level is a warning (SARIF's default).
    return log.runs.flatMap(run => (run.results ?? [])
        .filter(r => (r.level ?? 'warning') === 'error' || (r.level ?? 'warning') === 'warning')
        .map(r => {
            const template = r.message.text ?? run.tool.driver.rules?.[r.ruleIndex ?? -1]?.messageStrings?.[r.message.id ?? '']?.text ?? r.message.id ?? JSON.stringify(r.message);
            const text = template.replace(/\{(\d+)\}/g, (_, i: string) => r.message.arguments?.[Number(i)] ?? '');
            return `${r.level ?? 'warning'} ${r.ruleId}: ${text}`;
        }));
}
