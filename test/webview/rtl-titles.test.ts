/**
 * Right-to-left titles in the preview's drawing: each line of a box's
 * title reads in its own direction, as `dir="auto"` text does (the `?` of
 * a Hebrew question at its left end, an English word in a Hebrew line in
 * its place), and stays in its box, where a left-to-right title is drawn.
 */
import { examplesResult, graphMessage, node, usePreview } from './harness/fixture.js';
import { assertInTextColumn, assertLeftOf, spanOf, titleGlyphs } from './harness/title-glyphs.js';

/** "What do we do now?" */
const QUESTION = '\u05de\u05d4 \u05e2\u05d5\u05e9\u05d9\u05dd \u05e2\u05db\u05e9\u05d9\u05d5?';
/** "A Zoom call of 30 minutes". */
const MIXED = '\u05e9\u05d9\u05d7\u05ea Zoom \u05e9\u05dc 30 \u05d3\u05e7\u05d5\u05ea';

describe('preview: right-to-left titles', () => {
    const preview = usePreview();

    it('draws a Hebrew question right to left in its box, and a Hebrew line with an English word and a number in their order', async () => {
        const w = await preview.open({ viewport: { width: 1600, height: 1000 } });
        const result = examplesResult();
        node(result, 'ChurnPilot.Probing').title = QUESTION;
        node(result, 'ChurnPilot.AskOpenQuestions').title = MIXED;
        await w.postGraph(graphMessage(result, { direction: 'down' }));

        const [question] = await titleGlyphs(w.page, 'ChurnPilot.Probing');
        const line = question!.lines.find(l => l.text.includes('?'))!;
        assertLeftOf(spanOf(line, '?'), spanOf(line, QUESTION[0]!), 'the question mark, then the first letter');
        assertLeftOf(spanOf(line, QUESTION.split(' ')[1]!), spanOf(line, QUESTION.split(' ')[0]!), 'the second word, then the first');
        assertInTextColumn(question!.box, question!.lines, 'ChurnPilot.Probing');

        const words = MIXED.split(' ');
        const [mixed] = await titleGlyphs(w.page, 'ChurnPilot.AskOpenQuestions');
        const zoom = mixed!.lines.find(l => l.text.includes('Zoom'))!;
        assertLeftOf(spanOf(zoom, 'Zoom'), spanOf(zoom, words[0]!), 'the English word, then the first Hebrew word');
        assertLeftOf(spanOf(zoom, '30'), spanOf(zoom, words[2]!), 'the number, then the word before it');
        assertInTextColumn(mixed!.box, mixed!.lines, 'ChurnPilot.AskOpenQuestions');
    });
});
