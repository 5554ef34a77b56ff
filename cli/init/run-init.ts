/** `align init [name]`: writes the built-in template program, which passes `align check`. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { localToday } from '../../language/dates.js';
import { programFileName, programFromTemplate, programNameProblem } from '../../language/templates/fill-template.js';
import type { InitArgs } from '../args.js';
import { describeCode, InputError } from '../workspace/input-error.js';

export interface InitIo {
    write(text: string): void;
    /** True when standard output is a regular file (`align init X > x.align`). */
    stdoutIsFile(): boolean;
}

/**
 * Runs `align init`; 0 once the program is written, InputError (exit 2) when
 * the file exists or the name is not usable. Without `--output`, when
 * standard output is redirected to a file, the template goes there.
 */
export async function runInit(args: InitArgs, io: InitIo): Promise<number> {
    if (programNameProblem(args.name) === 'keyword') {
        throw new InputError(`'${args.name}' cannot be a program name: it is a keyword of Align; choose another name`);
    }
    const text = programFromTemplate(args.name, args.date ?? localToday());
    if (args.output === '-' || (args.output === undefined && io.stdoutIsFile())) {
        io.write(text);
        return 0;
    }
    const file = args.output ?? programFileName(args.name);
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
