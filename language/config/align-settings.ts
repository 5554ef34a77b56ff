import { UriUtils, type URI } from 'langium';
import type { LocatedSource } from './locate.js';
import { ruleInfo, type ConfigurableRuleId, type RuleSeverities, type RuleSeverity } from '../rules.js';

/** Settings that change what the rules report. Every key optional, as in `align.config.json`. */
export interface AlignSettings {
    rules?: RuleSeverities;
    maxLaggingKpis?: number;
    maxPilotDays?: number;
}

export const DEFAULT_MAX_LAGGING_KPIS = 3;
export const DEFAULT_MAX_PILOT_DAYS = 90;

/**
 * The settings in force, layered lowest to highest: defaults,
 * `align.config.json`, then editor settings or CLI flags. Suppression
 * comments apply after all of them.
 */
export class AlignSettingsService {
    private fileSettings: AlignSettings = {};
    private overrideSettings: AlignSettings = {};
    /** Folder `align.config.json` and CSV paths are checked against; CSV files outside it are refused. */
    workspaceRoot: URI | undefined;
    /**
     * The editor's other workspace folders (a workspace of several folders):
     * a document in one of them reads CSV files and `align.lock.json` in that
     * folder, as `workspaceRoot` serves the first's.
     */
    otherFolders: readonly URI[] = [];
    /** `catalogs` of `align.config.json` (after `extends`), found on disk. */
    catalogs: readonly LocatedSource[] = [];
    /** `templates` of `align.config.json` (after `extends`), found on disk. */
    templates: LocatedSource | undefined;

    /** The workspace folder that holds `uri` (the innermost, when folders nest), else `workspaceRoot`. */
    folderOf(uri: URI): URI | undefined {
        let found: URI | undefined;
        for (const folder of this.workspaceRoot ? [this.workspaceRoot, ...this.otherFolders] : this.otherFolders) {
            if (UriUtils.contains(folder, uri) && (!found || folder.path.length > found.path.length)) found = folder;
        }
        return found ?? this.workspaceRoot;
    }

    /** Whether `uri` lies in one of the workspace folders. */
    inWorkspace(uri: URI): boolean {
        const folder = this.folderOf(uri);
        return folder !== undefined && UriUtils.contains(folder, uri);
    }

    setConfigFile(settings: AlignSettings): void {
        this.fileSettings = settings;
    }

    setOverrides(settings: AlignSettings): void {
        this.overrideSettings = settings;
    }

    severity(ruleId: ConfigurableRuleId): RuleSeverity {
        return this.overrideSettings.rules?.[ruleId]
            ?? this.fileSettings.rules?.[ruleId]
            ?? ruleInfo(ruleId)?.defaultSeverity
            ?? 'error';
    }

    get maxLaggingKpis(): number {
        return this.overrideSettings.maxLaggingKpis ?? this.fileSettings.maxLaggingKpis ?? DEFAULT_MAX_LAGGING_KPIS;
    }

    get maxPilotDays(): number {
        return this.overrideSettings.maxPilotDays ?? this.fileSettings.maxPilotDays ?? DEFAULT_MAX_PILOT_DAYS;
    }
}
