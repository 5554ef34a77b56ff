import * as vscode from 'vscode';
import { LANGUAGE_ID } from '../constants.js';
import type { GraphFeed } from '../graph-feed.js';
import { localToday } from '../../language/dates.js';
import { programFileName, programFromTemplate, programNameProblem } from '../../language/templates/fill-template.js';

/**
 * `Align: New Program from Template`: asks a name (or takes it as the
 * argument) and opens the built-in template program (the one `align init`
 * writes), which passes the rules: a new `.align` file in the first
 * workspace folder, or an untitled document when no folder is open. A name
 * the workspace already declares is refused (the template's declarations
 * are inside the program, so only its name can clash).
 * Returns the document's URI, or undefined if cancelled.
 */
export async function newProgram(feed: GraphFeed, nameArgument?: unknown): Promise<vscode.Uri | undefined> {
    const taken = new Set((await feed.request()).graph.nodes.map(n => n.qualifiedName));
    const problem = (value: string): string | undefined => {
        const kind = programNameProblem(value);
        if (kind === 'not-a-name') return 'Use letters, digits and _, starting with a letter.';
        if (kind === 'keyword') return `${value} is a keyword of Align.`;
        return taken.has(value) ? `The workspace already declares ${value}.` : undefined;
    };
    if (typeof nameArgument === 'string' && problem(nameArgument)) {
        void vscode.window.showErrorMessage(`Align: cannot create program ${nameArgument}: ${problem(nameArgument)}`);
        return undefined;
    }
    const name = typeof nameArgument === 'string' ? nameArgument : await askName(problem);
    if (!name) return undefined;
    const text = programFromTemplate(name, localToday());
    const folder = vscode.workspace.workspaceFolders?.[0];
    const document = folder
        ? await vscode.workspace.openTextDocument(await createFile(folder.uri, programFileName(name).replace(/\.align$/, ''), text))
        : await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: text });
    await vscode.window.showTextDocument(document);
    return document.uri;
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

async function exists(uri: vscode.Uri): Promise<boolean> {
    try {
        await vscode.workspace.fs.stat(uri);
        return true;
    } catch (error) {
        if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return false;
        throw error;
    }
}
