import type { LangiumCoreServices, LangiumCompletionParser } from 'langium';
import { createCompletionParser } from 'langium';

/**
 * The completion parser, made at the first completion rather than when the
 * server starts: making it analyses the grammar again (tens of
 * milliseconds), which start-up would otherwise wait for before the first
 * file is parsed. Langium's completion provider only calls `parse`.
 */
export function lazyCompletionParser(services: LangiumCoreServices): LangiumCompletionParser {
    let parser: LangiumCompletionParser | undefined;
    const lazy: Pick<LangiumCompletionParser, 'parse'> = {
        parse: (input: string) => (parser ??= createCompletionParser(services)).parse(input)
    };
    return lazy as LangiumCompletionParser;
}
