import { AstUtils, GrammarAST, GrammarUtils, isCompositeCstNode, isReference, type AstNode, type CstNode, type LeafCstNode } from 'langium';
import { AbstractSemanticTokenProvider, type LangiumServices, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver-protocol';

/**
 * Token type of each kind of declaration, for its name and for every
 * reference to it. Only standard LSP token types, and only types that VS
 * Code's default themes (Light/Dark 2026, Modern, +, High Contrast) colour
 * apart from plain text (test/lsp/semantic-tokens.test.ts checks it against
 * the theme files): plain `variable` and `event` read as plain text in the
 * 2026 themes.
 *
 * | declaration | token type  | why                                        |
 * |-------------|-------------|--------------------------------------------|
 * | program     | `namespace` | a scope: `Program.Name`                    |
 * | outcome     | `parameter` | the business result a program is run for   |
 * | metric      | `variable` + `readonly` | a measured quantity, declared, never assigned |
 * | skill       | `type`      | what a learner is                          |
 * | behavior    | `function`  | what a person does on the job              |
 * | objective   | `class`     | a unit of the learning design              |
 * | toolkit     | `interface` | what managers work with                    |
 */
export const DECLARATION_TOKEN_TYPES: Readonly<Record<string, string>> = {
    Program: SemanticTokenTypes.namespace,
    Outcome: SemanticTokenTypes.parameter,
    Metric: SemanticTokenTypes.variable,
    Skill: SemanticTokenTypes.type,
    Behavior: SemanticTokenTypes.function,
    Objective: SemanticTokenTypes.class,
    Toolkit: SemanticTokenTypes.interface
};

/** Modifiers of each kind of declaration, on its name and on references to it. */
const DECLARATION_MODIFIERS: Readonly<Record<string, readonly string[]>> = {
    Metric: [SemanticTokenModifiers.readonly]
};

const NUMBER_TERMINALS = new Set(['NUMBER', 'PERCENT', 'DATE', 'MONTH', 'QUARTER', 'HALF']);

/**
 * Semantic tokens of `.align` files:
 * - declaration names: the type of their kind (above) with `declaration`;
 * - references: the type of their target's kind, with its modifiers; the
 *   qualifier of `Program.Name` is a `namespace`. An unresolved reference
 *   gets no token (the editor's own colour, beside its error);
 * - keywords that start declarations and attributes: `keyword`;
 * - value words (`lagging`, `percent`, `down`, `monthly`, `roleplay`, `days`,
 *   `point`, `currency`...) and currency codes (`USD`): `enumMember`;
 * - strings: `string`; numbers, percentages, dates and periods: `number`.
 * Comments and punctuation are left to the TextMate grammar.
 */
export class AlignSemanticTokenProvider extends AbstractSemanticTokenProvider {
    private readonly services: LangiumServices;

    constructor(services: LangiumServices) {
        super(services);
        this.services = services;
    }

    protected override highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        const handled = new Set<CstNode>();
        const declarationType = DECLARATION_TOKEN_TYPES[node.$type];
        const nameNode = declarationType ? this.services.references.NameProvider.getNameNode(node) : undefined;
        if (declarationType && nameNode) {
            acceptor({ cst: nameNode, type: declarationType, modifier: [SemanticTokenModifiers.declaration, ...DECLARATION_MODIFIERS[node.$type] ?? []] });
            for (const leaf of leaves(nameNode)) handled.add(leaf);
        }
        for (const info of AstUtils.streamReferences(node)) {
            const refNode = info.reference.$refNode;
            if (!refNode) continue;
            for (const leaf of leaves(refNode)) handled.add(leaf);
            const target = isReference(info.reference) ? info.reference.ref : undefined;
            // Unresolved: no token at all, so that it never takes the colour of a valid reference.
            if (!target) continue;
            const type = DECLARATION_TOKEN_TYPES[target.$type];
            const parts = leaves(refNode).filter(l => !l.hidden && l.text !== '.');
            parts.forEach((part, i) => {
                const last = i === parts.length - 1;
                if (!last) acceptor({ cst: part, type: SemanticTokenTypes.namespace });
                else if (type) acceptor({ cst: part, type, modifier: [...DECLARATION_MODIFIERS[target.$type] ?? []] });
            });
        }
        for (const leaf of ownLeaves(node)) {
            if (handled.has(leaf) || leaf.hidden) continue;
            const type = leafTokenType(leaf);
            if (type) acceptor({ cst: leaf, type });
        }
    }
}

/** The token type of a keyword or terminal that is not a name or a reference. */
function leafTokenType(leaf: LeafCstNode): string | undefined {
    const source = leaf.grammarSource;
    if (GrammarAST.isKeyword(source)) {
        if (!/^[A-Za-z]/.test(source.value)) return undefined;
        return isValueKeyword(source) ? SemanticTokenTypes.enumMember : SemanticTokenTypes.keyword;
    }
    if (GrammarAST.isRuleCall(source)) {
        const rule = source.rule.ref?.name ?? '';
        if (rule === 'STRING') return SemanticTokenTypes.string;
        if (NUMBER_TERMINALS.has(rule)) return SemanticTokenTypes.number;
        if (rule === 'ID') return SemanticTokenTypes.enumMember;
    }
    return undefined;
}

/** A keyword that is a value: inside a datatype rule (`MetricKind`, `Cadence`...) or assigned (`per=('point' | 'unit')`). */
function isValueKeyword(keyword: GrammarAST.Keyword): boolean {
    const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule);
    if (rule && GrammarUtils.isDataTypeRule(rule)) return true;
    const container: unknown = keyword.$container;
    return GrammarAST.isAssignment(container)
        || (GrammarAST.isAlternatives(container) && GrammarAST.isAssignment(container.$container));
}

function leaves(node: CstNode): LeafCstNode[] {
    return isCompositeCstNode(node) ? node.content.flatMap(leaves) : [node as LeafCstNode];
}

/** The leaves of `node`'s own text, without those of nested AST nodes (they are highlighted on their own). */
function ownLeaves(node: AstNode): LeafCstNode[] {
    const collect = (cst: CstNode): LeafCstNode[] => {
        if (!isCompositeCstNode(cst)) return [cst as LeafCstNode];
        return cst.content.filter(c => c.astNode === node).flatMap(collect);
    };
    return node.$cstNode ? collect(node.$cstNode) : [];
}
