/**
 * `--output FILE` of `align check`, `graph` and `report` never overwrites
 * what the command reads: an `.align` source, the settings file or the
 * baseline.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError } from '../workspace/input-error.js';
import type { LoadedWorkspace } from '../workspace/load-workspace.js';

/** The real path of a file (through symbolic links) when it exists, else its absolute path. */
function canonical(file: string): string {
    const absolute = path.resolve(file);
    try {
        return fs.realpathSync(absolute);
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return absolute;
        throw error;
    }
}

/** Throws an InputError (exit 2) when `output` is one of the files the check read. */
export function refuseOutputOverInput(output: string, workspace: LoadedWorkspace, baseline: string | undefined): void {
    const target = canonical(output);
    const inputs = [
        ...workspace.documents.map(d => ({ file: d.uri.fsPath, what: 'a checked .align file' })),
        ...(workspace.configFile ? [{ file: workspace.configFile, what: 'the settings file' }] : []),
        ...(baseline !== undefined ? [{ file: baseline, what: 'the baseline' }] : []),
    ];
    const hit = inputs.find(input => canonical(input.file) === target);
    if (hit) throw new InputError(`--output ${output}: is ${hit.what}, which it would overwrite; write the output to another file`);
}

/**
 * The file `--output` names, or undefined for standard output (no
 * `--output`, or `-`); refused (InputError, exit 2) when it is a file the
 * command read.
 */
export function outputFileOf(output: string | undefined, workspace: LoadedWorkspace, baseline?: string): string | undefined {
    if (output === undefined || output === '-') return undefined;
    refuseOutputOverInput(output, workspace, baseline);
    return output;
}
