import * as fs from 'node:fs';
import * as path from 'node:path';
import { lockRecord, type LockEntry } from '../../language/pull/lock-file.js';
import { normalisedXapi } from '../../language/pull/pull-spec.js';
import { sha256Hex, textSha256Hex } from '../../language/pull/sha256.js';
import type { PullArgs } from '../args.js';
import type { Progress } from '../progress.js';
import { describeCode, InputError } from '../workspace/input-error.js';
import { loadWorkspace } from '../workspace/load-workspace.js';
import { confinedPath } from './confine.js';
import { toSnapshot, type RawRow } from './periods.js';
import { firstLine, PullError } from './pull-error.js';
import { runSqlPull } from './run-sql.js';
import { snapshotOverwritesSource, sourceFiles } from './snapshot-sources.js';
import { stoppedBySignals, unlessSignalled } from './interrupt.js';
import { checkTimeoutSetting } from './timeout.js';
import { matchesMetric, pullTargets, type PullTarget } from './targets.js';
import { checkLockWritable, readLock, recordInLock, unwritable, writeAtomic } from './write-snapshot.js';
import { runXapiPull } from './xapi-pull.js';
import { guardLockFile } from './lock-guard.js';
import { recordChange, unchangedWords, type RecordChange } from './lock-record-change.js';
import { fitMessage, fitParagraph } from '../../language/text/wrap.js';
import { shownPath } from '../shown-path.js';
import { NOT_REGULAR_WORDS } from '../../language/files/regular-files.js';
import { isSpecialFileSync } from '../workspace/read-regular-file.js';

/** Where `align pull` prints: results to `write`, failures to `error`. */
export interface PullIo {
    write(text: string): void;
    error(text: string): void;
    /** Columns of standard output and of standard error: the terminal's, 80 when not a terminal. */
    width: { out: number; error: number };
    progress?: Progress;
}

/**
 * `align pull`: runs every pull of the workspace (or those of `--metric`),
 * writes each snapshot atomically and records it in `align.lock.json`.
 * Exit 0 when all succeeded, 1 when any failed (the others are still written).
 */
export async function runPull(args: PullArgs, io: PullIo): Promise<number> {
    checkTimeoutSetting();
    const workspace = await loadWorkspace({ paths: args.paths, configFile: args.config });
    io.progress?.done();
    const all = await pullTargets(workspace);
    for (const name of args.metrics) {
        if (!all.some(t => matchesMetric(t, [name]))) {
            throw new InputError(`--metric ${name}: no pulled actuals of that metric (${all.length > 0 ? `pulled: ${[...new Set(all.map(t => t.metric))].join(', ')}` : 'the workspace has no `pull` block'})`);
        }
    }
    const targets = args.metrics.length > 0 ? all.filter(t => matchesMetric(t, args.metrics)) : all;
    for (const lockFile of new Set(targets.map(t => t.lockFile))) {
        readLock(lockFile);
        if (!args.dryRun) checkLockWritable(lockFile);
    }
    if (targets.length === 0) {
        io.write(fitParagraph('Nothing to pull: no `actuals ... from "file" { pull ... }` block in the workspace.', io.width.out) + '\n');
        return 0;
    }
    const writers = snapshotWriters(all);
    const sources = sourceFiles(workspace.documents.map(d => d.uri.fsPath), workspace.configFile, all, workspace.root);
    let failed = 0;
    let written = 0;
    const interrupted = (signal: string) => fitMessage(args.dryRun ? `align: interrupted (${signal}); dry run: wrote nothing.`
        : `align: interrupted (${signal}) after ${written + failed} of ${targets.length} ${targets.length === 1 ? 'pull' : 'pulls'}; the snapshots and lock entries of the others are unchanged.`, io.width.error);
    await stoppedBySignals(interrupted, async () => {
        for (const target of targets) {
            await unlessSignalled();
            try {
                if (target.refused !== undefined) throw new PullError(target.refused);
                const overwrites = snapshotOverwritesSource(target, sources);
                if (overwrites !== undefined) throw new PullError(overwrites);
                const others = writers.get(snapshotPath(target))!.filter(t => t !== target);
                if (others.length > 0) {
                    throw new PullError(`the snapshot "${target.file}" is also written by the pull of ${others.map(t => t.metric).join(', ')}: give each pull its own file`);
                }
                io.write(`${fitMessage(await pullOne(target, workspace.root, args.dryRun), io.width.out)}\n`);
                written++;
            } catch (error) {
                await unlessSignalled();
                failed++;
                const cause = error instanceof PullError ? error.message : `internal error: ${firstLine(error)}`;
                io.error(`${fitMessage(`align: pull failed: ${target.metric}, ${target.label}: ${cut(cause)}`, io.width.error)}\n`);
            }
        }
    });
    const done = targets.length - failed;
    const summary = `${args.dryRun ? 'Dry run: wrote nothing; ' : ''}${done} of ${targets.length} ${targets.length === 1 ? 'pull' : 'pulls'} succeeded${failed > 0 ? `, ${failed} failed (${failed === 1 ? 'its snapshot and lock entry are' : 'their snapshots and lock entries are'} unchanged)` : ''}.`;
    io.write(`${fitParagraph(summary, io.width.out)}\n`);
    return failed > 0 ? 1 : 0;
}

/** The longest cause printed: a database may say a lot on its first line (a query quoted back); the rest is cut. */
const MAX_CAUSE = 300;

/** A cause of at most {@link MAX_CAUSE} characters, cut at a space with `...` when longer. */
function cut(cause: string): string {
    if (cause.length <= MAX_CAUSE) return cause;
    const head = cause.slice(0, MAX_CAUSE - 4);
    const space = head.lastIndexOf(' ');
    return `${space > MAX_CAUSE / 2 ? head.slice(0, space) : head} ...`;
}

/** The snapshot file a target writes, resolved (not yet confined to the workspace). */
function snapshotPath(target: PullTarget): string {
    return path.resolve(target.folder, target.file);
}

/** The targets that write each snapshot file: two pulls into one file would overwrite each other's snapshot and lock entry. */
function snapshotWriters(targets: readonly PullTarget[]): Map<string, PullTarget[]> {
    const writers = new Map<string, PullTarget[]>();
    for (const target of targets) {
        const file = snapshotPath(target);
        writers.set(file, [...writers.get(file) ?? [], target]);
    }
    return writers;
}

/** Runs one pull and writes its snapshot and lock entry; returns the line that says what it did (or, dry, would do) to the snapshot: created, changed or kept. */
async function pullOne(target: PullTarget, root: string, dryRun: boolean): Promise<string> {
    if (!target.resolved) throw new PullError(`metric '${target.metric}' is not declared`);
    const spec = target.spec;
    if (!spec) throw new PullError('the pull block is incomplete');
    const snapshotFile = confinedPath(root, target.folder, target.file, 'the snapshot');
    if (fs.existsSync(snapshotFile) && fs.statSync(snapshotFile).isDirectory()) throw new PullError(`the snapshot "${target.file}" is a folder`);
    if (isSpecialFileSync(snapshotFile)) throw new PullError(`the snapshot "${target.file}" is ${NOT_REGULAR_WORDS}`);
    const lockFolder = path.dirname(target.lockFile);
    const relative = (file: string) => path.relative(lockFolder, file).split(path.sep).join('/');
    let rows: RawRow[];
    let source: Partial<LockEntry>;
    if (spec.kind === 'sql') {
        const pulled = await runSqlPull(spec, root, target.folder);
        rows = pulled.rows;
        source = { query: relative(path.resolve(target.folder, spec.query)), querySha256: await textSha256Hex(pulled.query), on: spec.on };
    } else {
        rows = await runXapiPull(spec, target.cadence, target.percent);
        source = { pullSha256: await sha256Hex(normalisedXapi(spec)), on: spec.endpoint };
    }
    const snapshot = toSnapshot(rows, target.cadence);
    if (snapshot.rows === 0) {
        // An empty answer is far likelier a broken filter or source than a metric without data: the old snapshot stays.
        const what = spec.kind === 'sql' ? 'the query' : 'the LRS';
        throw new PullError(snapshot.skipped > 0
            ? `every value was NULL (${snapshot.skipped} ${snapshot.skipped === 1 ? 'row' : 'rows'} skipped): nothing to write, the snapshot is kept`
            : `${what} returned no rows: nothing to write, the snapshot is kept`);
    }
    const shown = shownPath(snapshotFile);
    const range = `, ${snapshot.firstPeriod} to ${snapshot.lastPeriod}`;
    const skipped = snapshot.skipped > 0 ? ` (${snapshot.skipped} ${snapshot.skipped === 1 ? 'row' : 'rows'} with a NULL value skipped)` : '';
    const summary = `${target.metric}: ${snapshot.rows} ${snapshot.rows === 1 ? 'row' : 'rows'}${range}${skipped}`;
    // Hashed before anything is written: the snapshot and its lock entry are then written in one synchronous step, which a signal does not split (interrupt.ts).
    const snapshotSha256 = await textSha256Hex(snapshot.csv);
    const key = relative(snapshotFile);
    const entry = (): LockEntry => ({
        metric: target.metric, kind: spec.kind, ...source,
        rows: snapshot.rows, firstPeriod: snapshot.firstPeriod, lastPeriod: snapshot.lastPeriod,
        snapshotSha256, pulledAt: new Date().toISOString()
    } as LockEntry);
    if (dryRun) {
        const { unchanged, old } = snapshotNow(snapshotFile, snapshot.csv);
        const kept = () => unchangedWords(recordChange(lockRecord(readLock(target.lockFile), key), entry()), true);
        return `${unchanged ? `would keep ${shown} ${kept()}` : `would ${old !== undefined ? 'change' : 'create'} ${shown}`}: ${summary}`;
    }
    const readOnly = unwritable(snapshotFile);
    if (readOnly !== undefined) throw new PullError(`the snapshot "${target.file}" ${readOnly}: make it writable`);
    // Another align pull may write the same lock file (and snapshot) at once: one at a time, from reading the old snapshot to writing the lock.
    const release = await guardLockFile(target.lockFile);
    try {
        const { unchanged, old } = snapshotNow(snapshotFile, snapshot.csv);
        try {
            if (!unchanged) writeAtomic(snapshotFile, snapshot.csv);
        } catch (error) {
            throw new PullError(`the snapshot "${target.file}" cannot be written (${describeCode((error as NodeJS.ErrnoException).code, error)})`);
        }
        const record = entry();
        let change: RecordChange | undefined;
        try {
            change = recordChange(recordInLock(target.lockFile, key, record), record);
        } catch (error) {
            // A snapshot without its lock entry is snapshot-drift: the old snapshot is put back.
            if (old === undefined) fs.rmSync(snapshotFile, { force: true });
            else if (!old.equals(fs.readFileSync(snapshotFile))) writeAtomic(snapshotFile, old);
            const why = error instanceof InputError ? error.message : `${shownPath(target.lockFile)} cannot be written (${describeCode((error as NodeJS.ErrnoException).code, error)})`;
            throw new PullError(`${why}; the snapshot is kept as it was`);
        }
        return `pulled ${shown}${unchanged ? ` ${unchangedWords(change, false)}` : ''}: ${summary}`;
    } finally {
        release();
    }
}

/**
 * The snapshot as it is, read once: whether the new text would change it
 * (CRLF read as LF, as the lock's hash reads it: a checkout with git's
 * core.autocrlf is unchanged data), and what to put back if the lock cannot
 * be written.
 */
function snapshotNow(file: string, csv: string): { unchanged: boolean; old?: Buffer } {
    const old = fs.existsSync(file) ? fs.readFileSync(file) : undefined;
    return { unchanged: old !== undefined && old.toString('utf-8').replaceAll('\r\n', '\n') === csv, old };
}
