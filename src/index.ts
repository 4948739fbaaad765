export type {BlockKind, DocumentMeta, Registry, RegistryEntry, RetiredEntry, Segment, SegmentedDocument, SourceSegment, TranslationState} from './core/types.js'
export {defaults, loadOptions, type Options, type Format, type MissingMode, type PageSize} from './core/options.js'
export {LANGUAGES, languageInfo, type LanguageInfo} from './core/languages.js'
export {parseMarkdown, parseInline} from './markdown/parse.js'
export {collectBlocks, type TextBlock} from './segment/blocks.js'
export {splitInline, inlineToMarkdown, flatText} from './segment/inline.js'
export {sentenceBreaks, splitSentences, breakRules, type BreakRule} from './segment/sentences.js'
export {segmentTree, segmentBlock} from './segment/segment.js'
export {reconcile, allocateId, emptyRegistry, SIMILARITY_THRESHOLD, type ReconcileResult} from './ids/reconcile.js'
export {similarity, textHash} from './ids/similarity.js'
export {parseRegistry, serializeRegistry, ID_PATTERN} from './ids/registry.js'
export {segmentDocument, documentId, type DocumentResult} from './ids/document.js'
export {parseJson, stringifyJson, type JsonValue} from './core/json.js'
export {parseLocale, serializeLocale, type LocaleData, type TranslationMeta, type ObsoleteEntry} from './translations/locale.js'
export {trackTranslations, acceptTranslations, withDraft, type SegmentStatus, type TrackResult} from './translations/track.js'
export {
  computeCoverage,
  coverageGate,
  percentOf,
  type Coverage,
  type CoverageInput,
  type Counts,
  type DocumentCoverage,
  type Gap,
  type GateFailure,
  type LanguageCoverage,
  type LanguageTotals,
  type SectionCoverage
} from './coverage/count.js'
export {countWords, countCharacters} from './coverage/volume.js'
export {renderCoverageMarkdown, renderCoverageHtml, coverageTree, alignedHref, type ReportOptions} from './coverage/render.js'
export {renderCoverageTable} from './coverage/table.js'
export {checkSegment, segmentPairs, parseGlossary, RULES, type QaContext, type SegmentPair, type Glossary, type RuleId, type Severity} from './qa/index.js'
export {exportDocument, unitContext, type ExportDocument, type ExportInput, type ExportUnit, type ImportUnit, type ParsedInterchange} from './interchange/model.js'
export {exportXliff, XLIFF_NAMESPACE} from './interchange/xliff-export.js'
export {parseXliff} from './interchange/xliff-import.js'
export {exportPo, type PoExportInput} from './interchange/po-export.js'
export {parsePo} from './interchange/po-import.js'
export {detectFormat, type InterchangeFormat} from './interchange/detect.js'
export {applyImport, type ImportChange, type ImportContext, type ImportResult} from './interchange/apply-import.js'
export {exportXliff12} from './interchange/xliff12-export.js'
export {parseXliff12} from './interchange/xliff12-import.js'
export {exportGlossaryCsv, exportTbx, type GlossaryExportInput} from './interchange/glossary-export.js'
export {buildMemory, findMatches, type Memory, type MemoryEntry, type MemoryMatch, type MatchOptions} from './memory/memory.js'
export {parseTmx} from './memory/tmx-parse.js'
export {exportTmx, type TmxInput, type TmxUnit} from './memory/tmx-export.js'
export {
  alignEditions,
  alignedBlocks,
  alignedDisplay,
  needsMarker,
  type Edition,
  type EditionBlock,
  type EditionSegment,
  type EditionCounts,
  type AlignedBlock,
  type Mark,
  type Display,
  type RenderInput,
  type RenderedFile,
  type Renderer
} from './editions/align.js'
export {parseSegmentText, rebuildTree, isSafeUrl} from './editions/segment-text.js'
export {renderMarkdownEdition, renderAlignedMarkdown, renderMarkdownFiles} from './editions/markdown/render.js'
export {renderHtmlFiles} from './editions/html/render.js'
export {renderHtmlEdition} from './editions/html/edition-page.js'
export {renderAlignedHtml} from './editions/html/aligned-page.js'
export {createUiStrings, type Translate, type UiResources} from './core/ui-strings.js'
export {renderPdfFiles, type PdfRenderInput, type Locate} from './editions/pdf/render.js'
export {renderers, FORMATS, type RenderContext, type RendererFactory} from './editions/registry.js'
export {openProject, loadProject, requireUpToDate, type Project, type LoadedDocument, type OpenOptions} from './engine/project.js'
export {build, type BuildOptions} from './engine/build.js'
export {coverageReports, type CoverageOptions, type CoverageRun} from './engine/coverage.js'
export {saveDraft} from './engine/drafts.js'
export {UsageError} from './engine/reporter.js'
export {silent, type Reporter, type Progress, type ProgressItem} from './engine/reporter.js'
