/**
 * How Align presents figures and counts, in one place: hover, code lens,
 * the preview's drawing and labels, the report, the CLI and rule messages
 * all print the same figure the same way (docs/figures.md).
 */
export {
    actualDecimals, decimalsApart, figuresText, formatAmount, formatMoney, formatNumber, formatOptionalAmount, formatShare, formatValue, MISSING, ownDecimals, shownDecimals, unitSuffix
} from './numbers.js';
export {
    attributedBenefitText, attributedValueText, bcrWords, deadlineText, attributionCurrency, attributionMoney, coverageText, isolationText, orList, plural, progressText, roiWords, statusText, trackState, TRACK_WORDS, metricsWithoutKind, valuePerUnitText, windowText, withArticle, type RoiWords, type TrackState
} from './words.js';
export { codeSpan, messageParts, type MessagePart } from './code-span.js';
export { escapeControls, escapeUnseen } from './controls.js';
export { literalText } from './markdown.js';
export { shortened } from './quote.js';
