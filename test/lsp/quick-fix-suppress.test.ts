import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { runCli } from '../cli/run-cli.js';
import { applyEdits, uriOf } from './lsp-session.js';
import { withExamplesSession } from './examples-session.js';

/**
 * A program in the canonical layout: behavior B (line 5) is not reinforced
 * and moves nothing, its `moves` (line 6) names two unresolved metrics.
 */
function program(name: string): string {
    return `program ${name} "${name}" {
  serves ReduceChurn
  review monthly

  behavior B "B" {
    moves Missing1, Missing2
  }

  objective O1 "O1" {
    builds Nope
  }
}
`;
}

const DISABLE = /^Disable /;

/**
 * `Disable <rule> for this line`: a quick fix after the real ones that
 * writes an `align-disable-next-line` comment above the finding's line
 * (or adds the rule to the one there), which suppresses the finding.
 */
describe('language server: quick fix that disables a rule for a line', function () {
    this.timeout(30000);
    const file = (name: string) => ws.file(name);

    const ws = withExamplesSession('quick-fix-suppress');

    /** Opens a new file and waits for its finding of `rule` on a 1-based line. */
    async function openWith(name: string, text: string, rule: string, line: number): Promise<{ all: Diagnostic[]; diagnostic: Diagnostic }> {
        fs.writeFileSync(file(name), text);
        await ws.session.open(file(name), text);
        const all = await ws.session.diagnosticsOf(file(name), d => d.some(x => x.code === rule && x.range.start.line === line - 1));
        return { all, diagnostic: all.find(x => x.code === rule && x.range.start.line === line - 1)! };
    }

    function codeActions(name: string, diagnostics: Diagnostic[]): Promise<CodeAction[]> {
        const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
        return ws.session.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uriOf(file(name)) }, range, context: { diagnostics } });
    }

    /** The one disabling action for a diagnostic, checked for kind and preference, and the text after its edit. */
    async function disable(name: string, text: string, diagnostic: Diagnostic): Promise<string> {
        const actions = await codeActions(name, [diagnostic]);
        const disabling = actions.filter(a => DISABLE.test(a.title));
        assert.deepEqual(disabling.map(a => a.title), [`Disable ${String(diagnostic.code)} for this line`]);
        const [action] = disabling;
        assert.equal(action!.kind, 'quickfix');
        assert.equal(action!.isPreferred, false);
        assert.deepEqual(action!.diagnostics, [diagnostic]);
        return applyEdits(text, action!.edit!.changes![uriOf(file(name))]!);
    }

    /** Applies a new text in the editor and waits for diagnostics without `rule` (the file had one finding of it). */
    async function changeUntilGone(name: string, text: string, rule: string): Promise<Diagnostic[]> {
        fs.writeFileSync(file(name), text);
        await ws.session.change(file(name), text);
        return ws.session.diagnosticsOf(file(name), d => !d.some(x => x.code === rule));
    }

    const rulesOf = (diagnostics: Diagnostic[]) => diagnostics.map(d => `${d.range.start.line}:${String(d.code)}`).sort();

    it('inserts the comment above the line, after the real fixes; the finding goes, the others stay, and align fmt keeps it', async () => {
        const text = program('Lf');
        const { all, diagnostic } = await openWith('lf.align', text, 'behavior-not-reinforced', 5);
        const titles = (await codeActions('lf.align', [diagnostic])).map(a => a.title);
        assert.ok(titles.length >= 2 && titles.at(-1) === 'Disable behavior-not-reinforced for this line' && titles.slice(0, -1).every(t => !DISABLE.test(t)), titles.join('\n'));
        const fixed = await disable('lf.align', text, diagnostic);
        assert.equal(fixed, text.replace('  behavior B', '  // align-disable-next-line behavior-not-reinforced\n  behavior B'));
        const after = await changeUntilGone('lf.align', fixed, 'behavior-not-reinforced');
        // Every other finding stays, one line further down from the comment on.
        const shifted = all.filter(d => d !== diagnostic).map(d => ({ ...d, range: { ...d.range, start: { ...d.range.start, line: d.range.start.line + (d.range.start.line >= 4 ? 1 : 0) } } }));
        assert.deepEqual(rulesOf(after), rulesOf(shifted));
        const check = runCli(['fmt', '--check', file('lf.align')]);
        assert.equal(check.status, 0, check.stdout + check.stderr);
    });

    it('adds the rule to the comment above instead of a second comment, and offers nothing for a rule it names', async () => {
        const text = program('Merge').replace('  behavior B', '  // align-disable-next-line behavior-not-reinforced\n  behavior B');
        const { all, diagnostic } = await openWith('merge.align', text, 'behavior-moves-nothing', 6);
        assert.ok(!all.some(d => d.code === 'behavior-not-reinforced'), 'the comment suppresses behavior-not-reinforced');
        const fixed = await disable('merge.align', text, diagnostic);
        assert.equal(fixed, text.replace('behavior-not-reinforced\n', 'behavior-not-reinforced, behavior-moves-nothing\n'));
        const after = await changeUntilGone('merge.align', fixed, 'behavior-moves-nothing');
        assert.deepEqual(rulesOf(after), rulesOf(all.filter(d => d !== diagnostic)));
        const check = runCli(['fmt', '--check', file('merge.align')]);
        assert.equal(check.status, 0, check.stdout + check.stderr);
        // A client may still hold the finding the comment now suppresses.
        assert.deepEqual((await codeActions('merge.align', [diagnostic])).filter(a => DISABLE.test(a.title)), []);
    });

    it('writes CRLF line breaks into a CRLF file', async () => {
        const text = program('Crlf').replace(/\n/g, '\r\n');
        const { diagnostic } = await openWith('crlf.align', text, 'behavior-not-reinforced', 5);
        const fixed = await disable('crlf.align', text, diagnostic);
        assert.equal(fixed, text.replace('  behavior B', '  // align-disable-next-line behavior-not-reinforced\r\n  behavior B'));
        await changeUntilGone('crlf.align', fixed, 'behavior-not-reinforced');
        const check = runCli(['fmt', '--check', file('crlf.align')]);
        assert.equal(check.status, 0, check.stdout + check.stderr);
    });

    it('adds the rule after a trailing comma of the comment above with one space', async () => {
        const text = program('Comma').replace('  behavior B', '  // align-disable-next-line behavior-not-reinforced,  \n  behavior B');
        const { diagnostic } = await openWith('comma.align', text, 'behavior-moves-nothing', 6);
        const fixed = await disable('comma.align', text, diagnostic);
        assert.equal(fixed, text.replace('behavior-not-reinforced,  \n', 'behavior-not-reinforced, behavior-moves-nothing  \n'));
        await changeUntilGone('comma.align', fixed, 'behavior-moves-nothing');
    });

    it('adds the rule before the `-- why` of the comment above (its words are no ids)', async () => {
        const text = program('Why').replace('  behavior B', '  // align-disable-next-line behavior-not-reinforced -- owner on leave, back in May\n  behavior B');
        const { diagnostic } = await openWith('why.align', text, 'behavior-moves-nothing', 6);
        const fixed = await disable('why.align', text, diagnostic);
        assert.equal(fixed, text.replace('behavior-not-reinforced -- owner', 'behavior-not-reinforced, behavior-moves-nothing -- owner'));
        await changeUntilGone('why.align', fixed, 'behavior-moves-nothing');
    });

    it('breaks the line after a block comment the finding\'s line starts in (a comment above would be comment text)', async () => {
        const text = program('Block').replace('  behavior B "B" {', '  /* kept for\n     reference */ behavior B "B" {');
        const { diagnostic } = await openWith('block.align', text, 'behavior-not-reinforced', 6);
        const fixed = await disable('block.align', text, diagnostic);
        assert.equal(fixed, text.replace('reference */ behavior B', 'reference */\n// align-disable-next-line behavior-not-reinforced\nbehavior B'));
        await changeUntilGone('block.align', fixed, 'behavior-not-reinforced');
    });

    it('indents the comment with the tabs of a tab-indented line', async () => {
        const text = program('Tabs').replace(/^((?: {2})+)/gm, m => '\t'.repeat(m.length / 2));
        const { diagnostic } = await openWith('tabs.align', text, 'behavior-not-reinforced', 5);
        const fixed = await disable('tabs.align', text, diagnostic);
        assert.equal(fixed, text.replace('\tbehavior B', '\t// align-disable-next-line behavior-not-reinforced\n\tbehavior B'));
        await changeUntilGone('tabs.align', fixed, 'behavior-not-reinforced');
    });

    it('offers one action per rule and line for the diagnostics of the request', async () => {
        const { all } = await openWith('many.align', program('Many'), 'unresolved-reference', 6);
        const actions = (await codeActions('many.align', all)).filter(a => DISABLE.test(a.title));
        const pairs = new Set(all.map(d => `${d.range.start.line}:${String(d.code)}`));
        assert.equal(actions.length, pairs.size);
        assert.ok(pairs.size < all.length, 'two unresolved references share line 6');
        const moves = actions.filter(a => a.title === 'Disable unresolved-reference for this line' && a.diagnostics![0]!.range.start.line === 5);
        assert.equal(moves.length, 1);
        assert.equal(moves[0]!.diagnostics!.length, 2);
    });

    it('offers nothing for a syntax error, a finding without a code, an internal error or a config problem', async () => {
        const text = program('Syntax').replace('  review monthly', '  review monthly\n  review =');
        const { all, diagnostic } = await openWith('syntax.align', text, 'syntax', 4);
        const finding = all.find(d => d.code === 'behavior-not-reinforced')!;
        assert.equal((await codeActions('syntax.align', [finding])).filter(a => DISABLE.test(a.title)).length, 1, 'offered for the finding itself');
        const { code: _code, ...uncoded } = finding;
        const others = [{ ...finding, code: 'internal-error', data: undefined }, { ...finding, code: 'config-invalid', data: undefined }];
        for (const d of [diagnostic, uncoded, ...others]) {
            assert.deepEqual((await codeActions('syntax.align', [d])).filter(a => DISABLE.test(a.title)), [], JSON.stringify(d));
        }
    });

    it('offers nothing in a file that is not .align (served when a client sends it as Align)', async () => {
        const { diagnostic } = await openWith('notes.txt', program('Txt'), 'behavior-not-reinforced', 5);
        const titles = (await codeActions('notes.txt', [diagnostic])).map(a => a.title);
        assert.ok(titles.length > 0 && !titles.some(t => DISABLE.test(t)), titles.join('\n'));
    });
});
