import type { AstNode } from 'langium';
import type { Actuals, Declaration, Program } from '../generated/ast.js';
import type { ActualsRead } from '../actuals/read-actuals.js';
import { makeNode, sameBase, type NodeBase } from './collect-nodes.js';
import type { DerivedFigures } from './derived-figures.js';
import type { Fragment } from './fragment.js';
import type { GraphNode, NodeKind } from './types.js';

/**
 * Where every node of the graph is: its declaration, fragment and current
 * node object, by id and by syntax node; and what each actuals block read.
 * Kept up to date fragment by fragment.
 */
export class NodeRegistry {
    readonly idOfAst = new Map<AstNode, string>();
    readonly nodeById = new Map<string, GraphNode>();
    readonly nodeOfAst = new Map<AstNode, GraphNode>();
    readonly actualsRead = new Map<Actuals, ActualsRead>();
    private readonly placeOf = new Map<string, { readonly f: Fragment; readonly i: number }>();
    /**
     * The base each node object was made from: comparing two bases (of one
     * shape) is several times faster than comparing a node (of many shapes,
     * with or without figures) with a base.
     */
    private readonly baseOf = new WeakMap<GraphNode, NodeBase>();

    /** Drops the declarations and actuals of fragments that were replaced or removed (with `full`, everything); returns their ids. */
    forget(fragments: Iterable<Fragment>, full: boolean): Set<string> {
        if (full) {
            const all = new Set(this.placeOf.keys());
            for (const map of [this.idOfAst, this.nodeById, this.nodeOfAst, this.actualsRead, this.placeOf]) map.clear();
            return all;
        }
        const ids = new Set<string>();
        for (const f of fragments) {
            f.declared.forEach((d, i) => {
                this.idOfAst.delete(d.ast);
                this.nodeOfAst.delete(d.ast);
                const id = f.ids[i]!;
                if (this.astOf(id) !== d.ast) return;
                ids.add(id);
                this.placeOf.delete(id);
            });
            for (const { actuals } of f.actuals) this.actualsRead.delete(actuals);
        }
        return ids;
    }

    /**
     * Records the declarations and actuals of new fragments (their `ids`
     * set). Returns the ids that are new, and those that are gone or changed
     * kind (their derived figures are dropped or made anew).
     */
    learn(fresh: Iterable<Fragment>, forgotten: ReadonlySet<string>): { added: string[]; removed: string[] } {
        const added: string[] = [];
        const changedKind: string[] = [];
        for (const f of fresh) {
            f.declared.forEach((d, j) => {
                const id = f.ids[j]!;
                const old = this.nodeById.get(id);
                if (!forgotten.has(id)) added.push(id);
                else if (old && old.kind !== d.base.kind) changedKind.push(id);
                this.idOfAst.set(d.ast, id);
                this.placeOf.set(id, { f, i: j });
            });
            for (const { actuals, read } of f.actuals) this.actualsRead.set(actuals, read);
        }
        const removed = [...forgotten].filter(id => !this.placeOf.has(id));
        for (const id of removed) this.nodeById.delete(id);
        return { added: [...added, ...changedKind], removed: [...removed, ...changedKind] };
    }

    /** The declaration of a node. */
    astOf(id: string): Declaration | Program | undefined {
        const place = this.placeOf.get(id);
        return place?.f.declared[place.i]!.ast;
    }

    kindOf(id: string): NodeKind | undefined {
        const place = this.placeOf.get(id);
        return place?.f.declared[place.i]!.base.kind;
    }

    fragmentOf(id: string): Fragment | undefined {
        return this.placeOf.get(id)?.f;
    }

    /** Member ids of a program, in document order. */
    membersOf(id: string): string[] {
        const place = this.placeOf.get(id);
        return place ? place.f.membersOf(place.i).map(i => place.f.ids[i]!) : [];
    }

    /**
     * Gives the fragments their node objects: the previous object where
     * nothing changed, a new one otherwise. Only the fragments given are
     * looked at (new ones, and those holding nodes whose figures changed).
     */
    refreshNodes(fragments: Iterable<Fragment>, derived: DerivedFigures): void {
        for (const f of fragments) {
            let changed = f.nodes.length !== f.declared.length;
            const next = f.declared.map((d, i) => {
                const id = f.ids[i]!;
                const program = d.programIndex >= 0 ? f.ids[d.programIndex] : undefined;
                const metric = d.base.kind === 'metric' ? derived.metric.get(id) : undefined;
                const objective = d.base.kind === 'objective' ? derived.objective.get(id) : undefined;
                const programFigures = d.base.kind === 'program' ? derived.program.get(id) : undefined;
                const old = f.nodes[i] ?? this.nodeById.get(id);
                const oldBase = old && this.baseOf.get(old);
                if (old && old.id === id && old.program === program && old.metric === metric && old.objective === objective
                    && old.programFigures === programFigures && (oldBase === d.base || (oldBase !== undefined && sameBase(oldBase, d.base)))) return old;
                changed = true;
                const node = makeNode(d.base, id, program);
                this.baseOf.set(node, d.base);
                if (metric) node.metric = metric;
                if (objective) node.objective = objective;
                if (programFigures) node.programFigures = programFigures;
                return node;
            });
            if (changed) f.nodes = next;
            f.nodes.forEach((node, i) => {
                this.nodeById.set(node.id, node);
                this.nodeOfAst.set(f.declared[i]!.ast, node);
            });
        }
    }
}
