/** `align init [name]`: writes the built-in template program, which passes `align check`. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isAlignFile } from '../workspace/find-files.js';
import { localToday } from '../../language/dates.js';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { resolveConfig } from '../../language/config/extends.js';
import { nodeHost } from '../../language/host.js';
import { programFileName, programFrom, programNameProblem, programTitle } from '../../language/templates/fill-template.js';
import { BUILTIN_TEMPLATE, BUILTIN_TEMPLATE_NAME, listTemplates, type ProgramTemplate } from '../../language/templates/configured-templates.js';
import { didYouMean } from '../../language/text/suggest.js';
import { loadWorkspace, markedRoot, workspaceRoot } from '../workspace/load-workspace.js';
import { shellCommand } from '../shell-word.js';
import type { InitArgs } from '../args.js';
import { describeCode, InputError } from '../workspace/input-error.js';
import { readRegularFileSync } from '../workspace/read-regular-file.js';
import { regularFilesOnly } from '../../language/files/regular-files.js';
import { cannotWrite, makeFolderOf } from '../graph/write-output.js';
import { relativePath, shownPath } from '../shown-path.js';

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
    // The built-in template needs no configuration (one that cannot be read does not stop it).
    const configured = args.listTemplates || (args.template !== undefined && args.template !== BUILTIN_TEMPLATE_NAME);
    const templates = configured ? await configuredTemplates(args.output) : [BUILTIN_TEMPLATE];
    if (args.listTemplates) {
        io.write(templates.map(t => `${t.name}  (${t.source})\n`).join(''));
        return 0;
    }
    const template = chosenTemplate(templates, args.template ?? BUILTIN_TEMPLATE_NAME);
    if (args.date !== undefined && !template.builtin) {
        throw new InputError(`--date sets the pilot of the built-in template; template ${template.name} (${template.source}) is copied with its own dates: leave out --date and edit them in the program`);
    }
    const text = programFrom(template, args.name, args.title ?? programTitle(args.name), args.date ?? localToday());
    // The program the file declares: a template may name it itself.
    const declared = /^\s*program\s+([A-Za-z_][A-Za-z0-9_]*)/m.exec(text)?.[1] ?? args.name;
    const toStdout = args.output === '-' || (args.output === undefined && io.stdoutIsFile());
    const file = toStdout ? undefined : args.output ?? programFileName(args.name);
    // `--output -` goes wherever the user sends it; a redirect (`> x.align`) most likely into this folder.
    if (args.output !== '-') await refuseTakenName(declared, file, args.force);
    if (file === undefined) {
        io.write(text);
        return 0;
    }
    if (!isAlignFile(file) && !(fs.existsSync(file) && fs.statSync(file).isDirectory())) {
        throw new InputError(`--output ${file}: not an .align file; a program is written to a file named NAME.align (e.g. --output ${programFileName(args.name)})`);
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
        throw new InputError(`${file}: is a folder; give the file to write (e.g. --output ${path.join(file, programFileName(args.name))})`);
    }
    let undo: () => void;
    try {
        undo = makeFolderOf(file);
    } catch (error) {
        throw new InputError(`${file}: ${cannotWrite(error)}`);
    }
    // Said as it is done: a file --force writes over is overwritten, not created.
    const overwrites = args.force && fs.existsSync(file);
    try {
        fs.writeFileSync(file, text, { flag: args.force ? 'w' : 'wx' });
    } catch (error) {
        // The folders made for it go too.
        undo();
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw new InputError(`${file}: already exists; give another name or --output FILE, or --force to overwrite it`);
        throw new InputError(`${file}: ${cannotWrite(error)}`);
    }
    const shown = shownPath(path.resolve(file), file);
    // The command names the real file (shellWord quotes what a terminal must not see raw); `shown` has `\xHH` for controls.
    const real = relativePath(path.resolve(file)) || file;
    const next = shellCommand(['align', 'check', ...(real.startsWith('-') ? ['--'] : []), real]);
    // Two lines: one would run past 80 columns for most names.
    io.write(`${overwrites ? 'Overwrote' : 'Created'} ${shown} with program ${declared}.\nNext: edit it, then run ${next}\n`);
    return 0;
}

/**
 * An InputError when the workspace the program goes to (that of `file`'s
 * folder; of the current folder for standard output) declares `name`
 * already, as VS Code's New Program from Template refuses it: the new file
 * would be a duplicate-name error in both files. (`--output -` is not
 * checked: the text goes wherever the user sends it.) The file that --force
 * overwrites does not count. Its names are those of its impact graph (the
 * catalogs it uses included). The workspace is found as `align check` finds
 * its root: the nearest folder, the file's or above, with an
 * `align.config.json` (else an `align.lock.json`), else the file's folder
 * alone. A folder still to be made holds no names of its own: without such
 * a file above it, nothing is read (its parent's other folders are not its
 * workspace).
 */
async function refuseTakenName(name: string, file: string | undefined, force: boolean): Promise<void> {
    const folder = file === undefined ? process.cwd() : path.dirname(path.resolve(file));
    const existing = existingAncestor(folder);
    // A file in the way of the folder: writing fails, and says so.
    if (!fs.statSync(existing).isDirectory()) return;
    const root = existing === folder ? workspaceRoot(folder) : markedRoot(existing);
    if (root === undefined) return;
    const replaced = force && file !== undefined ? URI.file(path.resolve(file)).toString() : undefined;
    const workspace = await loadWorkspace({ paths: [root], allowEmpty: true });
    const index = await workspace.services.align.Graph.getIndex();
    const taken = index.graph.nodes.find(n => n.qualifiedName === name && n.uri !== replaced);
    if (!taken) return;
    const where = `${shownPath(URI.parse(taken.uri).fsPath)}:${taken.range.start.line + 1}`;
    throw new InputError(`${name}: the workspace already declares it (${where}); choose another name`);
}

/** `folder`, or its nearest ancestor that exists (--output may name folders still to make). */
function existingAncestor(folder: string): string {
    let current = folder;
    while (!fs.existsSync(current) && path.dirname(current) !== current) current = path.dirname(current);
    return current;
}

/** The built-in template and those of `templates` in the `align.config.json` of the folder the program goes to. */
async function configuredTemplates(output: string | undefined): Promise<ProgramTemplate[]> {
    const folder = output && output !== '-' ? path.dirname(path.resolve(output)) : process.cwd();
    const configFile = path.join(workspaceRoot(folder), 'align.config.json');
    // As align check reads them: a named pipe (the config, a file of its `extends` chain, a template) is never opened.
    const fileSystem = regularFilesOnly(NodeFileSystem.fileSystemProvider());
    if (!fs.existsSync(configFile)) return [BUILTIN_TEMPLATE];
    let text: string;
    try {
        text = readRegularFileSync(configFile);
    } catch (error) {
        throw new InputError(`${shownPath(configFile)}: cannot be read (${describeCode((error as NodeJS.ErrnoException).code, error)}); its templates cannot be listed`);
    }
    const resolved = await resolveConfig(fileSystem, URI.file(configFile), text);
    // Problems that can hide the templates: theirs, the file's JSON, and `extends` (templates may come from it).
    // Templates that were found are listed whatever else the chain gets wrong (align check reports that).
    const problem = resolved.templates === undefined && resolved.problems.find(p => /^(templates:|"templates"|extends)/.test(p.message) || /is not valid JSON|must hold a JSON object/.test(p.message));
    if (problem) throw new InputError(`${shownPath(configFile)}:${problem.line}: ${problem.message.replace(/; the defaults apply$/, '')}`);
    return listTemplates({ fs: fileSystem, realPath: nodeHost(fs.promises.realpath).realPath }, resolved.templates);
}

/** The template named `name`, or an InputError that lists them (with a did-you-mean). */
function chosenTemplate(templates: readonly ProgramTemplate[], name: string): ProgramTemplate {
    const found = templates.find(t => t.name === name);
    if (found) return found;
    const names = templates.map(t => t.name);
    throw new InputError(`--template ${name}: no such template${didYouMean(name, names)} (templates: ${templates.map(t => t.name).join(', ')}; see align init --list-templates)`);
}
