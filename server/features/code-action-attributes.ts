import type { AstNode, LangiumDocument } from 'langium';
import type { TextEdit } from 'vscode-languageserver';
import { isBehavior, isMetric, isObjective, isProgram } from '../../language/generated/ast.js';
import type { RuleId } from '../../language/rules.js';
import { addAttributeLines } from './code-action-edits.js';
import { attribute } from '../../language/attributes.js';

/** A quick fix that edits the declaration a rule marks (adds the attribute lines it misses, or changes one); preferred unless `preferred` is false. */
export interface DeclarationFix {
    readonly title: string;
    readonly edit: TextEdit;
    readonly preferred?: boolean;
}

/** What a fix may read of the settings in force. */
export interface FixSettings {
    readonly maxPilotDays: number;
}

/** The fix of one rule for the declaration it marks, if that declaration has one. */
export type DeclarationRule = (document: LangiumDocument, node: AstNode, settings: FixSettings) => DeclarationFix | undefined;

/** Where a program's attributes end: before its first member, so that they stay together. */
function attributesEnd(node: AstNode): number | undefined {
    return isProgram(node) ? node.members[0]?.$cstNode?.offset : undefined;
}

function fix(document: LangiumDocument, node: AstNode, lines: string[], title: string): DeclarationFix {
    return { title, edit: addAttributeLines(document, node, lines, attributesEnd(node)) };
}

/**
 * Rule id -> the fix that adds what the rule misses, for the declaration it
 * marks (placeholders say what to fill in).
 */
export const ATTRIBUTE_FIXES: Readonly<Partial<Record<RuleId, DeclarationRule>>> = {
    'metric-without-source': (document, node) => isMetric(node) && !attribute(node, 'Source')
        ? fix(document, node, ['source "TODO: system and report"'], `Add \`source\` to ${node.name}`) : undefined,
    'metric-without-owner': (document, node) => {
        if (!isMetric(node)) return undefined;
        const lines = [attribute(node, 'Owner') ? '' : 'owner "TODO"', attribute(node, 'MetricCadence') ? '' : 'cadence monthly'].filter(l => l !== '');
        const what = lines.map(l => `\`${l.split(' ')[0]}\``).join(' and ');
        return lines.length > 0 ? fix(document, node, lines, `Add ${what} to ${node.name}`) : undefined;
    },
    'program-without-review': (document, node) => isProgram(node) && !attribute(node, 'Review')
        ? fix(document, node, ['review monthly'], `Add \`review monthly\` to ${node.name}`) : undefined,
    'program-without-sponsor': (document, node) => isProgram(node) && !attribute(node, 'Sponsor')
        ? fix(document, node, ['sponsor "TODO: senior leader"'], `Add \`sponsor\` to ${node.name}`) : undefined,
    'objective-without-practice': (document, node) => isObjective(node) && !attribute(node, 'Practice')
        ? fix(document, node, ['practice roleplay "TODO: a realistic work situation"'], `Add \`practice\` to ${node.name}`) : undefined,
    'behavior-not-reinforced': (document, node) => isBehavior(node) && !attribute(node, 'ObservedBy')
        ? fix(document, node, ['observed by manager weekly'], `Add \`observed by manager weekly\` to ${node.name}`) : undefined
};
