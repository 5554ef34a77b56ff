import type { AstNode, LangiumDocument } from 'langium';
import { AstUtils, CstUtils } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { AlignServices } from '../../language/align-module.js';
import type { GraphIndex } from '../../language/graph/build-graph.js';
import { ruleIdOf } from '../../language/findings.js';
import type { RuleId } from '../../language/rules.js';
import { isDeclaration, isObjective, isProgram, isSkill } from '../../language/generated/ast.js';
import { pullCommand } from '../../language/validation/snapshot-rules.js';
import { ATTRIBUTE_FIXES, type DeclarationRule } from './code-action-attributes.js';
import { createForUnresolved } from './code-action-create.js';
import { kpiCandidates, linkKpiEdit, linkKpiTitle, MAX_KPI_ACTIONS } from './code-action-kpi-links.js';
import { withLineBreaks } from './code-action-edits.js';
import { suppressActions } from './code-action-suppress.js';
import { shortenPilot } from './code-action-pilot.js';
import { deadlineAtWindowEnd } from './code-action-deadline.js';
import { enableChoices, serveChoices } from './code-action-choices.js';
import { removeRepeatedReference } from './code-action-repeats.js';
import { ClientCommands } from './client-commands.js';

/** Rule id -> the fix of the declaration it marks: the attributes it misses, or the one value to change. */
const DECLARATION_FIXES: Readonly<Partial<Record<RuleId, DeclarationRule>>> = {
    ...ATTRIBUTE_FIXES,
    'pilot-too-long': (_document, node, settings) => shortenPilot(node, settings.maxPilotDays),
    'deadline-outside-window': (_document, node) => deadlineAtWindowEnd(node)
};

/** The Align extension's *Pull Actuals* (desktop): `align pull`, for the metric given, in a terminal. */
const PULL_ACTUALS_COMMAND = 'align.pullActuals';

/**
 * Quick fixes keyed on the rule id of each diagnostic the client sends:
 * link an unaligned objective to a KPI, create the declaration an
 * unresolved reference names, add the attributes a rule misses, shorten
 * a pilot that runs too long, move a deadline into the window, let a
 * program serve an outcome and a behavior be enabled by an idle skill,
 * remove a reference written twice in one list; after them, `Disable <rule> for this line` (code-action-suppress.ts).
 */
export class AlignCodeActionProvider implements CodeActionProvider {
    private readonly services: AlignServices;
    private readonly client: ClientCommands;
    /**
     * Whether the client takes `CodeAction` literals (its
     * `codeActionLiteralSupport`). Without it the answer may hold only
     * commands, and every fix is an edit: such a client (an old or minimal
     * one) is offered none, and the log says so once.
     */
    private literals = true;
    private saidNoLiterals = false;

    constructor(services: AlignServices) {
        this.services = services;
        this.client = new ClientCommands(services.shared.lsp.LanguageServer);
        services.shared.lsp.LanguageServer.onInitialize(params => { this.literals = params.capabilities.textDocument?.codeAction?.codeActionLiteralSupport !== undefined; });
    }

    async getCodeActions(document: LangiumDocument, params: CodeActionParams): Promise<CodeAction[]> {
        if (!this.literals) {
            if (!this.saidNoLiterals) this.services.shared.lsp.Connection?.console.info('Align: the editor takes no code action literals (codeActionLiteralSupport): no quick fixes are offered');
            this.saidNoLiterals = true;
            return [];
        }
        const only = params.context.only;
        if (only && !only.some(kind => CodeActionKind.QuickFix.startsWith(kind))) return [];
        const catalogs = this.services.align.Catalogs;
        if (catalogs.isCatalog(document.uri)) return [];
        const graph = await this.services.align.Graph.indexIfBuilt();
        // Without the graph (its build failed: reported on every document), only the suppression comments are offered.
        const fixes = graph ? params.context.diagnostics.flatMap(diagnostic => this.actionsFor(document, diagnostic, graph)) : [];
        const actions = [...fixes, ...suppressActions(document, params.context.diagnostics)];
        // A fix never edits a catalog file (a declaration created in one, say).
        return actions.filter(action => !Object.keys(action.edit?.changes ?? {}).some(uri => catalogs.isCatalog(uri)));
    }

    private actionsFor(document: LangiumDocument, diagnostic: Diagnostic, graph: GraphIndex): CodeAction[] {
        const rule = ruleIdOf(diagnostic);
        if (rule === 'objective-without-kpi' || rule === 'activity-only-link') {
            return this.linkKpiActions(document, diagnostic, graph);
        }
        if (rule === 'unresolved-reference') {
            const create = createForUnresolved(this.services, document, diagnostic, graph);
            return create ? [quickFix(`Create ${create.kind} ${create.refText}`, diagnostic, create.document, create.edit, true)] : [];
        }
        if (rule === 'snapshot-drift') return isLockProblem(diagnostic) || !this.client.pullActuals ? [] : [pullAction(diagnostic)];
        const node = declarationAt(document, diagnostic);
        if (!node) return [];
        if (rule === 'syntax') {
            const fix = removeRepeatedReference(document, node, diagnostic);
            return fix ? [quickFix(fix.title, diagnostic, document, fix.edit, true)] : [];
        }
        const choices = rule === 'program-without-outcome' && isProgram(node) ? serveChoices(document, node, graph)
            : rule === 'skill-enables-nothing' && isSkill(node) ? enableChoices(node, graph) : [];
        if (choices.length > 0) return choices.map(c => quickFix(c.title, diagnostic, c.document, c.edit, c.best));
        const fix = DECLARATION_FIXES[rule]?.(document, node, this.services.align.Settings);
        return fix ? [quickFix(fix.title, diagnostic, document, fix.edit, fix.preferred ?? true)] : [];
    }

    private linkKpiActions(document: LangiumDocument, diagnostic: Diagnostic, graph: GraphIndex): CodeAction[] {
        const objective = declarationAt(document, diagnostic);
        if (!isObjective(objective)) return [];
        return kpiCandidates(objective, graph).slice(0, MAX_KPI_ACTIONS).map((candidate, i) =>
            quickFix(linkKpiTitle(candidate.reference), diagnostic, document, linkKpiEdit(document, objective, candidate.reference), i === 0));
    }
}

/** The declaration (or program) whose text holds the start of a diagnostic. */
function declarationAt(document: LangiumDocument, diagnostic: Diagnostic): AstNode | undefined {
    const root = document.parseResult.value.$cstNode;
    const leaf = root ? CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(diagnostic.range.start)) : undefined;
    return leaf ? AstUtils.getContainerOfType(leaf.astNode, n => isDeclaration(n) || isProgram(n)) : undefined;
}

/**
 * The fix of `snapshot-drift` is a pull, which connects to a data source:
 * the quick fix runs the Align extension's *Pull Actuals* for the metric, in
 * a terminal (offered only where the client has that command; elsewhere the
 * diagnostic says the command to run).
 */
function pullAction(diagnostic: Diagnostic): CodeAction {
    const metric = (diagnostic.data as { metric?: unknown } | undefined)?.metric;
    const args = typeof metric === 'string' ? [metric] : [];
    const title = `Refresh the snapshot: run \`${typeof metric === 'string' ? pullCommand(metric) : 'align pull'}\` in a terminal`;
    return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: false, command: { title, command: PULL_ACTUALS_COMMAND, arguments: args } };
}

/** A `snapshot-drift` about the lock file itself (unusable): `align pull` refuses it too, its message says what to do. */
function isLockProblem(diagnostic: Diagnostic): boolean {
    return (diagnostic.data as { lockProblem?: unknown } | undefined)?.lockProblem === true;
}

/** A fix that edits one document, in that document's line breaks. */
function quickFix(title: string, diagnostic: Diagnostic, target: LangiumDocument, edit: TextEdit, isPreferred: boolean): CodeAction {
    return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred, edit: { changes: { [target.uri.toString()]: [withLineBreaks(target, edit)] } } };
}
