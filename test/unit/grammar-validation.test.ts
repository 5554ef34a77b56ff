import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { EmptyFileSystem } from 'langium';
import { createAlignServices } from '../../language/align-module.js';
import { HOST_WITHOUT_LINKS } from '../../language/host.js';
import type { Model } from '../../language/generated/ast.js';

/**
 * The generated module runs in production mode (langium-config.json), in
 * which Chevrotain skips its checks of the grammar when the parser and lexer
 * are made (they cost start-up time in every process). They run here instead,
 * in development mode: a grammar change that breaks them fails this test.
 */
describe('the grammar under Chevrotain\'s checks', () => {
    it('is generated for production mode', () => {
        const config = JSON.parse(fs.readFileSync('langium-config.json', 'utf-8')) as { mode?: string };
        assert.equal(config.mode, 'production');
        const { Align } = createAlignServices({ ...EmptyFileSystem, host: HOST_WITHOUT_LINKS });
        assert.equal(Align.LanguageMetaData.mode, 'production');
    });

    it('passes the lexer\'s and parser\'s checks in development mode, and parses', () => {
        const { Align } = createAlignServices({ ...EmptyFileSystem, host: HOST_WITHOUT_LINKS }, {
            LanguageMetaData: () => ({ languageId: 'align', fileExtensions: ['.align'], caseInsensitive: false, mode: 'development' })
        });
        assert.equal(Align.LanguageMetaData.mode, 'development');
        const result = Align.parser.LangiumParser.parse('outcome Retention "Keep customers" {\n}\n');
        assert.deepEqual([result.lexerErrors.length, result.parserErrors.length], [0, 0]);
        assert.equal((result.value as Model).elements.length, 1);
    });
});
