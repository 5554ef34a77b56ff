import * as assert from 'node:assert/strict';
import { AstUtils, CstUtils, EmptyFileSystem, isJSDoc, parseJSDoc, type AstNode } from 'langium';
import { createAlignServices } from '../../language/align-module.js';
import { HOST_WITHOUT_LINKS } from '../../language/host.js';
import { docComment } from '../../language/graph/collect-nodes.js';

const parser = createAlignServices({ ...EmptyFileSystem, host: HOST_WITHOUT_LINKS }).Align.parser.LangiumParser;

/** What the graph read before: Langium's own search for the comment before a node. */
function langiumDoc(ast: AstNode): string | undefined {
    const comment = CstUtils.findCommentNode(ast.$cstNode, ['ML_COMMENT']);
    return comment && isJSDoc(comment) ? parseJSDoc(comment).toMarkdown().trim() || undefined : undefined;
}

/** Every named declaration of a text, and its doc comment found both ways. */
function docsOf(text: string): Array<{ name: string; ours: string | undefined; langium: string | undefined }> {
    const result = parser.parse(text);
    assert.deepEqual([...result.lexerErrors, ...result.parserErrors].map(e => e.message), [], 'the test text parses');
    return AstUtils.streamAst(result.value).filter(n => typeof (n as { name?: unknown }).name === 'string' && n.$type !== 'Model').toArray()
        .map(n => ({ name: (n as unknown as { name: string }).name, ours: docComment(n), langium: langiumDoc(n) }));
}

/** `count` skills, every third with a doc comment, some with line or block comments between. */
function skills(count: number, indent = ''): string {
    const lines: string[] = [];
    for (let i = 0; i < count; i++) {
        if (i % 3 === 0) lines.push(`${indent}/** Skill ${i}: the doc. */`);
        if (i % 5 === 0) lines.push(`${indent}// a line comment`);
        if (i % 7 === 0) lines.push(`${indent}/* a block comment, not a doc */`);
        lines.push(`${indent}skill S${i} "Skill ${i}"`);
    }
    return lines.join('\n');
}

describe('doc comments of declarations, found without searching the parent each time', () => {
    const cases: Array<[string, string]> = [
        ['a few top-level declarations (searched)', `/** First. */\n${skills(8)}`],
        ['many top-level declarations (indexed)', `/** First. */\n${skills(200)}`],
        ['all on one line', `/** First. */ ${skills(100).replace(/\n/g, ' ').replace(/\/\/ a line comment/g, '')}`],
        ['members of a large program, the first without a comment before it', `/** The program. */\nprogram P "P" {\n${skills(120, '  ')}\n}\n${skills(40)}`],
        ['empty and many-star block comments', `/**/\nskill A "A"\n/*** stars */\nskill B "B"\n/* * not a doc */\nskill D "D"\n/** C. */\nskill C "C"`],
        ['a comment as the last thing in a program, before the next declaration', `program P "P" {\n  skill A "A"\n  /** dangling */\n}\nskill B "B"\n/** C. */\nskill C "C"`]
    ];
    for (const [name, text] of cases) {
        it(name, () => {
            const docs = docsOf(text);
            assert.ok(docs.some(d => d.langium !== undefined), 'the case has doc comments');
            assert.ok(docs.some(d => d.langium === undefined), 'the case has declarations without one');
            assert.deepEqual(docs.map(d => [d.name, d.ours]), docs.map(d => [d.name, d.langium]));
        });
    }
});
