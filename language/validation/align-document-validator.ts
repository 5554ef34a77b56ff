import type { AstNode, LangiumDocument, ValidationAcceptor, ValidationCheck, ValidationOptions } from 'langium';
import { Cancellation, DefaultDocumentValidator, DocumentValidator, interruptAndCheck } from 'langium';
import { astNodes } from '../ast-nodes.js';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { AlignServices } from '../align-module.js';
import { messageText, ruleIdOf } from '../findings.js';
import { identityAt } from '../identity/finding-identity.js';
import { ALL_RULES, ruleDocUrl } from '../rules.js';
import { nearestWithin } from '../edit-distance.js';
import { codeSpan } from '../present/index.js';
import { repeatsInList } from '../reference-lists.js';
import { isSuppressed, suppressedLines, UNKNOWN_SUPPRESSION_KEY, unknownSuppressionIds, type Suppressions } from './suppressions.js';
import type { AlignWorkspaceFindings } from './workspace-findings.js';

type CancellationToken = Cancellation.CancellationToken;
const CancellationToken = Cancellation.CancellationToken;

/** What Langium's validation gave for one parse of a document, without its linking errors (which change with links). */
interface OwnDiagnostics {
    readonly model: AstNode;
    /** Lexing and parsing errors. */
    readonly syntax: Diagnostic[];
    /** Findings of the rules that read the document alone. */
    readonly local: Diagnostic[];
    readonly suppressions: Suppressions;
}

/**
 * A document's diagnostics: Langium's (syntax errors, unresolved
 * references, the rules that read the document alone) and the findings of
 * the workspace rules for it. Every diagnostic gets its rule id as `code`
 * and its identity as `data.identity` (language/identity), and the findings
 * that an `align-disable-next-line` comment suppresses are dropped (never an
 * `internal-error`). `refresh` recombines them without validating again,
 * when only links or workspace findings changed.
 */
export class AlignDocumentValidator extends DefaultDocumentValidator {
    private readonly workspaceFindings: AlignWorkspaceFindings;
    private readonly own = new WeakMap<LangiumDocument, OwnDiagnostics>();

    constructor(services: AlignServices) {
        super(services);
        this.workspaceFindings = services.align.WorkspaceFindings;
    }

    override async validateDocument(document: LangiumDocument, options?: ValidationOptions, cancelToken?: CancellationToken): Promise<Diagnostic[]> {
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        const root = document.parseResult.value;
        const found = this.astFindings.get(root);
        this.astFindings.delete(root);
        // Appended one by one: a spread of this many arguments would overflow the stack (see `validateAst`).
        if (found) for (let i = 0; i < found.length; i++) diagnostics.push(found[i]!);
        const text = document.textDocument.getText();
        const own: OwnDiagnostics = {
            model: root,
            syntax: diagnostics.filter(d => isSyntax(d)),
            local: [...diagnostics.filter(d => !isSyntax(d) && !isLinking(d)), ...unknownSuppressions(document, text)],
            suppressions: suppressedLines(text)
        };
        this.own.set(document, own);
        const index = await this.workspaceFindings.ready();
        return this.combine(document, own, diagnostics.filter(isLinking), this.workspaceFindings.of(document, index));
    }

    /**
     * The document's diagnostics with its current links and the current
     * workspace findings, reusing its last validation; undefined when it was
     * parsed again since (it must be validated).
     */
    async refresh(document: LangiumDocument): Promise<Diagnostic[] | undefined> {
        return this.fromLast(document, false);
    }

    /**
     * The document's syntax errors alone (lexing and parsing), shaped as
     * `validateDocument` shapes every diagnostic: what a catalog file open
     * in the editor shows (no rule runs inside a catalog).
     */
    syntaxErrors(document: LangiumDocument): Diagnostic[] {
        const syntax: Diagnostic[] = [];
        this.processLexingErrors(document.parseResult, syntax, {});
        this.processParsingErrors(document.parseResult, syntax, {});
        const own: OwnDiagnostics = { model: document.parseResult.value, syntax, local: [], suppressions: new Map() };
        return this.combine(document, own, [], []);
    }

    /**
     * The findings an `align-disable-next-line` comment hides in the
     * document, as `validateDocument` would give them without the comment;
     * computed only when asked (`align check --format sarif`), from its
     * last validation: undefined when it was parsed again since.
     */
    async suppressed(document: LangiumDocument): Promise<Diagnostic[] | undefined> {
        return this.fromLast(document, true);
    }

    /** `refresh` (the shown diagnostics) or `suppressed` (the hidden ones) from the document's last validation. */
    private async fromLast(document: LangiumDocument, suppressed: boolean): Promise<Diagnostic[] | undefined> {
        const own = this.own.get(document);
        if (!own || own.model !== document.parseResult.value) return undefined;
        if (suppressed && own.suppressions.size === 0) return [];
        const linking: Diagnostic[] = [];
        this.processLinkingErrors(document, linking, {});
        const index = await this.workspaceFindings.ready();
        return this.combine(document, own, linking, this.workspaceFindings.of(document, index), suppressed);
    }

    /**
     * Langium's unresolved references, but for a name written again in the
     * same list (`kpi Typo, Typo`): that one is a `syntax` error, and the
     * first says that the name resolves to nothing.
     */
    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const repeated = repeatedUnresolved(document);
        if (repeated.size === 0) {
            super.processLinkingErrors(document, diagnostics, options);
            return;
        }
        const all: Diagnostic[] = [];
        super.processLinkingErrors(document, all, options);
        for (const d of all) if (!repeated.has(document.textDocument.offsetAt(d.range.start))) diagnostics.push(d);
    }

    /**
     * The rules' findings are kept for `validateDocument` to append, and
     * none returned: Langium appends them with `push(...findings)`, which
     * overflows the stack past about 120,000 findings in one document and
     * loses them all (docs/reliability.md).
     */
    protected override async validateAst(root: AstNode, options: ValidationOptions, cancelToken?: CancellationToken): Promise<Diagnostic[]> {
        this.astFindings.set(root, await super.validateAst(root, options, cancelToken));
        return [];
    }

    /** Findings of `validateAst` by syntax tree, until `validateDocument` takes them. */
    private readonly astFindings = new WeakMap<AstNode, Diagnostic[]>();

    /**
     * Langium's walk over the syntax tree, with each node type's checks
     * looked up once per document, nodes without checks passed over, and a
     * chance to cancel every few hundred nodes rather than at each node.
     */
    protected override async validateAstNodes(root: AstNode, options: ValidationOptions, acceptor: ValidationAcceptor, cancelToken = CancellationToken.None): Promise<void> {
        const checksOf = new Map<string, ValidationCheck[]>();
        const nodes = astNodes(root);
        // Indexed loops: until this is optimized, `for...of` makes an object per node and per check.
        for (let n = 0; n < nodes.length; n++) {
            if ((n + 1) % 512 === 0) await interruptAndCheck(cancelToken);
            const node = nodes[n]!;
            let checks = checksOf.get(node.$type);
            if (!checks) checksOf.set(node.$type, checks = this.validationRegistry.getChecks(node.$type, options.categories).toArray());
            for (let c = 0; c < checks.length; c++) {
                const pending = checks[c]!(node, acceptor, cancelToken);
                if (pending) await pending;
            }
        }
    }

    /**
     * Syntax errors and unresolved references first, then rule findings in
     * the order of their place in the text; without the suppressed ones, or
     * (`suppressed`) only those.
     */
    private combine(document: LangiumDocument, own: OwnDiagnostics, linking: readonly Diagnostic[], workspace: readonly Diagnostic[], suppressed = false): Diagnostic[] {
        const findings = [...own.local, ...workspace].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
        return [...own.syntax, ...linking, ...findings]
            .filter(d => isSuppressed(own.suppressions, d.range.start.line, ruleIdOf(d)) === suppressed)
            .map(d => {
                const code = ruleIdOf(d);
                const identity = identityAt(own.model, document.textDocument.offsetAt(d.range.start), code, { message: messageText(d), data: d.data });
                return { ...d, code, codeDescription: { href: ruleDocUrl(code) }, source: 'align', data: { ...(d.data as object | undefined), identity } };
            });
    }
}

/** Offsets of the unresolved references that repeat an earlier name of their list. */
function repeatedUnresolved(document: LangiumDocument): Set<number> {
    const offsets = new Set<number>();
    const lists = new Map<unknown, boolean[]>();
    for (const reference of document.references) {
        const info = reference.error?.info;
        if (!info || info.index === undefined || info.index === 0 || !reference.$refNode) continue;
        const refs = (info.container as unknown as Record<string, unknown>)[info.property];
        if (!Array.isArray(refs)) continue;
        let repeats = lists.get(refs);
        if (!repeats) lists.set(refs, repeats = repeatsInList(refs));
        if (repeats[info.index]) offsets.add(reference.$refNode.offset);
    }
    return offsets;
}

function codeOf(d: Diagnostic): unknown {
    return (d.data as { code?: unknown } | undefined)?.code;
}

function isLinking(d: Diagnostic): boolean {
    return codeOf(d) === DocumentValidator.LinkingError;
}

function isSyntax(d: Diagnostic): boolean {
    const code = codeOf(d);
    return code === DocumentValidator.ParsingError || (typeof code === 'string' && code.startsWith('lexing-'));
}

const RULE_IDS: ReadonlySet<string> = new Set(ALL_RULES.map(r => r.id));

/**
 * `syntax`, on each id of an `align-disable-next-line` comment that names no
 * rule: the comment suppresses nothing, and the finding it was meant for
 * shows all the same (as ESLint reports a rule it does not know).
 */
function unknownSuppressions(document: LangiumDocument, text: string): Diagnostic[] {
    return unknownSuppressionIds(text, RULE_IDS).map(({ offset, id }) => {
        const near = nearestWithin(id, [...RULE_IDS], 3);
        const fix = near ? `did you mean \`${near}\`?` : `give an id of the rule index (${ruleDocUrl('README')})`;
        return {
            range: { start: document.textDocument.positionAt(offset), end: document.textDocument.positionAt(offset + id.length) },
            severity: DiagnosticSeverity.Error,
            message: `Unknown rule id ${codeSpan(id)} in align-disable-next-line: it suppresses nothing; ${fix}`,
            data: { code: 'syntax', key: `${UNKNOWN_SUPPRESSION_KEY} ${id}` }
        };
    });
}
