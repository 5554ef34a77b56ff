/** `align init [name]`: writes a commented template program that passes `align check`. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatAlign } from '../../language/format/format-align.js';
import type { InitArgs } from '../args.js';
import { today } from '../report/run-report.js';
import { describeCode, InputError } from '../workspace/input-error.js';
import { fileNameOf, programTemplate } from './template.js';

export interface InitIo {
    write(text: string): void;
}

/** Runs `align init`; 0 once the file is written, InputError (exit 2) when it exists or the name is not usable. */
export async function runInit(args: InitArgs, io: InitIo): Promise<number> {
    const text = canonical(programTemplate(args.name, args.date ?? today()), args.name);
    if (args.output === '-') {
        io.write(text);
        return 0;
    }
    const file = args.output ?? fileNameOf(args.name);
    try {
        fs.writeFileSync(file, text, { flag: args.force ? 'w' : 'wx' });
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw new InputError(`${file}: already exists; give another name or --output FILE, or --force to overwrite it`);
        throw new InputError(`${file}: cannot be written (${code === 'ENOENT' ? 'no such folder, ENOENT' : describeCode(code, error)})`);
    }
    const shown = path.relative(process.cwd(), path.resolve(file)) || file;
    io.write(`Created ${shown} with program ${args.name}. Next: edit it, then run align check ${shown}\n`);
    return 0;
}

/**
 * The template in the canonical layout of `align fmt`. A name the grammar
 * does not take as a name (a keyword such as `program`) does not parse.
 */
function canonical(text: string, name: string): string {
    const formatted = formatAlign(text);
    if ('error' in formatted) throw new InputError(`'${name}' cannot be a program name: it is a keyword of Align; choose another name`);
    return formatted.text;
}
