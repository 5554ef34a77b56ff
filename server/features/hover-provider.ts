import type { AstNode, LangiumDocument, MaybePromise } from 'langium';
import { AstUtils, CstUtils, GrammarAST, GrammarUtils } from 'langium';
import { AstNodeHoverProvider } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver';
import type { AlignSnapshotService } from '../../language/pull/snapshot-service.js';
import { isActuals, isIsolate, isPilot, isPull } from '../../language/generated/ast.js';
import { isolateHover } from './hover-attribution.js';
import { snapshotHover } from './hover-snapshot.js';
import { periodHover } from './hover-period.js';
import type { AlignServices } from '../../language/align-module.js';
import type { GraphIndex } from '../../language/graph/build-graph.js';
import type { AlignGraphService } from '../../language/graph/graph-service.js';
import type { GraphNode } from '../../language/graph/types.js';
import type { Behavior, Declaration, Metric, Objective, Outcome, Program, Skill, Toolkit } from '../../language/generated/ast.js';
import { objectiveHover, programHover } from './hover-chain.js';
import { behaviorHover, metricHover, outcomeHover, skillHover, toolkitHover } from './hover-elements.js';
import { windowText } from '../../language/present/index.js';
import { hoverText } from './shown-text.js';
import { docWithoutImages } from './doc-images.js';
import { paragraphs } from './hover-format.js';
import { plainHover, readsMarkdown } from './plain-text.js';
import { originHoverLine } from './catalog-origin.js';
import type { AlignCatalogRegistry } from '../../language/catalogs/catalog-registry.js';

/**
 * Hover on a declaration's name or on a reference to it (Langium resolves
 * which declaration is meant). Markdown: kind, name and title, the doc
 * comment (its images as links: doc-images.ts), then what the impact graph says about the element: metric
 * figures, an objective's chain paths or why it has none, a program's
 * coverage and ROI, an outcome's KPIs, what a skill or behavior enables.
 * Besides: a date or a period (hover-period.ts), a pilot's duration (the
 * window it makes), an `isolate` and a pulled actuals block.
 */
export class AlignHoverProvider extends AstNodeHoverProvider {
    private readonly graph: AlignGraphService;
    private readonly snapshots: AlignSnapshotService;
    private readonly catalogs: AlignCatalogRegistry;
    /** False for a client that reads plain text only (other editors may say so): hovers are then sent as plain text. */
    private markdown = true;

    constructor(services: AlignServices) {
        super(services);
        services.shared.lsp.LanguageServer.onInitialize(params => { this.markdown = readsMarkdown(params.capabilities.textDocument?.hover?.contentFormat); });
        this.catalogs = services.align.Catalogs;
        this.graph = services.align.Graph;
        this.snapshots = services.align.Snapshots;
    }

    /** Names and references as Langium finds them; besides, the words of an `isolate` and of a pulled actuals block. */
    override async getHoverContent(document: LangiumDocument, params: HoverParams): Promise<Hover | undefined> {
        const hover = await this.markdownHover(document, params);
        return hover && !this.markdown ? plainHover(hover) : hover;
    }

    private async markdownHover(document: LangiumDocument, params: HoverParams): Promise<Hover | undefined> {
        const root = document.parseResult.value.$cstNode;
        const offset = this.wordOffset(document, params);
        const leaf = root ? CstUtils.findLeafNodeAtOffset(root, offset) : undefined;
        const reference = leaf && GrammarAST.isCrossReference(GrammarUtils.findAssignment(leaf)?.terminal);
        const period = leaf && !reference ? periodHover(leaf.tokenType.name, leaf.text) : undefined;
        const value = period ?? (leaf && !reference ? await this.statementHover(leaf.astNode, leaf.text) : undefined);
        return value ? { contents: { kind: 'markdown', value } } : super.getHoverContent(document, { ...params, position: document.textDocument.positionAt(offset) });
    }

    /**
     * The offset of the word hovered, as go to definition and rename take it:
     * right after a word (its end, or past the end of its line) is that word.
     */
    private wordOffset(document: LangiumDocument, params: HoverParams): number {
        const text = document.textDocument.getText();
        const offset = document.textDocument.offsetAt(params.position);
        const nameChar = (i: number): boolean => i >= 0 && i < text.length && this.grammarConfig.nameRegexp.test(text.charAt(i));
        return offset > 0 && !nameChar(offset) && nameChar(offset - 1) ? offset - 1 : offset;
    }

    private async statementHover(ast: AstNode, text: string): Promise<string | undefined> {
        const pilot = AstUtils.getContainerOfType(ast, isPilot);
        if (pilot) {
            const window = (await this.graph.indexIfBuilt())?.nodeOf(pilot.$container)?.programFigures?.window;
            return window && pilot.duration ? `**pilot ${pilot.duration.amount} ${pilot.duration.unit}**: ${windowText(window)}, both days included` : undefined;
        }
        const isolate = AstUtils.getContainerOfType(ast, isIsolate);
        if (isolate) {
            const index = await this.graph.indexIfBuilt();
            const [program, kpi] = [index?.nodeOf(isolate.$container), index?.nodeOf(isolate.metric?.ref)];
            return index && program && kpi ? isolateHover(index, program, kpi, isolate) : undefined;
        }
        const actuals = AstUtils.getContainerOfType(ast, isActuals);
        const onSnapshot = actuals?.pull && (AstUtils.getContainerOfType(ast, isPull) || text === `"${actuals.file}"`);
        if (!actuals || !onSnapshot) return undefined;
        const index = await this.graph.indexIfBuilt();
        const metric = index?.nodeOf(actuals.metric?.ref)?.qualifiedName ?? actuals.metric?.$refText ?? '';
        return snapshotHover(actuals, (await this.snapshots.getStatuses()).get(actuals), metric);
    }

    protected override getAstNodeHoverContent(ast: AstNode): MaybePromise<string | undefined> {
        return this.content(ast);
    }

    private async content(ast: AstNode): Promise<string | undefined> {
        const index = await this.graph.indexIfBuilt();
        const node = index?.nodeOf(ast);
        if (!index || !node) return undefined;
        const origin = originHoverLine(this.catalogs, AstUtils.getDocument(ast).uri.toString());
        return paragraphs([headerOf(node), origin, node.doc === undefined ? undefined : docWithoutImages(node.doc), '---', bodyOf(index, node, ast as Declaration | Program)]);
    }
}

/** `**metric** `ChurnPilot.RepeatContactRate` — Repeat contact within 7 days` */
function headerOf(node: GraphNode): string {
    const title = node.title ? ` — ${hoverText(node.title)}` : '';
    return `**${node.kind}** \`${node.qualifiedName}\`${title}`;
}

function bodyOf(index: GraphIndex, node: GraphNode, ast: Declaration | Program): string {
    switch (node.kind) {
        case 'metric': return metricHover(index, node, ast as Metric);
        case 'objective': return objectiveHover(index, node, ast as Objective);
        case 'program': return programHover(index, node, ast as Program);
        case 'outcome': return outcomeHover(index, node, ast as Outcome);
        case 'skill': return skillHover(index, node, ast as Skill);
        case 'behavior': return behaviorHover(index, node, ast as Behavior);
        case 'toolkit': return toolkitHover(index, node, ast as Toolkit);
    }
}
