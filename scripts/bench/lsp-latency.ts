/**
 * Edit -> publishDiagnostics latency of the built language server, over real
 * JSON-RPC (stdio): a one-line change (a title string) in one file, timed
 * until the server publishes that file's diagnostics again.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LspSession, uriOf } from '../../test/lsp/lsp-session.js';
import { generateWorkspace } from './generate.js';
import { median, ms, now, progress, table, thousands } from './timing.js';

const WARM_UP_EDITS = 3;
const EDITS = 25;

/** The p-th percentile (0..100) of some values. */
function percentile(values: readonly number[], p: number): number {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)]!;
}

/** Start-up time and the edit -> diagnostics times of `file` in the workspace `dir`. */
export async function latencies(dir: string, file: string): Promise<{ startup: number; times: number[] }> {
    const started = now();
    const { session } = await LspSession.start(dir);
    try {
        await session.diagnosticsOf(file, () => true, 120000);
        const startup = now() - started;
        const original = fs.readFileSync(file, 'utf-8');
        await session.open(file, original);
        const titleLine = original.split('\n').findIndex(l => /"[^"]*"/.test(l));
        const times: number[] = [];
        for (let i = 0; i < WARM_UP_EDITS + EDITS; i++) {
            const lines = original.split('\n');
            lines[titleLine] = lines[titleLine]!.replace(/"([^"]*)"/, `"$1 edit ${i}"`);
            session.diagnostics.delete(uriOf(file));
            const t = now();
            await session.change(file, lines.join('\n'));
            await session.diagnosticsOf(file, () => true, 60000);
            if (i >= WARM_UP_EDITS) times.push(now() - t);
        }
        return { startup, times };
    } finally {
        await session.stop();
    }
}

/** Runs the latency benchmark on generated workspaces under `tmp`; returns the printed table. */
export async function benchLspLatency(tmp: string): Promise<string> {
    const rows: string[][] = [];
    for (const files of [100, 1]) {
        const workspace = generateWorkspace({ elements: 10_000, files, dir: path.join(tmp, `lsp-10000x${files}`) });
        const target = workspace.files[Math.floor(workspace.files.length / 2)]!.path;
        progress(`lsp: ${thousands(workspace.elements)} elements in ${files} file(s): ${EDITS} edits of ${path.basename(target)}`);
        const { startup, times } = await latencies(workspace.dir, target);
        const p50 = percentile(times, 50);
        rows.push([`${thousands(workspace.elements)} x ${files}`, ms(startup), ms(p50), ms(percentile(times, 95)), ms(median(times)), ms(Math.max(...times)),
            files === 100 ? (p50 < 100 ? 'PASS' : 'MISS') : '-']);
    }
    return 'Edit -> publishDiagnostics over LSP (stdio, built server), one-line change, ' + `${EDITS} edits after ${WARM_UP_EDITS} warm-up edits.\n`
        + 'Goal: p50 under 100 ms for the 100-file workspace.\n\n'
        + table(['elements x files', 'start-up to first diagnostics', 'p50', 'p95', 'median', 'max', 'goal'], rows);
}
