import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { WorkspaceEdit } from 'vscode-languageserver-protocol';
import { positionOf, uriOf } from './lsp-session.js';
import { withExamplesSession } from './examples-session.js';

const CHURN = 'churn-pilot.align';
const CATALOG = 'catalog/metrics.align';
/** Two files of one name in two folders, each declaring a metric. */
const NORTH = 'north/kpis.align';
const SOUTH = 'south team/kpis.align';
const metric = (name: string) => `metric ${name} "${name}" {\n  kind lagging\n}\n`;

/**
 * Rename refuses, with the reason, a new name the file could not hold (a
 * keyword) and a new name that would break or silently change the
 * workspace (taken in the scope, or making a reference point elsewhere).
 */
describe('language server: rename refuses names that break the workspace', function () {
    this.timeout(30000);

    const ws = withExamplesSession('rename-refusals', {
        prepare: root => {
            for (const [name, declared] of [[NORTH, 'NorthRate'], [SOUTH, 'SouthRate']] as const) {
                fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
                fs.writeFileSync(path.join(root, name), metric(declared));
            }
        },
        waitFor: [CHURN, CATALOG, NORTH, SOUTH]
    });

    function rename(name: string, line: number, needle: string, newName: string): Promise<WorkspaceEdit> {
        const file = ws.file(name);
        return ws.session.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: uriOf(file) }, position: positionOf(file, line, needle, 1), newName });
    }

    /** The new texts of the edits, per file name. */
    function newTexts(edit: WorkspaceEdit): string[] {
        return Object.entries(edit.changes ?? {}).flatMap(([uri, edits]) => edits.map(e => `${path.basename(uri)}:${e.range.start.line + 1}:${e.newText}`)).sort();
    }

    it('refuses a declaration keyword, which cannot be a name, and says so', async () => {
        await assert.rejects(rename(CHURN, 17, 'RepeatContactRate', 'metric'), /'metric' is a keyword of Align and cannot be a name/);
        await assert.rejects(rename(CHURN, 8, 'ChurnPilot', 'actuals'), /'actuals' is a keyword of Align and cannot be a name/);
        await assert.rejects(rename(CHURN, 36, 'Probing', 'talk-track'), /not a valid Align name: use a letter or _ followed by letters, digits and _/);
    });

    it('accepts an attribute word, which can be a name', async () => {
        const edit = await rename(CHURN, 36, 'Probing', 'source');
        assert.deepEqual(newTexts(edit), ['churn-pilot.align:36:source', 'churn-pilot.align:48:source']);
    });

    it('refuses a name taken in the same scope', async () => {
        await assert.rejects(rename(CHURN, 36, 'Probing', 'Summarizing'),
            /'Summarizing' is already the name of behavior ChurnPilot.Summarizing \(churn-pilot.align\); names must be unique in a program/);
        await assert.rejects(rename(CHURN, 8, 'ChurnPilot', 'ChurnRate'),
            /'ChurnRate' is already the name of metric ChurnRate \(catalog\/metrics.align\); global names and program names must be unique/);
    });

    it('names the file of the taken name by its path from the workspace root, as duplicate-name does: two files of one name are told apart', async () => {
        await assert.rejects(rename(NORTH, 1, 'NorthRate', 'SouthRate'),
            (error: Error) => error.message.includes('\'SouthRate\' is already the name of metric SouthRate (south team/kpis.align);') || assert.fail(error.message));
        await assert.rejects(rename(SOUTH, 1, 'SouthRate', 'NorthRate'),
            (error: Error) => error.message.includes('\'NorthRate\' is already the name of metric NorthRate (north/kpis.align);') || assert.fail(error.message));
    });

    it('refuses a member\'s new name that would take over the program\'s references to a global', async () => {
        // ChurnPilot's Summarizing `moves RepeatContactRate, NPS`: NPS is the catalog's global metric.
        await assert.rejects(rename(CHURN, 17, 'RepeatContactRate', 'NPS'),
            /would change what 'NPS' means in program ChurnPilot: its references to the global metric NPS would point to ChurnPilot.NPS instead/);
    });

    it('refuses a global\'s new name that a program\'s own member would take over', async () => {
        await assert.rejects(rename(CATALOG, 27, 'NPS', 'RepeatContactRate'),
            /would change what 'RepeatContactRate' means in program ChurnPilot: its references to NPS would point to its own metric ChurnPilot.RepeatContactRate instead/);
    });

    it('accepts a member\'s new name that a global has, where the program does not use the global', async () => {
        // WinRate is a global metric of sales-win-rate.align; ChurnPilot never names it.
        const edit = await rename(CHURN, 17, 'RepeatContactRate', 'WinRate');
        assert.deepEqual(newTexts(edit), ['churn-pilot.align:17:WinRate', 'churn-pilot.align:38:WinRate', 'churn-pilot.align:44:WinRate',
            'churn-pilot.align:63:WinRate', 'churn-pilot.align:67:WinRate']);
    });
});
