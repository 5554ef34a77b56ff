/**
 * A SQLite database in WAL mode keeps its latest committed transactions in
 * `<file>-wal` until a checkpoint copies them into the file. sql.js opens
 * an image of the file in memory and cannot read a WAL, so the committed
 * frames are applied here, as SQLite's own recovery reads them
 * (https://www.sqlite.org/fileformat2.html#the_write_ahead_log): frames in
 * order while their salts match the WAL header's and their running
 * checksum holds, up to the last commit frame. Frames of a transaction not
 * yet committed, and what follows a torn or stale frame, are left out.
 */
import * as fs from 'node:fs';

const WAL_HEADER = 32;
const FRAME_HEADER = 24;
const MAGIC_LITTLE_ENDIAN = 0x377f0682;
const MAGIC_BIG_ENDIAN = 0x377f0683;

/** A database image: the file's bytes with the committed transactions of `wal` (its `-wal` file's bytes) applied; the file's bytes when the WAL holds none. */
export function withWal(database: Uint8Array, wal: Uint8Array | undefined): Uint8Array {
    if (wal === undefined || wal.length < WAL_HEADER) return database;
    const view = new DataView(wal.buffer, wal.byteOffset, wal.byteLength);
    const magic = view.getUint32(0);
    if (magic !== MAGIC_LITTLE_ENDIAN && magic !== MAGIC_BIG_ENDIAN) return database;
    const littleEndian = magic === MAGIC_LITTLE_ENDIAN;
    const pageSize = view.getUint32(8);
    // SQLite ignores a WAL whose header is not valid: a power of two from 512 to 65536, and its checksum.
    if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) return database;
    let sum = checksum(view, 0, 24, littleEndian, [0, 0]);
    if (sum[0] !== view.getUint32(24) || sum[1] !== view.getUint32(28)) return database;
    const [salt1, salt2] = [view.getUint32(16), view.getUint32(20)];
    /** The committed pages, by page number: their offset in the WAL (a later frame of a page replaces an earlier one). */
    const committed = new Map<number, number>();
    let pending = new Map<number, number>();
    let pages: number | undefined;
    for (let frame = WAL_HEADER; frame + FRAME_HEADER + pageSize <= wal.length; frame += FRAME_HEADER + pageSize) {
        const page = view.getUint32(frame);
        const commitSize = view.getUint32(frame + 4);
        if (page === 0 || view.getUint32(frame + 8) !== salt1 || view.getUint32(frame + 12) !== salt2) break;
        sum = checksum(view, frame, frame + 8, littleEndian, sum);
        sum = checksum(view, frame + FRAME_HEADER, frame + FRAME_HEADER + pageSize, littleEndian, sum);
        if (sum[0] !== view.getUint32(frame + 16) || sum[1] !== view.getUint32(frame + 20)) break;
        pending.set(page, frame + FRAME_HEADER);
        if (commitSize !== 0) {
            for (const [p, offset] of pending) committed.set(p, offset);
            pending = new Map();
            pages = commitSize;
        }
    }
    if (pages === undefined) return database;
    // The database's size in pages after the last commit: the file grows, or shrinks (a VACUUM), to it.
    const image = new Uint8Array(pages * pageSize);
    image.set(database.subarray(0, Math.min(database.length, image.length)));
    for (const [page, offset] of committed) {
        if (page <= pages) image.set(wal.subarray(offset, offset + pageSize), (page - 1) * pageSize);
    }
    return image;
}

/** SQLite's WAL checksum: over 32-bit words in the WAL's byte order, two at a time, continuing from `start`. */
function checksum(view: DataView, from: number, to: number, littleEndian: boolean, start: readonly [number, number]): [number, number] {
    let [s0, s1] = start;
    for (let i = from; i < to; i += 8) {
        s0 = (s0 + view.getUint32(i, littleEndian) + s1) >>> 0;
        s1 = (s1 + view.getUint32(i + 4, littleEndian) + s0) >>> 0;
    }
    return [s0, s1];
}

/**
 * A SQLite file's bytes with its WAL applied, read so that the two agree:
 * a writer may commit, or a checkpoint copy the WAL into the file, between
 * the two reads, so they are read again (up to 5 times) until neither
 * changed while they were read. Undefined when they kept changing.
 */
export function readDatabaseWithWal(file: string): Uint8Array | undefined {
    const wal = `${file}-wal`;
    for (let attempt = 0; attempt < 5; attempt++) {
        const before = `${stamp(file)}|${stamp(wal)}`;
        const database = fs.readFileSync(file);
        const walBytes = fs.existsSync(wal) ? readIfThere(wal) : undefined;
        if (`${stamp(file)}|${stamp(wal)}` === before) return withWal(database, walBytes);
    }
    return undefined;
}

/** What tells a change of a file: its inode, size and time of last change (nanoseconds); `-` when there is none. */
function stamp(file: string): string {
    const s = fs.statSync(file, { bigint: true, throwIfNoEntry: false });
    return s ? `${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}` : '-';
}

/** A file's bytes; undefined when it went away (the last connection closed, the WAL checkpointed and deleted). */
function readIfThere(file: string): Uint8Array | undefined {
    try {
        return fs.readFileSync(file);
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
    }
}
