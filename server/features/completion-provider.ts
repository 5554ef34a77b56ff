import type { AstNode, AstNodeDescription, LangiumDocument, MaybePromise, ReferenceInfo, Stream } from 'langium';
import { AstUtils, CstUtils, GrammarAST, stream } from 'langium';
import type { CompletionAcceptor, CompletionContext, CompletionProviderOptions, CompletionValueItem, NextFeature } from 'langium/lsp';
import { DefaultCompletionProvider } from 'langium/lsp';
import { CompletionItemKind, CompletionList, InsertTextFormat, type CancellationToken, type CompletionItem, type CompletionParams, type Position } from 'vscode-languageserver';
import type { AlignServices } from '../../language/align-module.js';
import { isDeclaration, isProgram } from '../../language/generated/ast.js';
import { ATTRIBUTES, DECLARATION_DOCS, attributeKey, type AttributeSpec } from './completion-attributes.js';
import { writtenAttributes } from './completion-present.js';
import { kindRank, referenceCandidates, referenceDetail } from './completion-references.js';
import { endsWithKeywordOrComma, REFERENCE_TRIGGER, triggeredBySpace } from './completion-trigger.js';
import { dateWords, expandChoices, snippetAsText, withDates } from './completion-snippets.js';
import { inCommentOrString } from './completion-comments.js';
import { dateBeingWritten, isDateLiteral, literalKind, valueItems, type LiteralKind } from './completion-values.js';
import { currencyAt } from './completion-currencies.js';
import type { AlignGraphService } from '../../language/graph/graph-service.js';
import { plainCompletionItem, readsMarkdown } from './plain-text.js';

/** An attribute ready to offer: its spec, its snippet with the grammar's choices filled in, and its rank. */
interface AttributeItem {
    readonly spec: AttributeSpec;
    readonly snippet: string;
    readonly rank: number;
}

/** The grammar rule that holds a grammar element (`Metric` for the `kind` keyword of a metric block). */
const ruleOf = (element: GrammarAST.AbstractElement): string | undefined =>
    AstUtils.getContainerOfType(element, GrammarAST.isParserRule)?.name;

/**
 * Completion for Align, on top of Langium's grammar-driven proposals:
 * - where a new declaration's name is expected, nothing (not the attribute
 *   words the `Name` rule accepts);
 * - inside a block, each attribute of the declaration not yet written, as a
 *   snippet (plain words when the client has no snippet support) with what it
 *   means, instead of its bare keyword;
 * - references of the kind the scope provider allows, without a program's own
 *   members twice, with the kind and title as `detail`;
 * - where the grammar takes a literal: dates and periods (`by `, `from `,
 *   a new actuals row) from the clock, and currency codes after an amount
 *   or `unit currency`, the workspace's first; a date or period half
 *   written (`2026-1`) is completed as a whole, from its year on, and only
 *   with dates;
 * - on its own after a space only where a reference comes next (`moves `);
 * - nothing inside a comment or a string, closed or not;
 * - documentation as plain text for a client whose
 *   `completionItem.documentationFormat` lists no `markdown`.
 */
export class AlignCompletionProvider extends DefaultCompletionProvider {
    /** By `Rule:keyword`; several items where declarations share an attribute rule (`Owner:owner`). */
    private readonly attributes = new Map<string, AttributeItem[]>();
    private readonly nameContexts = new WeakMap<CompletionContext, boolean>();
    private readonly writtenByContext = new WeakMap<CompletionContext, Map<AstNode, Set<string>>>();
    /** The literals already offered in a context (a period is four terminals of the grammar: one list). */
    private readonly literalsOffered = new WeakMap<CompletionContext, Set<LiteralKind>>();
    private readonly graph: AlignGraphService;

    override readonly completionOptions: CompletionProviderOptions = { triggerCharacters: [REFERENCE_TRIGGER] };

    /** `now` is the clock the offered dates are read from (today, this quarter...). */
    constructor(services: AlignServices, private readonly now: () => Date = () => new Date()) {
        super(services);
        this.graph = services.align.Graph;
        ATTRIBUTES.forEach((spec, rank) => {
            const key = attributeKey(spec.rule, spec.keyword);
            this.attributes.set(key, [...this.attributes.get(key) ?? [], { spec, snippet: expandChoices(spec.snippet, this.grammar), rank }]);
        });
    }

    override async getCompletion(document: LangiumDocument, params: CompletionParams, cancelToken?: CancellationToken): Promise<CompletionList | undefined> {
        const text = document.textDocument;
        const offset = text.offsetAt(params.position);
        if (inCommentOrString(text.getText(), offset)) return CompletionList.create([], false);
        if (triggeredBySpace(params) && !this.referenceComesNext(document, offset)) {
            return CompletionList.create([], false);
        }
        // A position past the end of its line (or of the text) is taken as that end, so that no edit range leaves the document.
        return super.getCompletion(document, { ...params, position: text.positionAt(offset) }, cancelToken);
    }

    /**
     * Where a date or period is being written (`by 2026-1|`), the one context
     * of the dates the grammar takes at its start, the whole run its range;
     * else Langium's contexts. The lexer reads a half-written date as several
     * tokens (`2026`, `-1`) or none (`2026-Q`), so Langium's contexts would
     * complete its last piece: nothing, or the next attribute glued to it.
     */
    protected override *buildContexts(document: LangiumDocument, position: Position): IterableIterator<CompletionContext> {
        const textDocument = document.textDocument;
        const text = textDocument.getText();
        const offset = textDocument.offsetAt(position);
        const run = dateBeingWritten(text, offset);
        if (!run) {
            yield* super.buildContexts(document, position);
            return;
        }
        const cst = document.parseResult.value.$cstNode;
        // The node of the token before the run (as Langium takes it): `by`'s target, or the actuals block of a new row.
        const { previousTokenStart } = this.backtrackToAnyToken(text, run.start);
        const node = cst && previousTokenStart !== undefined ? CstUtils.findLeafNodeBeforeOffset(cst, previousTokenStart)?.astNode : undefined;
        const features = this.findFeaturesAt(textDocument, run.start).filter(next => isDateLiteral(literalKind(next, node)));
        if (features.length === 0) return;
        yield { document, textDocument, offset, position, node, tokenOffset: run.start, tokenEndOffset: run.end, features };
    }

    /** Every item, its Markdown documentation as plain text for a client that reads no Markdown. */
    protected override fillCompletionItem(context: CompletionContext, item: CompletionValueItem): CompletionItem | undefined {
        const filled = super.fillCompletionItem(context, item);
        return filled && !readsMarkdown(this.clientCapabilities?.completionItem?.documentationFormat) ? plainCompletionItem(filled) : filled;
    }

    /** Whether a space was just typed after a keyword or comma where the grammar expects a reference. */
    private referenceComesNext(document: LangiumDocument, offset: number): boolean {
        const text = document.textDocument.getText();
        if (text[offset - 1] !== REFERENCE_TRIGGER || !endsWithKeywordOrComma(this.lexer, text.slice(0, offset - 1))) return false;
        return this.findFeaturesAt(document.textDocument, offset).some(next => GrammarAST.isCrossReference(next.feature));
    }

    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        if (this.expectsName(context)) return;
        const literal = literalKind(next, context.node);
        if (literal) return this.completionForLiteral(context, literal, acceptor);
        return super.completionFor(context, next, acceptor);
    }

    /** Dates, periods or currency codes, once per context. */
    private async completionForLiteral(context: CompletionContext, literal: LiteralKind, acceptor: CompletionAcceptor): Promise<void> {
        let offered = this.literalsOffered.get(context);
        if (!offered) this.literalsOffered.set(context, offered = new Set());
        if (offered.has(literal)) return;
        offered.add(literal);
        const index = literal === 'currency' ? await this.graph.indexIfBuilt() : undefined;
        const currencyAtCursor = literal === 'currency' ? currencyAt(context.document.parseResult.value.$cstNode, context.offset) : undefined;
        const snippets = this.clientCapabilities?.completionItem?.snippetSupport === true;
        const typed = context.textDocument.getText().slice(context.tokenOffset, context.offset);
        for (const item of valueItems(literal, context.node, { now: this.now(), offset: context.offset, index, snippets, typed, currencyAtCursor })) acceptor(context, item);
    }

    protected override completionForKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): MaybePromise<void> {
        if (!this.filterKeyword(context, keyword)) return;
        const rule = ruleOf(keyword);
        const attribute = rule ? this.attributeIn(context, this.attributes.get(attributeKey(rule, keyword.value))) : undefined;
        if (attribute) {
            this.completionForAttribute(context, attribute, acceptor);
            return;
        }
        const declares = rule?.toLowerCase() === keyword.value ? DECLARATION_DOCS[keyword.value] : undefined;
        acceptor(context, {
            label: keyword.value,
            kind: this.getKeywordCompletionItemKind(keyword),
            detail: 'Keyword',
            documentation: declares ? { kind: 'markdown', value: declares } : undefined,
            sortText: '1'
        });
    }

    protected override getReferenceCandidates(refInfo: ReferenceInfo, context: CompletionContext): Stream<AstNodeDescription> {
        const typed = context.textDocument.getText().slice(context.tokenOffset, context.offset);
        return stream(referenceCandidates(super.getReferenceCandidates(refInfo, context), refInfo, context.offset, typed));
    }

    protected override createReferenceCompletionItem(nodeDescription: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): CompletionValueItem {
        return {
            ...super.createReferenceCompletionItem(nodeDescription, refInfo, context),
            detail: referenceDetail(nodeDescription),
            // The kinds of metric the clause is for first (lagging for `measured by`), then simple names before `Program.Name`.
            sortText: `0${kindRank(nodeDescription, refInfo)}${nodeDescription.name.includes('.') ? 1 : 0}`
        };
    }

    /** Whether a new declaration's name is expected here: the features come from the `Name` rule. */
    private expectsName(context: CompletionContext): boolean {
        let expects = this.nameContexts.get(context);
        if (expects === undefined) {
            expects = context.features.some(f => ruleOf(f.feature) === 'Name');
            this.nameContexts.set(context, expects);
        }
        return expects;
    }

    private completionForAttribute(context: CompletionContext, attribute: AttributeItem, acceptor: CompletionAcceptor): void {
        const { spec, snippet, rank } = attribute;
        const owner = this.ownerOf(context, spec);
        if (owner && spec.presentAs.some(key => this.written(context, owner).has(key))) return;
        const snippets = this.clientCapabilities?.completionItem?.snippetSupport === true;
        acceptor(context, {
            label: spec.label,
            kind: snippets ? CompletionItemKind.Snippet : CompletionItemKind.Keyword,
            detail: snippetAsText(dateWords(snippet)),
            documentation: { kind: 'markdown', value: spec.documentation },
            insertText: snippets ? withDates(snippet, this.now()) : spec.label,
            insertTextFormat: snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
            sortText: `0${String(rank).padStart(2, '0')}`
        });
    }

    /** The declaration whose block the cursor is in, for an attribute of that kind of declaration. */
    private ownerOf(context: CompletionContext, spec: AttributeSpec): AstNode | undefined {
        return context.node ? AstUtils.getContainerOfType(context.node, (n): n is AstNode => n.$type === spec.owner) : undefined;
    }

    /** Of the items for one keyword, the one of the innermost declaration around the cursor. */
    private attributeIn(context: CompletionContext, items: AttributeItem[] | undefined): AttributeItem | undefined {
        if (!items || items.length <= 1) return items?.[0];
        const block = context.node ? AstUtils.getContainerOfType(context.node, n => isProgram(n) || isDeclaration(n)) : undefined;
        return items.find(item => item.spec.owner === block?.$type) ?? items[0];
    }

    /** The attributes written in a block, computed once per completion context. */
    private written(context: CompletionContext, owner: AstNode): Set<string> {
        let byOwner = this.writtenByContext.get(context);
        if (!byOwner) {
            byOwner = new Map();
            this.writtenByContext.set(context, byOwner);
        }
        let keys = byOwner.get(owner);
        if (!keys) {
            keys = writtenAttributes(owner, context.tokenOffset);
            byOwner.set(owner, keys);
        }
        return keys;
    }
}
