import * as vscode from 'vscode';
import { LANGUAGE_ID } from '../constants.js';
import { graphFaultOf, type GraphFeed } from '../graph-feed.js';
import { exists } from '../workspace-fs.js';
import { localToday } from '../../language/dates.js';
import { programFileName, programFrom, programNameProblem, programTitle } from '../../language/templates/fill-template.js';
import type { ProgramTemplateInfo } from '../../language/protocol.js';

/**
 * `Align: New Program from Template`: lets the user pick the template (the
 * built-in one, the one `align init` writes, or one that `templates` of
 * `align.config.json` names; or takes it as the second argument), asks a
 * name (or takes it as the first argument) and opens the program: a new `.align` file in the
 * workspace folder of the active editor (else the first one), or an untitled document when no
 * folder is open. A name
 * the workspace already declares is refused (the template's declarations
 * are inside the program, so only its name can clash).
 * Returns the document's URI, or undefined if cancelled.
 */
export async function newProgram(feed: GraphFeed, nameArgument?: unknown, templateArgument?: unknown): Promise<vscode.Uri | undefined> {
    const template = await chooseTemplate(feed, nameArgument, templateArgument);
    if (!template) return undefined;
    const taken = await takenNames(feed);
    const problem = (value: string): string | undefined => {
        const kind = programNameProblem(value);
        if (kind === 'not-a-name') return 'Use letters, digits and _, not starting with a digit.';
        if (kind === 'keyword') return `${value} is a keyword of Align.`;
        return taken.has(value) ? `The workspace already declares ${value}.` : undefined;
    };
    if (typeof nameArgument === 'string' && problem(nameArgument)) {
        void vscode.window.showErrorMessage(`Align: cannot create program ${nameArgument}: ${problem(nameArgument)}`);
        return undefined;
    }
    const name = typeof nameArgument === 'string' ? nameArgument : await askName(problem);
    if (!name) return undefined;
    const text = programFrom(template, name, programTitle(name), localToday());
    const document = await openProgram(targetFolder(), programFileName(name), text);
    await vscode.window.showTextDocument(document);
    return document.uri;
}

/**
 * The names the workspace declares, from the impact graph; while it cannot
 * be built (a bug in Align, reported on every file), from the workspace's
 * symbols, which the language server lists without it.
 */
async function takenNames(feed: GraphFeed): Promise<Set<string>> {
    try {
        return new Set((await feed.request()).graph.nodes.map(n => n.qualifiedName));
    } catch (error) {
        if (graphFaultOf(error) === undefined) throw error;
        const symbols = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', '');
        return new Set(symbols.map(s => s.name));
    }
}

/** The workspace folder of the active editor's file (with two folders, the one being worked on), else the first one. */
function targetFolder(): vscode.Uri | undefined {
    const active = vscode.window.activeTextEditor?.document.uri;
    const folder = (active ? vscode.workspace.getWorkspaceFolder(active) : undefined) ?? vscode.workspace.workspaceFolders?.[0];
    return folder?.uri;
}

/**
 * The new program's document: the file `fileName` (or `<stem>-2.align`...)
 * created in `folder`, never overwriting one; without a folder, an untitled
 * `.align` document (an untitled URI with a path would be saved to that path
 * without asking, or cannot be opened at all without a folder).
 */
export async function openProgram(folder: vscode.Uri | undefined, fileName: string, text: string): Promise<vscode.TextDocument> {
    if (!folder) return vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: text });
    return vscode.workspace.openTextDocument(await createFile(folder, fileName.replace(/\.align$/, ''), text));
}

/**
 * The template: the one named by the argument, the built-in one when no
 * other is configured (or a name is given without a template), or the one
 * picked from the list of the built-in and the configured templates.
 */
async function chooseTemplate(feed: GraphFeed, nameArgument: unknown, templateArgument: unknown): Promise<ProgramTemplateInfo | undefined> {
    const { templates } = await feed.programTemplates();
    if (typeof templateArgument === 'string') {
        const named = templates.find(t => t.name === templateArgument);
        if (!named) void vscode.window.showErrorMessage(`Align: no template ${templateArgument} (templates: ${templates.map(t => t.name).join(', ')}).`);
        return named;
    }
    if (templates.length === 1 || typeof nameArgument === 'string') return templates[0];
    const picked = await vscode.window.showQuickPick(templates.map(t => ({ label: t.name, description: t.source, template: t })), {
        title: 'New Align Program: template',
        placeHolder: 'The built-in template, or one of those align.config.json names ("templates")'
    });
    return picked?.template;
}

function askName(problem: (value: string) => string | undefined): Thenable<string | undefined> {
    return vscode.window.showInputBox({
        title: 'New Align Program',
        prompt: 'Name of the program: one word, e.g. CustomerEscalations. It names the file, and holds the outcome, KPIs, skill, behavior and objective to edit.',
        value: 'NewProgram',
        validateInput: problem
    });
}

/** Writes `<stem>.align` (or `<stem>-2.align`...) in the folder; never overwrites a file. */
async function createFile(folder: vscode.Uri, stem: string, text: string): Promise<vscode.Uri> {
    for (let n = 1; ; n++) {
        const uri = vscode.Uri.joinPath(folder, `${stem}${n === 1 ? '' : `-${n}`}.align`);
        if (await exists(uri)) continue;
        await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
        return uri;
    }
}
