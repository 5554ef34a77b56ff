import type { Actuals, Model } from './generated/ast.js';

/** Every actuals block of a document, top level and inside programs, in document order. */
export function actualsBlocks(model: Model): Actuals[] {
    return model.elements.flatMap(e => e.$type === 'Actuals' ? [e] : e.$type === 'Program' ? e.members.filter((m): m is Actuals => m.$type === 'Actuals') : []);
}
