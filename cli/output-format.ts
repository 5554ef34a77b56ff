/**
 * The format of a command's `--output FILE` when `--format` is not given:
 * the one its extension names (`-o review.html` writes HTML), as pandoc and
 * Mermaid's CLI do. A `--format` that says otherwise is kept (an explicit
 * choice), with a warning that names both (the file's control characters
 * as `\xHH`, as every message of the CLI shows a name).
 */
import * as path from 'node:path';
import { escapeControls } from '../language/present/controls.js';

/**
 * A command's formats: the extensions that name each (lower case, with the
 * dot; a list when several formats write that kind of file, the first
 * chosen without `--format`), what each is called, and the default.
 */
export interface OutputFormats<F extends string> {
    readonly byExtension: Readonly<Record<string, F | readonly F[]>>;
    readonly names: Readonly<Record<F, string>>;
    readonly fallback: F;
}

/** The format to write, and a warning when `--format` contradicts the extension of `--output`. */
export interface ChosenFormat<F extends string> {
    format: F;
    warning?: string;
}

/**
 * `given` (`--format`) when there is one, else the format that the extension
 * of `output` names (any case), else the default. Standard output (`-`, or
 * no `--output`) and an extension no format claims give the default.
 */
export function chooseFormat<F extends string>(given: F | undefined, output: string | undefined, formats: OutputFormats<F>): ChosenFormat<F> {
    if (output === undefined || output === '-') return { format: given ?? formats.fallback };
    const extension = path.extname(output).toLowerCase();
    const fits = formatsNamedBy(extension, formats);
    const named = fits[0];
    if (given === undefined) return { format: named ?? formats.fallback };
    if (named === undefined || fits.includes(given)) return { format: given };
    return {
        format: given,
        warning: `align: --output ${escapeControls(output)} is named for ${formats.names[named]}, but --format ${given} writes ${formats.names[given]}; `
            + `it is written as --format asks. Leave --format out to write ${formats.names[named]}, or name the file ${extensionOf(given, formats)}`
    };
}

/** The formats that write files of the extension, the one chosen without `--format` first. */
function formatsNamedBy<F extends string>(extension: string, formats: OutputFormats<F>): readonly F[] {
    if (!Object.hasOwn(formats.byExtension, extension)) return [];
    const named = formats.byExtension[extension]!;
    return typeof named === 'string' ? [named as F] : named as readonly F[];
}

/** The first extension that names the format (`.md`). */
function extensionOf<F extends string>(format: F, formats: OutputFormats<F>): string {
    return Object.keys(formats.byExtension).find(ext => formatsNamedBy(ext, formats).includes(format)) ?? `.${format}`;
}
