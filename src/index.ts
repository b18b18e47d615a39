/** `cx-elements`: registers every element and exports their classes, events and the core types. */
export * from './nps-trend/index.ts';
export * from './journey-painpoints/index.ts';
export * from './council-scorecard/index.ts';
export { CxLoadEvent, type CxLoadDetail } from './events/cx-load.ts';
export { CxSelectEvent } from './events/cx-select.ts';
export { CxErrorEvent, type CxErrorDetail } from './events/cx-error.ts';
export { registerLocale, type Catalogue } from './ui/i18n.ts';
export type { MessageKey } from './ui/locales/en.ts';
export type { QualityReport, ReasonTally, RejectReason } from './core/quality.ts';
export type { CxErrorCode } from './core/errors.ts';
export type { NpsPeriodCounts } from './core/counts.ts';
export type { IntervalName } from './core/periods.ts';
export type { CxFilter } from './core/filter.ts';
export type { JourneyResult, JourneyStage, ShownStage, SuppressedStage, PainMetric } from './core/journey.ts';
export type { StageDetail } from './worker/engine.ts';
export type { KpiStatus, KpiAssessment, ScorecardSummary } from './core/scorecard.ts';
export type { Kpi, KpiEntry, KpiProblem, ScorecardDefinition, KpiUnit, Aggregation, FeedbackMetric } from './core/scorecard-model.ts';
