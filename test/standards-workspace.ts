/**
 * The consuming workspace of the sample standards package, for the CLI, LSP
 * and unit tests: `examples/standards-workspace` copied to a folder, with
 * `examples/standards` installed in its `node_modules` as
 * `@acme/align-standards` (a copy, as `npm install` of a packed version
 * makes, so that a test can "upgrade" it without touching the repository).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const STANDARDS_PACKAGE = path.join(repo, 'examples', 'standards');
export const STANDARDS_WORKSPACE = path.join(repo, 'examples', 'standards-workspace');
export const PACKAGE_NAME = '@acme/align-standards';

/** Copies the consuming workspace into `dir` with the package installed; returns the workspace folder. */
export function consumingWorkspace(dir: string): string {
    const workspace = path.join(dir, 'workspace');
    fs.cpSync(STANDARDS_WORKSPACE, workspace, { recursive: true, filter: source => path.basename(source) !== 'node_modules' });
    fs.cpSync(STANDARDS_PACKAGE, installedPackage(workspace), { recursive: true, filter: source => path.basename(source) !== 'node_modules' });
    return workspace;
}

/** The folder of the installed package in a consuming workspace. */
export function installedPackage(workspace: string): string {
    return path.join(workspace, 'node_modules', ...PACKAGE_NAME.split('/'));
}

/** A metric declaration in the canonical layout, complete enough for every metric rule. */
export function metricText(name: string, title = name): string {
    return `metric ${name} "${title}" {\n  kind lagging\n  unit percent\n  direction up\n  baseline 10%\n  target 20% by 2026-12-31\n  source "Warehouse"\n  owner "Data team"\n  cadence monthly\n}\n`;
}
