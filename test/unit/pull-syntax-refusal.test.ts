/**
 * cli/pull/pull-syntax.ts: the refusal of a pull block with a syntax error
 * quotes the first line of the error's message, whichever line end cuts it
 * (`\n`, `\r\n` or a lone `\r`, as language/line-starts.ts counts them).
 * No message of the parser holds a line break today, so the diagnostic's
 * message is replaced after a real build.
 */
import assert from 'node:assert/strict';
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { createAlignServices } from '../../language/align-module.js';
import { HOST_WITHOUT_LINKS } from '../../language/host.js';
import { refusedPulls } from '../../cli/pull/pull-syntax.js';

/** A built document of `text` whose syntax errors say `message`. */
async function withSyntaxMessage(text: string, message: string): Promise<{ document: LangiumDocument; tokenize: Parameters<typeof refusedPulls>[1] }> {
    const services = createAlignServices({ ...EmptyFileSystem, host: HOST_WITHOUT_LINKS });
    const { shared } = services;
    const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.file('/ws/m.align'));
    shared.workspace.LangiumDocuments.addDocument(document);
    await shared.workspace.DocumentBuilder.build([document], { validation: true });
    const syntax = (document.diagnostics ?? []).filter(d => d.severity === 1 && (d.data as { code?: string } | undefined)?.code === 'parsing-error');
    assert.ok(syntax.length > 0, 'the text has a syntax error');
    for (const diagnostic of syntax) diagnostic.message = message;
    const lexer = services.Align.parser.Lexer;
    return { document, tokenize: t => lexer.tokenize(t).tokens };
}

describe('refusedPulls: the syntax error a refused pull names, its first line only', () => {
    const text = 'metric M "M" { kind leading unit count direction up baseline 1 cadence monthly }\n'
        + 'actuals M from "data/m.csv" {\n  pull sql "q.sql" on env PGURL\n}\n';
    for (const [name, eol] of [['\\n', '\n'], ['\\r\\n', '\r\n'], ['a lone \\r', '\r']] as const) {
        it(`a message whose lines end in ${name}`, async () => {
            const { document, tokenize } = await withSyntaxMessage(text, `Expected a "quoted string", but found \`PGURL\`.${eol}A second line`);
            const refused = refusedPulls(document, tokenize);
            assert.equal(refused.length, 1);
            assert.match(refused[0]!.refused, /^.*m\.align:3:\d+: the pull block has a syntax error \(Expected a "quoted string", but found `PGURL`\): fix it first/);
            assert.doesNotMatch(refused[0]!.refused, /second line|[\r\n]/);
        });
    }
});
