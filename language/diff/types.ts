/**
 * What a change does to the impact chain: the result of comparing two
 * workspaces' impact graphs and findings (`align diff`, and the preview's
 * comparison with the last commit). Plain data: `align diff --format json`
 * prints it inside its envelope; docs/diff.md documents every field.
 */
import type { GraphAttributes } from '../graph/node-attributes.js';
import type { Coverage, EdgeKind, ImpactGraph, NodeKind } from '../graph/types.js';
import type { FindingIdentity } from '../identity/finding-identity.js';
import type { FindingSeverity } from '../rules.js';

/** A finding as the diff reads it: what `align check` reports, with its identity. */
export interface DiffFindingInput {
    readonly rule: string;
    readonly severity: FindingSeverity;
    readonly message: string;
    /** Path of the file, the same on both sides for the same file (e.g. relative to the repository root). */
    readonly file: string;
    /** 1-based. */
    readonly line: number;
    readonly identity?: FindingIdentity;
}

/** One side of the comparison. */
export interface DiffSide {
    readonly graph: ImpactGraph;
    /** The attributes as written of the graph's nodes (`graphAttributes(index)` of language/graph/node-attributes.ts). */
    readonly attributes: GraphAttributes;
    readonly findings: readonly DiffFindingInput[];
    /** Names a node's file (its `uri`) in the output; without it nodes carry no file. */
    fileOf?(uri: string): string;
}

/** An element of the chain, as the diff names it. */
export interface NodeRef {
    /** The graph node's id: the model path (`DiscoveryBootcamp.KnowTheProduct`). */
    id: string;
    kind: NodeKind;
    name: string;
    title?: string;
    /** Where it is declared (on its side: the base for removed nodes, the head otherwise). */
    file?: string;
    /** 1-based line of its name. */
    line?: number;
}

/** One field of an element that differs: `title`, `kind`, `doc`, `latest actual`, or an attribute's keyword (`target`, `source`...). */
export interface FieldChange {
    field: string;
    /** As written on the base side; absent when the field was not there. */
    before?: string;
    /** As written on the head side; absent when the field was removed. */
    after?: string;
}

/** An element on both sides whose fields differ. */
export interface NodeChange {
    node: NodeRef;
    changes: FieldChange[];
}

/** An element whose name (or program) changed, with the same kind, title and links. */
export interface RenamedNode {
    from: NodeRef;
    to: NodeRef;
    /** Its other differences, if any. */
    changes: FieldChange[];
}

/** A link of the chain. Ids are the head's; a removed element keeps its base id. */
export interface LinkRef {
    kind: EdgeKind;
    from: string;
    to: string;
}

/** Alignment coverage of a program before and after; absent on the side where the program does not exist. */
export interface ProgramCoverageChange {
    program: string;
    before?: Coverage;
    after?: Coverage;
}

/** A program's Phillips ROI figures, as far as they are known. */
export interface RoiSummary {
    cost?: number;
    currency?: string;
    benefit?: number;
    roiPercent?: number;
    bcr?: number;
    /** Terms that are not known: ROI is shown only when this is empty. */
    missing: string[];
}

/** A program whose ROI figures differ. */
export interface RoiChange {
    program: string;
    before?: RoiSummary;
    after?: RoiSummary;
}

/** A finding that is new (head) or fixed (base). */
export interface DiffFinding {
    rule: string;
    severity: FindingSeverity;
    /** Model path of its element; absent outside every declaration. */
    element?: string;
    message: string;
    file: string;
    line: number;
}

/** What a change does to the impact chain. */
export interface ChainDiff {
    /** True when nothing below differs (coverage and ROI equal, no finding new or fixed). */
    empty: boolean;
    nodes: {
        added: NodeRef[];
        removed: NodeRef[];
        renamed: RenamedNode[];
        changed: NodeChange[];
    };
    links: {
        added: LinkRef[];
        removed: LinkRef[];
    };
    /** Objectives whose KPI link changed. */
    kpiLinks: {
        /** Linked to a KPI before, not after. */
        lost: NodeRef[];
        /** Not linked before, linked after. */
        gained: NodeRef[];
        /** Added without a KPI link. */
        addedWithout: NodeRef[];
    };
    coverage: {
        before: Coverage;
        after: Coverage;
        /** Programs whose coverage differs (or that exist on one side only). */
        programs: ProgramCoverageChange[];
    };
    roi: RoiChange[];
    findings: {
        new: DiffFinding[];
        fixed: DiffFinding[];
        /** Findings on both sides. */
        unchanged: number;
    };
}
