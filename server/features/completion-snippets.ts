import { AstUtils, GrammarAST } from 'langium';
import { deadlineChoices, endChoices, sinceChoices, startChoices, type DateChoice } from './completion-dates.js';

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

/** The dates a snippet's `%token%` choice offers, from the day of the completion (completion-attributes.ts). */
const DATE_CHOICES: Readonly<Record<string, (now: Date) => DateChoice[]>> = {
    start: startChoices, end: endChoices, deadline: deadlineChoices, since: sinceChoices
};

const DATE_TOKEN = /%(start|end|deadline|since)%/g;

/** Fills each `%token%` of a snippet with the dates of `now`, comma-separated (for `${n|...|}` choices). */
export function withDates(snippet: string, now: Date): string {
    return snippet.replace(DATE_TOKEN, (_, token: string) => DATE_CHOICES[token]!(now).map(c => c.text).join(','));
}

const DATE_WORDS: Readonly<Record<string, string>> = { start: 'start date', end: 'end date', deadline: 'deadline', since: 'date' };

/** A snippet's `%token%` choices as the words they stand for, for `detail`: `window start date to end date`. */
export function dateWords(snippet: string): string {
    return snippet.replace(/\$\{(\d+)\|%(start|end|deadline|since)%\|\}/g, (_, n: string, token: string) => `\${${n}:${DATE_WORDS[token]}}`);
}

/** A snippet as a reader sees it, for `detail`: `${1:value}` → `value`, `${1|a,b|}` → `a|b`, `${1}` → `…`. */
export function snippetAsText(snippet: string): string {
    return snippet
        .replace(/\$\{\d+\|([^|]*)\|\}/g, (_, choices: string) => choices.split(',').join('|'))
        .replace(/\$\{\d+:([^}]*)\}/g, '$1')
        .replace(/\$\{\d+\}/g, '…');
}
