import type { CstNode, GrammarAST, ValueType } from 'langium';
import { DefaultValueConverter } from 'langium';
import { isClosedString } from './lexer-recovery.js';

/**
 * Converts `12%` (terminal PERCENT) to 12, and the terminals the grammar
 * uses most without Langium's generic path: a STRING without escapes is a
 * slice of its token (Langium's converter appends it character by
 * character, which leaves a chain of string pieces per title that every
 * kept syntax tree carries: about 1 KB per 40-character string), an ID or a
 * date is its text (the grammar's IDs cannot start with `^`), a NUMBER its
 * value.
 * The rest as Langium does.
 */
export class AlignValueConverter extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        switch (rule.name) {
            case 'STRING':
                // The lexer makes an unterminated string a STRING to the end of its line (`recoverTokens`): no closing quote to drop.
                if (!input.includes('\\')) return input.slice(1, input.length > 1 && input.endsWith('"') ? -1 : undefined);
                return super.runConverter(rule, isClosedString(input) ? input : `${input}"`, cstNode);
            case 'ID': case 'DATE': case 'QUARTER': case 'HALF': case 'MONTH': return input;
            case 'NUMBER': return Number(input);
            case 'PERCENT': return Number(input.slice(0, -1));
            default: return super.runConverter(rule, input, cstNode);
        }
    }
}
