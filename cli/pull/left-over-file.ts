import * as fs from 'node:fs';

/** A file older than this is left over from a process that was killed while it held it (one is held for milliseconds). */
const STALE_MS = 60_000;

/** A guard file as read once: what it holds, its age, and which file it is (one put in its place differs). */
export interface SeenFile {
    text: string;
    ageMs: number;
    ino: bigint;
    mtimeNs: bigint;
}

/** Reads a guard file (undefined if there is none), its text and its identity from the same opened file. */
export function seeFile(file: string): SeenFile | undefined {
    let fd: number;
    try {
        fd = fs.openSync(file, 'r');
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
    }
    try {
        const stat = fs.fstatSync(fd, { bigint: true });
        return { text: fs.readFileSync(fd, 'utf-8'), ageMs: Date.now() - Number(stat.mtimeMs), ino: stat.ino, mtimeNs: stat.mtimeNs };
    } finally {
        fs.closeSync(fd);
    }
}

/** The process id a guard file holds, if it holds one. */
export function pidOf(seen: SeenFile): number | undefined {
    const pid = Number(seen.text.trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/** Whether a guard file was left by a process that is gone (or is older than any holder keeps one). */
export function leftOver(seen: SeenFile): boolean {
    const pid = pidOf(seen);
    return seen.ageMs > STALE_MS || (pid !== undefined && !alive(pid));
}

/**
 * Removes a guard file judged left over, if it still is the one seen.
 * Several processes may judge one file left over at once; had each removed
 * it and created its own, a late one would remove another's new file, and
 * both would hold it. So a file is removed only while holding `<file>.break`
 * (created exclusively, holding the process id, removed right after), and
 * only if, read again under it, it is the same file. A `.break` left by a
 * process killed while it held it is removed the same way (under its own
 * `.break`). True once the caller may try again; false while another
 * process holds the `.break`. `judged` is called (tests step in there) when
 * a file was judged left over, before it is removed.
 */
export function removeLeftOver(file: string, seen: SeenFile, judged: (file: string) => void = () => undefined): boolean {
    const breaking = `${file}.break`;
    try {
        fs.writeFileSync(breaking, `${process.pid}\n`, { flag: 'wx' });
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const other = seeFile(breaking);
        // Released in between: try again.
        if (other === undefined) return true;
        if (!leftOver(other)) return false;
        judged(breaking);
        return removeLeftOver(breaking, other, judged);
    }
    try {
        const now = seeFile(file);
        if (now !== undefined && sameFile(now, seen)) fs.rmSync(file, { force: true });
    } finally {
        fs.rmSync(breaking, { force: true });
    }
    return true;
}

/** Whether two readings are of one file (a new file may reuse the inode, and within a clock tick the time: not also the text). */
function sameFile(a: SeenFile, b: SeenFile): boolean {
    return a.ino === b.ino && a.mtimeNs === b.mtimeNs && a.text === b.text;
}

/** Whether a process of this machine runs (one of another user's counts: EPERM). */
function alive(pid: number): boolean {
    try {
        process.kill(pid, 0);
        return true;
    } catch (error) {
        return (error as NodeJS.ErrnoException).code !== 'ESRCH';
    }
}
