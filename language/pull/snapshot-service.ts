import type { FileSystemProvider, LangiumDocuments, URI } from 'langium';
import { DocumentState, UriUtils } from 'langium';
import type { AlignServices } from '../align-module.js';
import type { AlignSettingsService } from '../config/align-settings.js';
import type { AlignHost } from '../host.js';
import type { Actuals, Model } from '../generated/ast.js';
import { actualsBlocks } from '../model-utils.js';
import { LOCK_FILE, lockProblemMessage, lockReadProblem, lockRecord, parseLock, type LockEntry, type LockFile, type LockProblem } from './lock-file.js';
import { normalisedXapi, pullSpec, type PullSpec } from './pull-spec.js';
import { sha256Hex, textSha256Hex } from './sha256.js';
import { driftReasons, type SnapshotFacts } from './snapshot-drift.js';

/** How a pulled actuals block stands against `align.lock.json`. */
export interface SnapshotStatus {
    readonly spec: PullSpec;
    /** The lock record, when there is one. */
    readonly entry?: LockEntry;
    /** Why the snapshot no longer comes from its source; empty when it does. */
    readonly drift: string[];
    /**
     * When the lock file itself cannot be used (not JSON, a newer version, a
     * malformed record, a folder): the sentence `align pull` says about it,
     * advice included (also the only entry of `drift`).
     */
    readonly lockProblem?: string;
}

type LockRead = { uri: URI; lock?: LockFile; problem?: LockProblem } | undefined;

/**
 * Compares every pulled snapshot with its record in the nearest
 * `align.lock.json` (from the `.align` file's folder up to the workspace
 * root). Reads files only; connects to nothing.
 */
export class AlignSnapshotService {
    private readonly documents: LangiumDocuments;
    private readonly fileSystem: FileSystemProvider;
    private readonly settings: AlignSettingsService;
    private pending: Promise<ReadonlyMap<Actuals, SnapshotStatus>> | undefined;
    private built: ReadonlyMap<Actuals, SnapshotStatus> | undefined;

    constructor(private readonly host: AlignHost, services: AlignServices) {
        this.documents = services.shared.workspace.LangiumDocuments;
        this.fileSystem = services.shared.workspace.FileSystemProvider;
        this.settings = services.align.Settings;
        const builder = services.shared.workspace.DocumentBuilder;
        builder.onUpdate(() => this.invalidate());
        builder.onBuildPhase(DocumentState.Linked, () => this.invalidate());
    }

    invalidate(): void {
        this.pending = undefined;
        this.built = undefined;
    }

    /** The statuses last computed, for synchronous readers (validation checks). */
    get current(): ReadonlyMap<Actuals, SnapshotStatus> | undefined {
        return this.built;
    }

    getStatuses(): Promise<ReadonlyMap<Actuals, SnapshotStatus>> {
        const pending = this.pending ??= this.compute().then(statuses => {
            if (this.pending === pending) this.built = statuses;
            return statuses;
        });
        return pending;
    }

    private async compute(): Promise<ReadonlyMap<Actuals, SnapshotStatus>> {
        const statuses = new Map<Actuals, SnapshotStatus>();
        if (!this.host.fileReadsAllowed()) return statuses;
        const locks = new Map<string, Promise<LockRead>>();
        const docs = this.documents.all.filter(d => d.state >= DocumentState.Parsed && d.parseResult.value.$type === 'Model').toArray();
        for (const doc of docs) {
            for (const actuals of actualsBlocks(doc.parseResult.value as Model)) {
                const spec = pullSpec(actuals);
                if (!spec || actuals.file === undefined) continue;
                const folder = UriUtils.dirname(doc.uri);
                let lockRead = locks.get(folder.toString());
                if (!lockRead) locks.set(folder.toString(), lockRead = this.findLock(folder));
                statuses.set(actuals, await this.status(folder, actuals.file, spec, await lockRead));
            }
        }
        return statuses;
    }

    private async status(folder: URI, file: string, spec: PullSpec, lockRead: LockRead): Promise<SnapshotStatus> {
        const snapshot = UriUtils.resolvePath(folder, file);
        const lockFolder = lockRead ? UriUtils.dirname(lockRead.uri) : folder;
        const key = UriUtils.relative(lockFolder, snapshot);
        if (lockRead?.problem) {
            const lockProblem = lockProblemMessage(this.shownLock(lockRead.uri), lockRead.problem);
            return { spec, drift: [lockProblem], lockProblem };
        }
        const entry = lockRead?.lock ? lockRecord(lockRead.lock, key) : undefined;
        const none = !lockRead ? `no ${LOCK_FILE} records it` : !entry ? `${this.shownLock(lockRead.uri)} has no record of "${key}"` : undefined;
        const facts: SnapshotFacts = {
            spec, file,
            entry: none !== undefined ? { none } : entry!,
            snapshotSha256: await this.hashOf(snapshot, folder),
            queryKey: spec.kind === 'sql' ? UriUtils.relative(lockFolder, UriUtils.resolvePath(folder, spec.query)) : undefined,
            querySha256: spec.kind === 'sql' ? await this.hashOf(UriUtils.resolvePath(folder, spec.query), folder) : undefined,
            pullSha256: spec.kind === 'xapi' ? await sha256Hex(normalisedXapi(spec)) : undefined
        };
        return { spec, entry: none === undefined ? entry : undefined, drift: driftReasons(facts) };
    }

    /** The nearest lock file from `folder` up to the workspace root. */
    private async findLock(folder: URI): Promise<LockRead> {
        const root = this.settings.folderOf(folder);
        for (let current = folder; ; current = UriUtils.dirname(current)) {
            const uri = UriUtils.joinPath(current, LOCK_FILE);
            if (await this.fileSystem.exists(uri)) {
                const text = await this.fileSystem.readFile(uri).catch((error: unknown) => ({ error }));
                if (typeof text !== 'string') return { uri, problem: lockReadProblem(text.error) };
                const parsed = parseLock(text);
                return 'lock' in parsed ? { uri, lock: parsed.lock } : { uri, problem: parsed };
            }
            const parent = UriUtils.dirname(current);
            if (!root || !UriUtils.contains(root, parent) || parent.toString() === current.toString()) return undefined;
        }
    }

    /** A lock file as messages name it: relative to the workspace root. */
    private shownLock(uri: URI): string {
        const root = this.settings.folderOf(uri);
        return root && UriUtils.contains(root, uri) ? UriUtils.relative(root, uri) : LOCK_FILE;
    }

    /** The SHA-256 of a file a document in `folder` names, read only inside that document's workspace folder. */
    private async hashOf(uri: URI, folder: URI): Promise<string | { error: string }> {
        const root = this.settings.folderOf(folder);
        if (root && !UriUtils.contains(root, uri)) return { error: 'is outside the workspace folder and is not read' };
        try {
            return await textSha256Hex(await this.fileSystem.readBinary(uri));
        } catch (error) {
            return { error: (error as { code?: string }).code === 'ENOENT' ? 'is missing' : `cannot be read (${error instanceof Error ? error.message : String(error)})` };
        }
    }
}
