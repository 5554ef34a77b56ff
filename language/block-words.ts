import type { Grammar } from 'langium';
import { GrammarAST } from 'langium';
import { nearestWithin } from './edit-distance.js';
import { codeSpan, orList, withArticle } from './present/index.js';

/**
 * The words that may start an entry of each declaration's block, read from
 * the grammar: for `Metric`, `kind`, `unit`, …, `drives`; for `Program`
 * its attributes and the declarations it holds. A syntax error in a block
 * at a word that is none of them says which was meant, or where the word
 * belongs (`hint`, read by the parser's error messages, align-parser-errors.ts).
 */
export class BlockWords {
    private readonly byRule = new Map<string, readonly string[]>();

    constructor(grammar: Grammar) {
        for (const rule of grammar.rules) {
            if (!GrammarAST.isParserRule(rule)) continue;
            const repeated = repeatedPart(rule.definition);
            if (repeated) this.byRule.set(rule.name, [...new Set(firstKeywords(repeated, new Set()))]);
        }
    }

    /**
     * What to add to "Expected `}`, but found `word`" in the block of
     * `ruleName`: the word meant (`did you mean \`kind\`?`), or the blocks the
     * word belongs in; undefined when neither is known.
     */
    hint(ruleName: string, word: string): string | undefined {
        // Langium's rule names carry a mark after the name (a zero-width space).
        ruleName = ruleName.replace(/[^A-Za-z]/g, '');
        const words = this.byRule.get(ruleName);
        if (!words || words.includes(word) || !/^[A-Za-z][A-Za-z-]*$/.test(word)) return undefined;
        if (ruleName === 'Program' && word === 'program') return 'programs do not nest; close this one with `}` first';
        const meant = nearestWithin(word, words, word.length <= 3 ? 1 : 2);
        if (meant) return `did you mean \`${meant}\`?`;
        // The blocks of declarations (not the file's top level, nor a program, which holds declarations).
        const owners = [...this.byRule].filter(([rule, list]) => rule !== 'Model' && rule !== 'Program' && list.includes(word)).map(([rule]) => kindOf(rule));
        if (owners.length === 0) return undefined;
        return `${codeSpan(word)} is written in ${orList(owners.map(owner => `${withArticle(owner)}'s`))} block, not in ${withArticle(kindOf(ruleName))}'s`;
    }
}

/** The first part of a rule's definition that repeats (`( ... )*`): a block's entries. */
function repeatedPart(element: GrammarAST.AbstractElement): GrammarAST.AbstractElement | undefined {
    if (element.cardinality === '*' || element.cardinality === '+') return element;
    if (GrammarAST.isGroup(element) || GrammarAST.isAlternatives(element) || GrammarAST.isUnorderedGroup(element)) {
        for (const child of element.elements) {
            const found = repeatedPart(child);
            if (found) return found;
        }
    }
    return undefined;
}

/** The keywords an element may start with (through the rules it calls, not through cross-references). */
function firstKeywords(element: GrammarAST.AbstractElement, seen: Set<string>): string[] {
    if (GrammarAST.isKeyword(element)) return /^[A-Za-z]/.test(element.value) ? [element.value] : [];
    if (GrammarAST.isAssignment(element)) return firstKeywords(element.terminal, seen);
    if (GrammarAST.isRuleCall(element)) {
        const rule = element.rule.ref;
        if (!GrammarAST.isParserRule(rule) || seen.has(rule.name)) return [];
        seen.add(rule.name);
        return firstKeywords(rule.definition, seen);
    }
    if (GrammarAST.isAlternatives(element) || GrammarAST.isUnorderedGroup(element)) return element.elements.flatMap(e => firstKeywords(e, seen));
    if (GrammarAST.isGroup(element)) {
        // The first element, and those after it while it may be left out.
        const words: string[] = [];
        for (const child of element.elements) {
            words.push(...firstKeywords(child, seen));
            if (child.cardinality !== '?' && child.cardinality !== '*') break;
        }
        return words;
    }
    return [];
}

const KINDS: Readonly<Record<string, string>> = { PullXapi: 'xAPI pull' };
const kindOf = (rule: string): string => KINDS[rule] ?? rule.toLowerCase();
