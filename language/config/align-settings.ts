import type { URI } from 'langium';
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
    /** `catalogs` of `align.config.json` (after `extends`), found on disk. */
    catalogs: readonly LocatedSource[] = [];
    /** `templates` of `align.config.json` (after `extends`), found on disk. */
    templates: LocatedSource | undefined;

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
