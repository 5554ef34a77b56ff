/**
 * Edit -> publishDiagnostics latency of the built language server, over real
 * JSON-RPC (stdio), on generated workspaces of 10,000 elements (100 files,
 * and one file):
 *
 * - a one-line change (a title string) in one file, timed until the server
 *   publishes that file's diagnostics again; meanwhile every other file's
 *   publications are counted (their findings do not change: none is due);
 * - with 100 files, a change that changes another file's findings (a
 *   declaration added to, then removed from, the edited file under a name
 *   another file declares: `duplicate-name` appears and goes in both),
 *   timed until the other file's diagnostics show it;
 * - start-up: from spawning the server to the first diagnostics.
 *
 * Both latencies are compared with a raw parse (lexer + parser) of the
 * edited file, measured in this process side by side.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LspSession, uriOf } from '../../test/lsp/lsp-session.js';
import { generateWorkspace } from './generate.js';
import { measureRawParse } from './measure.js';
import { median, ms, now, progress, ratio, table, thousands } from './timing.js';

const WARM_UP_EDITS = 3;
const EDITS = 25;
const CROSS_EDITS = 12;

/** Goals (figures, not tests). */
const GOAL = { p50: 50, p95: 100, otherFilesP50: 200, oneFileRatio: 1.5, startup: 1500 };

/** The p-th percentile (0..100) of some values. */
function percentile(values: readonly number[], p: number): number {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)]!;
}

interface Latencies {
    startup: number;
    /** Edit -> the edited file's diagnostics, title edits. */
    times: number[];
    /** Publications of other files during the title edits (their findings did not change). */
    otherPublishes: number;
    /** Edit -> the other file's changed diagnostics, cross-file edits (100 files only). */
    crossTimes: number[];
}

/** A top-level declaration of another file than `target`, whose name `target` may declare again. */
function otherDeclaration(files: readonly string[], target: string): { file: string; line: string } | undefined {
    for (const file of files) {
        if (file === target) continue;
        const m = /^skill (\w+) "[^"]*"/m.exec(fs.readFileSync(file, 'utf-8'));
        if (m) return { file, line: `skill ${m[1]} "Declared again"` };
    }
    return undefined;
}

/** Start-up time and the edit -> diagnostics times of `file` in the workspace `dir` (of `files`). */
export async function latencies(dir: string, files: readonly string[], file: string): Promise<Latencies> {
    const started = now();
    const { session } = await LspSession.start(dir);
    try {
        await session.diagnosticsOf(file, () => true, 120000);
        const startup = now() - started;
        await session.until(() => files.every(f => session.diagnostics.has(uriOf(f))), 'every file\'s first diagnostics', 120000);
        const original = fs.readFileSync(file, 'utf-8');
        await session.open(file, original);
        const titleLine = original.split('\n').findIndex(l => /"[^"]*"/.test(l));
        const others = () => [...session.publishCount].filter(([uri]) => uri !== uriOf(file)).reduce((sum, [, n]) => sum + n, 0);
        const times: number[] = [];
        let otherPublishes = 0;
        for (let i = 0; i < WARM_UP_EDITS + EDITS; i++) {
            const lines = original.split('\n');
            lines[titleLine] = lines[titleLine]!.replace(/"([^"]*)"/, `"$1 edit ${i}"`);
            session.diagnostics.delete(uriOf(file));
            const before = others();
            const t = now();
            await session.change(file, lines.join('\n'));
            await session.diagnosticsOf(file, () => true, 60000);
            if (i >= WARM_UP_EDITS) times.push(now() - t);
            await new Promise(resolve => setTimeout(resolve, 50));
            if (i >= WARM_UP_EDITS) otherPublishes += others() - before;
        }
        const crossTimes = files.length > 1 ? await crossFileTimes(session, files, file, original) : [];
        return { startup, times, otherPublishes, crossTimes };
    } finally {
        await session.stop();
    }
}

/** Adds and removes, in `file`, a declaration another file makes: timed until that file's diagnostics follow. */
async function crossFileTimes(session: LspSession, files: readonly string[], file: string, original: string): Promise<number[]> {
    const other = otherDeclaration(files, file);
    if (!other) throw new Error('bench: no top-level skill in another file to declare again');
    const duplicated = (d: ReadonlyArray<{ code?: unknown }>) => d.some(x => x.code === 'duplicate-name');
    const times: number[] = [];
    for (let i = 0; i < WARM_UP_EDITS + CROSS_EDITS; i++) {
        const add = i % 2 === 0;
        const t = now();
        await session.change(file, add ? `${original}\n${other.line}\n` : original);
        await session.diagnosticsOf(other.file, d => duplicated(d) === add, 60000);
        if (i >= WARM_UP_EDITS) times.push(now() - t);
    }
    return times;
}

/** Median raw parse time of one file, in this process. */
function rawParse(file: string): number {
    const text = fs.readFileSync(file, 'utf-8');
    return median([0, 1, 2].map(() => measureRawParse([{ path: file, text }]).ms));
}

/** The figures of one workspace, for the summary of targets. */
export interface LspFigures {
    readonly files: number;
    readonly startup: number;
    readonly p50: number;
    readonly p95: number;
    readonly crossP50: number;
    readonly otherPublishes: number;
    /** Raw parse of the edited file. */
    readonly raw: number;
}

/** Runs the latency benchmark on generated workspaces under `tmp`; returns the printed table and the figures. */
export async function benchLspLatency(tmp: string): Promise<{ text: string; figures: LspFigures[] }> {
    const rows: string[][] = [];
    const figures: LspFigures[] = [];
    for (const count of [100, 1]) {
        const workspace = generateWorkspace({ elements: 10_000, files: count, dir: path.join(tmp, `lsp-10000x${count}`) });
        const files = workspace.files.map(f => f.path);
        const target = files[Math.floor(files.length / 2)]!;
        progress(`lsp: ${thousands(workspace.elements)} elements in ${count} file(s): ${EDITS} edits of ${path.basename(target)}`);
        const rawBefore = rawParse(target);
        const { startup, times, otherPublishes, crossTimes } = await latencies(workspace.dir, files, target);
        const raw = median([rawBefore, rawParse(target)]);
        const [p50, p95] = [percentile(times, 50), percentile(times, 95)];
        const cross = crossTimes.length > 0 ? percentile(crossTimes, 50) : NaN;
        const goal = count === 100
            ? p50 < GOAL.p50 && p95 < GOAL.p95 && cross < GOAL.otherFilesP50 && otherPublishes === 0 && startup < GOAL.startup
            : p50 <= GOAL.oneFileRatio * raw;
        rows.push([`${thousands(workspace.elements)} x ${count}`, ms(startup), ms(p50), ms(p95), ms(Math.max(...times)),
            count === 100 ? ms(cross) : '-', count === 100 ? String(otherPublishes) : '-',
            ms(raw), ratio(p50 / raw), goal ? 'PASS' : 'MISS']);
        figures.push({ files: count, startup, p50, p95, crossP50: cross, otherPublishes, raw });
    }
    const text = `Edit -> publishDiagnostics over LSP (stdio, built server), one-line change, ${EDITS} edits after ${WARM_UP_EDITS} warm-up edits.\n`
        + `Goals: 100 files: edited file p50 < ${GOAL.p50} ms, p95 < ${GOAL.p95} ms; another file's changed diagnostics p50 < ${GOAL.otherFilesP50} ms `
        + `(${CROSS_EDITS} edits adding and removing a declaration another file makes); no other file re-published after a title edit; `
        + `start-up to first diagnostics < ${GOAL.startup} ms. One file: p50 <= ${GOAL.oneFileRatio}x a raw parse of that file (this process, side by side).\n\n`
        + table(['elements x files', 'start-up to first diagnostics', 'p50', 'p95', 'max', 'other file p50', 'other files re-published', 'raw parse of the file', 'p50/raw', 'goal'], rows);
    return { text, figures };
}
