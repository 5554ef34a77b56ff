import * as assert from 'node:assert/strict';
import { DocumentValidator } from 'langium';
import { ruleIdOf, severityName, severityNumber, toFinding } from '../../language/findings.js';

const range = { start: { line: 2, character: 4 }, end: { line: 2, character: 9 } };

/** The one mapping from a diagnostic (LSP or vscode shape) to its rule id and finding. */
describe('diagnostic to rule id and finding', () => {
    it('maps Langium\'s lexer, parser and linker codes, wherever the diagnostic carries them', () => {
        for (const code of [DocumentValidator.LexingError, DocumentValidator.LexingWarning, DocumentValidator.LexingInfo, DocumentValidator.LexingHint, DocumentValidator.ParsingError]) {
            assert.equal(ruleIdOf({ data: { code } }), 'syntax', code);
            assert.equal(ruleIdOf({ code }), 'syntax', code);
        }
        assert.equal(ruleIdOf({ data: { code: DocumentValidator.LinkingError } }), 'unresolved-reference');
        assert.equal(ruleIdOf({ code: 'unresolved-reference', data: { code: DocumentValidator.LinkingError } }), 'unresolved-reference');
    });

    it('reads a rule id from data.code, code, or a vscode code with a link', () => {
        assert.equal(ruleIdOf({ data: { code: 'metric-unused' } }), 'metric-unused');
        assert.equal(ruleIdOf({ code: 'drives-cycle' }), 'drives-cycle');
        assert.equal(ruleIdOf({ code: { value: 'syntax' } }), 'syntax');
        assert.equal(ruleIdOf({ code: 'config-invalid' }), 'config-invalid');
    });

    it('calls a diagnostic without a known code an internal error, never syntax', () => {
        assert.equal(ruleIdOf({}), 'internal-error');
        assert.equal(ruleIdOf({ code: 42 }), 'internal-error');
        assert.equal(ruleIdOf({ code: 'no-such-rule' }), 'internal-error');
    });

    it('turns a diagnostic into a finding with 1-based positions, severity name and plain message', () => {
        assert.deepEqual(toFinding('a/b.align', { range, severity: 2, message: { value: 'Watch out.' }, data: { code: 'metric-unused' } }), {
            file: 'a/b.align', line: 3, column: 5, endLine: 3, endColumn: 10, severity: 'warning', rule: 'metric-unused', message: 'Watch out.'
        });
        assert.deepEqual([1, 2, 3, 4, undefined].map(severityName), ['error', 'warning', 'info', 'info', 'info']);
        assert.deepEqual((['error', 'warning', 'info'] as const).map(severityNumber), [1, 2, 3]);
    });
});
