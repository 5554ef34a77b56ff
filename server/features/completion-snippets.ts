import { AstUtils, GrammarAST } from 'langium';

/** The keywords of a grammar rule, in grammar order (e.g. `Cadence`: daily, weekly, monthly, quarterly). */
export function keywordsOfRule(grammar: GrammarAST.Grammar, ruleName: string): string[] {
    const rule = grammar.rules.find(r => r.name === ruleName);
    if (!GrammarAST.isParserRule(rule)) throw new Error(`No parser rule ${ruleName} in the grammar`);
    return AstUtils.streamAst(rule.definition).filter(GrammarAST.isKeyword).map(k => k.value).distinct().toArray();
}

/** Replaces each `@Rule` of a snippet with the comma-separated keywords of that grammar rule (for `${n|...|}` choices). */
export function expandChoices(snippet: string, grammar: GrammarAST.Grammar): string {
    return snippet.replace(/@([A-Za-z]+)/g, (_, rule: string) => keywordsOfRule(grammar, rule).join(','));
}

/** A snippet as a reader sees it, for `detail`: `${1:value}` → `value`, `${1|a,b|}` → `a|b`, `${1}` → `…`. */
export function snippetAsText(snippet: string): string {
    return snippet
        .replace(/\$\{\d+\|([^|]*)\|\}/g, (_, choices: string) => choices.split(',').join('|'))
        .replace(/\$\{\d+:([^}]*)\}/g, '$1')
        .replace(/\$\{\d+\}/g, '…');
}
