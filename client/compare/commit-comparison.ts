import * as vscode from 'vscode';
import type { ChainComparison } from '../../language/protocol.js';
import { CompareContext, PreviewCommands } from '../constants.js';
import type { PreviewDeps } from '../preview/impact-preview.js';
import { ImpactPreview } from '../preview/impact-preview.js';
import { gitApi, type GitApi, type GitRepository } from './git-api.js';
import { gitHeadSource } from './git-head-source.js';
import { headFiles, headLabel, repositoryOf } from './head-files.js';

/**
 * Desktop only: the preview's "Compare with Last Commit". Registers its two
 * title-bar commands (not on the web) and sets `align.canCompareWithCommit`,
 * which shows them, once the git extension's API is there. While on,
 * every graph the preview gets is followed by the comparison of the
 * workspace with HEAD: the client reads HEAD's `.align` files with the git
 * API, the server builds their graph and compares (`align/compareGraph`).
 */
export function registerCommitComparison(deps: PreviewDeps): vscode.Disposable {
    let disposed = false;
    const ready = gitApi().then(api => {
        if (!api || disposed) return undefined;
        void vscode.commands.executeCommand('setContext', CompareContext.available, true);
        return new CommitComparison(deps, api);
    });
    ready.catch((error: unknown) => console.warn('Align: the git extension is not available; Compare with Last Commit is off.', error));
    const withComparison = (action: (comparison: CommitComparison) => unknown) => async () => {
        const comparison = await ready.catch(() => undefined);
        if (comparison) await action(comparison);
        else void vscode.window.showInformationMessage('Align: Compare with Last Commit needs the built-in Git extension, which is not available or is disabled.');
    };
    const commands = [
        vscode.commands.registerCommand(PreviewCommands.compareWithLastCommit, withComparison(c => c.start())),
        vscode.commands.registerCommand(PreviewCommands.stopComparing, withComparison(c => c.stop()))
    ];
    return {
        dispose: () => {
            disposed = true;
            commands.forEach(c => c.dispose());
            void ready.then(c => c?.dispose(), () => undefined);
        }
    };
}

class CommitComparison implements vscode.Disposable {
    private active = false;
    private requests = 0;
    private heads = '';
    private readonly disposables: vscode.Disposable[] = [];

    constructor(private readonly deps: PreviewDeps, private readonly git: GitApi) {
        const watch = (repository: GitRepository) => this.disposables.push(repository.state.onDidChange(() => this.onRepositoryChange()));
        git.repositories.forEach(watch);
        this.disposables.push(
            git.onDidOpenRepository(watch),
            deps.traffic.onDidPost(message => { if (message.type === 'graph' && this.active) void this.update(); })
        );
    }

    async start(): Promise<void> {
        this.active = true;
        void vscode.commands.executeCommand('setContext', CompareContext.comparing, true);
        await this.update();
    }

    stop(): void {
        this.active = false;
        this.requests++;
        void vscode.commands.executeCommand('setContext', CompareContext.comparing, false);
        ImpactPreview.currentPanel?.postComparison(null);
    }

    dispose(): void {
        for (const d of this.disposables.splice(0)) d.dispose();
    }

    /** A commit, a checkout or a stash moves HEAD: compare again. */
    private onRepositoryChange(): void {
        const heads = this.git.repositories.map(r => r.state.HEAD?.commit ?? '').join(',');
        if (heads === this.heads) return;
        this.heads = heads;
        if (this.active) void this.update();
    }

    /** Compares with HEAD and shows it; a newer update wins over an older one still running. */
    private async update(): Promise<void> {
        const request = ++this.requests;
        try {
            const comparison = await this.compare();
            if (request !== this.requests || !this.active || !comparison) return;
            ImpactPreview.currentPanel?.postComparison(comparison);
        } catch (error) {
            if (request !== this.requests) return;
            this.stop();
            void vscode.window.showErrorMessage(`Align: could not compare with the last commit: ${error instanceof Error ? error.message : String(error)}`);
        }
    }

    private async compare(): Promise<ChainComparison | undefined> {
        const sources = this.git.repositories.map(gitHeadSource);
        // The files the server reads (no hidden, node_modules, out, dist or templates folder), so that the base has what the
        // workspace has; of the files changed since HEAD (deleted ones too), those its walk would reach.
        const changed = [...new Set(sources.flatMap(source => source.changedSinceHead()).filter(path => path.endsWith('.align')))];
        const workspace = await this.deps.feed.workspaceFiles(changed.map(path => vscode.Uri.file(path).toString()));
        const current = workspace.files.map(uri => vscode.Uri.parse(uri).fsPath);
        const walked = new Set(workspace.walked.map(uri => vscode.Uri.parse(uri).fsPath));
        const used = sources.filter(source => current.some(path => repositoryOf(path, sources) === source) || source.changedSinceHead().some(p => p.endsWith('.align')));
        if (used.length === 0 || used.every(s => s.head === undefined)) {
            this.stop();
            void vscode.window.showInformationMessage(used.length === 0
                ? 'Align: the .align files are not in a git repository, so there is no last commit to compare with.'
                : 'Align: the repository has no commit yet to compare with.');
            return undefined;
        }
        const files = await headFiles({
            current,
            repositories: used,
            inWorkspace: path => walked.has(path),
            readCurrent: async path => new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.file(path)))
        });
        const comparison = await this.deps.feed.compare({ files: files.map(f => ({ uri: vscode.Uri.file(f.path).toString(), text: f.text })), base: headLabel(used) });
        return this.withGitUris(comparison);
    }

    /** Removed elements open as HEAD has them (a read-only `git:` document), where the API can make such URIs. */
    private withGitUris(comparison: ChainComparison): ChainComparison {
        const toGitUri = this.git.toGitUri?.bind(this.git);
        if (!toGitUri) return comparison;
        const nodes = comparison.removed.nodes.map(n => ({ ...n, uri: toGitUri(vscode.Uri.parse(n.uri), 'HEAD').toString() }));
        return { ...comparison, removed: { ...comparison.removed, nodes } };
    }
}
