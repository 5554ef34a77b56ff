import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import oniguruma from 'vscode-oniguruma';
import vsctm from 'vscode-textmate';

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(here, '../../..');
export const GRAMMAR_PATH = path.join(REPO_ROOT, 'syntaxes/align.tmLanguage.json');

/** One token of a tokenized line: its text, 0-based line and column, and its scopes (root first). */
export interface TmToken {
    text: string;
    line: number;
    column: number;
    scopes: string[];
}

let loaded: Promise<vsctm.IGrammar> | undefined;

/** The Align TextMate grammar, loaded once through vscode-textmate with the Oniguruma WASM engine. */
export function loadAlignGrammar(): Promise<vsctm.IGrammar> {
    loaded ??= (async () => {
        const wasm = fs.readFileSync(path.join(REPO_ROOT, 'node_modules/vscode-oniguruma/release/onig.wasm'));
        await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
        const registry = new vsctm.Registry({
            onigLib: Promise.resolve({
                createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
                createOnigString: (text: string) => new oniguruma.OnigString(text)
            }),
            loadGrammar: async (scopeName: string) => scopeName === 'source.align'
                ? vsctm.parseRawGrammar(fs.readFileSync(GRAMMAR_PATH, 'utf-8'), GRAMMAR_PATH)
                : null
        });
        const grammar = await registry.loadGrammar('source.align');
        if (!grammar) throw new Error('source.align did not load');
        return grammar;
    })();
    return loaded;
}

/** Tokenizes a whole text line by line, carrying the rule stack across lines as an editor does. */
export function tokenize(grammar: vsctm.IGrammar, text: string): TmToken[] {
    const tokens: TmToken[] = [];
    let stack = vsctm.INITIAL;
    text.split(/\r\n|\r|\n/).forEach((line, lineIndex) => {
        const result = grammar.tokenizeLine(line, stack);
        for (const token of result.tokens) {
            // vscode-textmate may report a last token that reaches past the line (the appended newline).
            const text = line.slice(token.startIndex, Math.min(token.endIndex, line.length));
            if (text.length === 0) continue;
            tokens.push({ text, line: lineIndex, column: token.startIndex, scopes: token.scopes });
        }
        stack = result.ruleStack;
    });
    return tokens;
}

/** A compact listing, `line:column text  scope scope...`, for assertion messages. */
export function describeTokens(tokens: readonly TmToken[]): string {
    return tokens.map(t => `${t.line + 1}:${t.column + 1} ${JSON.stringify(t.text)}  ${t.scopes.slice(1).join(' ')}`).join('\n');
}
