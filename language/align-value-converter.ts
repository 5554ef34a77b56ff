import type { CstNode, GrammarAST, ValueType } from 'langium';
import { DefaultValueConverter } from 'langium';

/** Converts `12%` (terminal PERCENT) to 12; the rest as Langium does. */
export class AlignValueConverter extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        if (rule.name === 'PERCENT') return Number(input.slice(0, -1));
        return super.runConverter(rule, input, cstNode);
    }
}
