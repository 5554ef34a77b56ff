/**
 * A submodule whose recorded commit a revision's copy could not read (not
 * checked out, or its repository lacks the commit) is read as in the
 * working tree on every side that has it: what `align check` reads there
 * (nothing, when it is not checked out) on both sides, so that its files
 * show no change rather than all added or all removed. One notice per
 * submodule says so, and how to compare it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isAlignFileName } from '../../language/files/folder-walk.js';
import { isSkippedFolder } from '../../language/files/skipped-folders.js';
import { shellCommand } from '../shell-word.js';
import type { SubmoduleRecord } from './copy-revision.js';
import { alwaysRead, NamedFiles } from './read-files.js';
import type { Side } from './sides.js';

/** Replaces, in the revision sides, each submodule a side could not read with the working tree's; the notices. */
export function readMissingSubmodules(top: string, sides: readonly Side[]): string[] {
    const notices: string[] = [];
    const done = new Set<string>();
    for (const side of sides) {
        for (const record of side.submodules ?? []) {
            if (record.missing === undefined || done.has(record.path)) continue;
            done.add(record.path);
            notices.push(notice(record, side.label));
            const working = path.join(top, ...record.path.split('/'));
            for (const other of sides) {
                if (!other.submodules?.some(s => s.path === record.path)) continue;
                const copy = path.join(other.root, ...record.path.split('/'));
                fs.rmSync(copy, { recursive: true, force: true });
                copyWorkingFolder(working, copy);
            }
        }
    }
    return notices;
}

function notice(record: SubmoduleRecord, label: string): string {
    const where = record.path;
    if (record.missing === 'not checked out') {
        return `align: submodule ${where} is not checked out, so the files ${label} records in it cannot be read: it is left out of both sides, as align check reads nothing there.`
            + ` To compare it, run ${shellCommand(['git', 'submodule', 'update', '--init', '--', where])}`;
    }
    return `align: submodule ${where}: its repository lacks commit ${record.commit.slice(0, 12)}, which ${label} records: it is read as in the working tree on both sides, so its changes do not show.`
        + ` To compare it, fetch the commit: ${shellCommand(['git', '-C', where, 'fetch', 'origin', record.commit])}`;
}

/**
 * Copies what a check can read of the folder `from` on disk into `to`
 * (read-files.ts): the `.align` and settings files, and the files they
 * name; skipped folders left out, symbolic links made again as they are.
 */
function copyWorkingFolder(from: string, to: string): void {
    if (!fs.existsSync(from)) return;
    const named = new NamedFiles();
    const others: [string, string][] = [];
    const walk = (source: string, target: string): void => {
        fs.mkdirSync(target, { recursive: true });
        for (const entry of fs.readdirSync(source, { withFileTypes: true })) {
            const [file, copy] = [path.join(source, entry.name), path.join(target, entry.name)];
            if (entry.isDirectory()) {
                if (!isSkippedFolder(entry.name)) walk(file, copy);
            } else if (entry.isSymbolicLink()) {
                fs.symlinkSync(fs.readlinkSync(file), copy);
            } else if (entry.isFile() && alwaysRead(entry.name)) {
                fs.copyFileSync(file, copy);
                if (isAlignFileName(entry.name)) named.addSource(fs.readFileSync(file, 'utf-8'));
            } else if (entry.isFile()) {
                others.push([file, copy]);
            }
        }
    };
    walk(from, to);
    for (const [file, copy] of others) if (named.has(path.basename(file))) fs.copyFileSync(file, copy);
}
