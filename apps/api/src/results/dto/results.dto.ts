import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches, MaxLength } from 'class-validator';
import { LEVELS } from '@apertura/db';
import { INDICATORS, STATUS_ORDER } from '@apertura/metric';
import { PageQueryDto } from '../../common/page-query.dto';
import { ApiDesignModels, ApiDesignProperty } from '../../rounds/dto/round-design.dto';

export const RESULT_SCOPES = ['municipality', 'state', 'national', 'level', 'type'] as const;
export const AGGREGATIONS = ['unweighted', 'mean_of_municipalities', 'population_weighted', 'stratified'] as const;
/** METHOD.md §9: only validated values are ranked; these indicators have rank intervals stored. */
export const RANKED_INDICATORS = ['I', 'T', 'P', 'TC', 'PC'] as const;
export const RANKING_GROUPS = ['ranked', 'unranked'] as const;
const RANKING_DOC =
  'docs/method.md §9: `ranked` = only validated values (conclusive or caution, with an SE) in rank order, each with its 95 % rank interval; `unranked` = everything else (insufficient data, unverified self-reports), by name. Indicator must be I, T, P, TC or PC.';
export const INSTITUTION_SORTS = ['name', 'estimate', '-estimate'] as const;
export const AREA_SORTS = ['key', 'name', 'estimate', '-estimate'] as const;

const STATUS_DOC =
  'Conclusiveness (docs/method.md §7): not_validated (needs citizen data and has none), inconclusive ("no es estadísticamente concluyente"), caution, conclusive.';

// ---------- queries ----------

export class InstitutionResultsQueryDto extends PageQueryDto {
  @ApiProperty({
    required: false,
    enum: INDICATORS,
    description: "Indicator to show and sort by (default: each institution's headline, I or else I_G).",
  })
  @IsOptional()
  @IsIn(INDICATORS)
  indicator?: string;

  @ApiProperty({ required: false, enum: LEVELS })
  @IsOptional()
  @IsIn(LEVELS)
  level?: string;

  @ApiProperty({ required: false, example: 'ayuntamiento' })
  @IsOptional()
  @MaxLength(100)
  type?: string;

  @ApiProperty({ required: false, description: 'State (2-digit INEGI code).', example: '15' })
  @IsOptional()
  @Matches(/^\d{2}$/)
  cveEnt?: string;

  @ApiProperty({ required: false, description: 'Municipality (5-digit INEGI cvegeo).', example: '15106' })
  @IsOptional()
  @Matches(/^\d{5}$/)
  cvegeo?: string;

  @ApiProperty({ required: false, enum: STATUS_ORDER, description: STATUS_DOC })
  @IsOptional()
  @IsIn(STATUS_ORDER)
  status?: string;

  @ApiProperty({ required: false, enum: RANKING_GROUPS, description: RANKING_DOC })
  @IsOptional()
  @IsIn(RANKING_GROUPS)
  ranking?: (typeof RANKING_GROUPS)[number];

  @ApiProperty({
    required: false,
    enum: INSTITUTION_SORTS,
    default: 'name',
    description: 'Institutions without a value sort last.',
  })
  @IsOptional()
  @IsIn(INSTITUTION_SORTS)
  sort: (typeof INSTITUTION_SORTS)[number] = 'name';
}

export class AreaResultsQueryDto extends PageQueryDto {
  @ApiProperty({ enum: RESULT_SCOPES })
  @IsIn(RESULT_SCOPES)
  scope: (typeof RESULT_SCOPES)[number];

  @ApiProperty({
    required: false,
    enum: AGGREGATIONS,
    default: 'unweighted',
    description:
      'unweighted = mean over obliged subjects (the Métrica); state and national also have the mean of municipal values and a population-weighted mean.',
  })
  @IsOptional()
  @IsIn(AGGREGATIONS)
  aggregation: (typeof AGGREGATIONS)[number] = 'unweighted';

  @ApiProperty({ required: false, enum: INDICATORS, default: 'I' })
  @IsOptional()
  @IsIn(INDICATORS)
  indicator = 'I';

  @ApiProperty({
    required: false,
    description: 'Only municipalities / the state with this 2-digit code (scopes municipality and state).',
    example: '15',
  })
  @IsOptional()
  @Matches(/^\d{2}$/)
  cveEnt?: string;

  @ApiProperty({ required: false, enum: STATUS_ORDER, description: STATUS_DOC })
  @IsOptional()
  @IsIn(STATUS_ORDER)
  status?: string;

  @ApiProperty({
    required: false,
    enum: RANKING_GROUPS,
    description: `${RANKING_DOC} Scopes municipality (national, or within cveEnt) and state; aggregation unweighted.`,
  })
  @IsOptional()
  @IsIn(RANKING_GROUPS)
  ranking?: (typeof RANKING_GROUPS)[number];

  @ApiProperty({
    required: false,
    enum: AREA_SORTS,
    default: 'key',
    description: 'key = cvegeo / cve_ent / level / type. Areas without a value sort last.',
  })
  @IsOptional()
  @IsIn(AREA_SORTS)
  sort: (typeof AREA_SORTS)[number] = 'key';
}

// ---------- responses ----------

export class NoticeDto {
  @ApiProperty() es: string;
  @ApiProperty() en: string;
}

@ApiDesignModels()
export class ResultRoundDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['draft', 'open', 'closed', 'published'] }) status: string;
  @ApiProperty({ description: 'Generated demo data: label every figure as synthetic.' }) synthetic: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) publishedAt: string | null;
  @ApiDesignProperty(
    "docs/method.md §5 design: { kind: 'census' } or { kind: 'sample', states: [{ cveEnt, population }], municipalities?: [...] }.",
  )
  design: Record<string, unknown>;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Method of the stored results (null: not computed yet).',
    example: 'mga-2017/apertura-2',
  })
  methodId: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2.0.0' }) methodVersion: string | null;
  @ApiProperty({
    type: () => [StateRefDto],
    description: "States of the round's universe, by code (one state: titles name it, never 'national').",
  })
  states: StateRefDto[];
}

// Named apart from the citizens' StateRefDto: OpenAPI schemas are keyed by name.
@ApiSchema({ name: 'ResultStateRefDto' })
export class StateRefDto {
  @ApiProperty({ example: '15' }) cveEnt: string;
  @ApiProperty({ example: 'México' }) name: string;
}

export class ProvenanceDto {
  @ApiProperty({ example: 'mga-2017/apertura-1', nullable: true, type: String }) methodId: string | null;
  @ApiProperty({ example: '1.0.0', nullable: true, type: String }) methodVersion: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Highest outbox event id included in the inputs (null: not computed yet).',
  })
  watermark: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) computedAt: string | null;
}

/** One stored value with its uncertainty (METHOD.md §5) and status (§6). */
export class ResultValueDto {
  @ApiProperty({
    description: 'I, T, P, TG, TC, PG, PC, I_G, TG_raw, PG_raw, I_G_raw, DELTA_G or a component code (TG.AI …).',
  })
  indicator: string;
  @ApiProperty({ enum: AGGREGATIONS }) aggregation: string;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'In [0,1] (ΔG in [−1,1]); null when it cannot be computed (see `missing`).',
  })
  estimate: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Standard error (null: not estimable).' }) se:
    number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Lower bound of the 95% interval, clipped to [0,1].' }) lo:
    number | null;
  @ApiProperty({ nullable: true, type: Number }) hi: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'SE / estimate.' }) cv: number | null;
  @ApiProperty({ nullable: true, type: Number }) halfWidth: number | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description:
      'Observations: validators (institution) or responding subjects / municipalities (areas); null for census values.',
  })
  n: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Finite universe N (areas).' }) N: number | null;
  @ApiProperty({ nullable: true, type: Number }) df: number | null;
  @ApiProperty({ enum: ['t', 'wilson', 'exact', 'none'] }) interval: string;
  @ApiProperty({ enum: STATUS_ORDER, description: STATUS_DOC }) status: string;
  @ApiProperty({ type: [String], description: 'Every status rule that fired.' }) reasons: string[];
  @ApiProperty({
    nullable: true,
    type: Number,
    description:
      'docs/method.md §8 needed sample: additional citizen reports in all (those the new subjects bring plus neededReports). 0 only when conclusive; null when no citizen addition can help (reason not_reachable_by_sampling).',
  })
  needed: number | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description:
      'Areas: additional subjects with citizen data needed first (null for institutions or when unreachable).',
  })
  neededSubjects: number | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Additional reports beyond those the new subjects bring (null when unreachable).',
  })
  neededReports: number | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Aggregates: members with a validated I / members with a value (§6).',
  })
  validatedShare: number | null;
  @ApiProperty({ description: 'Refutations not yet final behind the value (§3.1).' }) pendingRefutations: number;
  @ApiProperty({ example: 'mga-2017/apertura-2' }) methodId: string;
  @ApiProperty({ example: '2.0.0' }) methodVersion: string;
  @ApiProperty({ nullable: true, type: String, description: 'Formula that produced the value.' }) formula:
    string | null;
  @ApiProperty({
    required: false,
    type: [String],
    enum: ['no_self_report', 'no_citizen_data', 'missing_components'],
    description: 'Why the value is missing.',
  })
  missing?: string[];
}

export class CoverageDto {
  @ApiProperty() responding: number;
  @ApiProperty() universe: number;
  @ApiProperty() citizenReports: number;
  @ApiProperty() subjectsWithCitizenData: number;
  @ApiProperty() municipalitiesWithData: number;
  @ApiProperty({ nullable: true, type: Number }) municipalitiesInUniverse: number | null;
  @ApiProperty() meetsMinimum: boolean;
  @ApiProperty({ nullable: true, type: Number }) neededReports: number | null;
  @ApiProperty({ nullable: true, type: Number }) neededMunicipalities: number | null;
  @ApiProperty() imputedSE: number;
}

export class AreaValueDto extends ResultValueDto {
  @ApiProperty({ type: CoverageDto, nullable: true }) coverage: CoverageDto | null;
}

export class SummaryCoverageDto {
  @ApiProperty({ description: "Obliged subjects in the round's universe." }) institutions: number;
  @ApiProperty({ description: 'Subjects with a government-perspective value (a scored self-report).' })
  withSelfReport: number;
  @ApiProperty({ description: 'Subjects with both citizen sub-indices (I computable).' }) withCitizenData: number;
  @ApiProperty({ nullable: true, type: Number }) municipalities: number | null;
  @ApiProperty() municipalitiesWithCitizenData: number;
  @ApiProperty({
    description: 'Subjects with a validated I (reports on both TC and PC): the same count as withCitizenData.',
  })
  validatedInstitutions: number;
  @ApiProperty({ description: 'Subjects with ≥ 1 counted verdict on a verifiable claim (ΔG exists).' })
  verifiedInstitutions: number;
  @ApiProperty({ description: 'Subjects with at least one citizen report, validated or not yet.' })
  withAnyCitizenReport: number;
  @ApiProperty({ description: 'Refutations still pending (§3.1) across the round.' }) pendingRefutations: number;
}

export class RankDto {
  @ApiProperty({ description: 'Competition rank (1 = highest).' }) position: number;
  @ApiProperty({ description: 'Lower end (best position) of the 95 % rank interval.' }) lo: number;
  @ApiProperty({ description: 'Upper end (worst position) of the 95 % rank interval.' }) hi: number;
  @ApiProperty({ description: 'Values ranked in the group.' }) of: number;
  @ApiProperty({ description: "'MX' (national ranking) or the state code." }) group: string;
}

const ITEM_GROUP_DOC =
  'ranked: has a position; unverified_self_report: the value shown is a self-report no citizen validated (hollow mark, never a precise point); insufficient_data: everything else.';

export class ResultsSummaryDto {
  @ApiProperty({ type: ResultRoundDto }) round: ResultRoundDto;
  @ApiProperty({ description: 'False until the worker has computed the round.' }) computed: boolean;
  @ApiProperty({ description: 'Generated demo data.' }) synthetic: boolean;
  @ApiProperty({ type: ProvenanceDto }) provenance: ProvenanceDto;
  @ApiProperty({ type: NoticeDto, description: 'Validators are volunteers: state it beside every figure.' })
  notice: NoticeDto;
  @ApiProperty({ type: SummaryCoverageDto }) coverage: SummaryCoverageDto;
  @ApiProperty({ type: [AreaValueDto], description: 'National values of every indicator, each aggregation.' })
  national: AreaValueDto[];
}

// Named apart from the citizens' InstitutionRefDto (another shape): OpenAPI schemas are keyed by name.
@ApiSchema({ name: 'ResultInstitutionRefDto' })
export class InstitutionRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() type: string;
  @ApiProperty({ enum: LEVELS }) level: string;
  @ApiProperty() cvegeo: string;
  @ApiProperty() municipality: string;
  @ApiProperty() cveEnt: string;
  @ApiProperty() state: string;
}

export class InstitutionResultItemDto {
  @ApiProperty({ type: InstitutionRefDto }) institution: InstitutionRefDto;
  @ApiProperty({
    type: ResultValueDto,
    nullable: true,
    description: 'The requested indicator, or the headline (I, else I_G); null when not computed yet.',
  })
  value: ResultValueDto | null;
  @ApiProperty({
    type: RankDto,
    nullable: true,
    description: "Rank in the national ranking, or in the state's when cveEnt is given (§9).",
  })
  rank: RankDto | null;
  @ApiProperty({ enum: ['ranked', 'insufficient_data', 'unverified_self_report'], description: ITEM_GROUP_DOC })
  group: string;
}

export class InstitutionResultPageDto {
  @ApiProperty({ type: [InstitutionResultItemDto] }) items: InstitutionResultItemDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty({ type: NoticeDto }) notice: NoticeDto;
}

/**
 * Every institution of a round with the values the overview draws (headline, T and P), as columns:
 * one array per field, same order (by name). A national round's 13,000 institutions in one compact
 * response instead of 65 pages of listings (bench/RESULTS.md, "Dashboard page load").
 */
/** Arrays of the distribution whose entries are null where an institution has no value. */
const nullableItems = (type: 'string' | 'number', values?: readonly string[]) => ({
  type: 'array' as const,
  items: { type, nullable: true, ...(values ? { enum: [...values] } : {}) },
});

export class InstitutionDistributionDto {
  @ApiProperty() total: number;
  @ApiProperty({ type: [String] }) id: string[];
  @ApiProperty({ type: [String] }) name: string[];
  @ApiProperty({
    ...nullableItems('string', ['I', 'I_G']),
    description: 'Headline indicator: I where computable, else I_G; null without any result row.',
  })
  headline: Array<string | null>;
  @ApiProperty({ ...nullableItems('number'), description: 'Headline estimate (null: not computable).' })
  estimate: Array<number | null>;
  @ApiProperty({ ...nullableItems('string', STATUS_ORDER), description: 'Status of the headline.' })
  status: Array<string | null>;
  @ApiProperty(nullableItems('number')) t: Array<number | null>;
  @ApiProperty(nullableItems('string', STATUS_ORDER)) tStatus: Array<string | null>;
  @ApiProperty(nullableItems('number')) p: Array<number | null>;
  @ApiProperty(nullableItems('string', STATUS_ORDER)) pStatus: Array<string | null>;
  @ApiProperty({ type: NoticeDto }) notice: NoticeDto;
}

export class ConfirmationRateDto {
  @ApiProperty() p: number;
  @ApiProperty() lo: number;
  @ApiProperty() hi: number;
  @ApiProperty() n: number;
}

export class ItemResultDto {
  @ApiProperty({ description: 'Question name.' }) name: string;
  @ApiProperty({
    type: NoticeDto,
    nullable: true,
    description: 'Question title (es/en) in the questionnaire version that was answered.',
  })
  title: NoticeDto | null;
  @ApiProperty() weight: number;
  @ApiProperty() verifiable: boolean;
  @ApiProperty({ description: 'Self-reported score s.' }) s: number;
  @ApiProperty({ description: "Validated score s' = s·c/(c + r) (docs/method.md §4)." }) sValidated: number;
  @ApiProperty() confirmed: number;
  @ApiProperty() refuted: number;
  @ApiProperty({ enum: ['not_verifiable', 'unverified', 'confirmed', 'refuted', 'mixed'] }) verification: string;
  @ApiProperty({ type: ConfirmationRateDto, nullable: true }) confirmationRate: ConfirmationRateDto | null;
}

export class ComponentResultDto {
  @ApiProperty({ example: 'TG.AI' }) code: string;
  @ApiProperty({ enum: ['government', 'citizen'] }) kind: string;
  @ApiProperty({
    type: ResultValueDto,
    description: 'Government: validated C_k (census); citizen: mean over validators.',
  })
  value: ResultValueDto;
  @ApiProperty({ nullable: true, type: Number, description: 'Government: C_k with self-reported scores s.' }) raw:
    number | null;
  @ApiProperty({
    type: [ItemResultDto],
    description: 'Government: the answered items with s, s′ and verification counts.',
  })
  items: ItemResultDto[];
  @ApiProperty({ nullable: true, type: Number, description: 'Citizen: reports that answered the component.' }) reports:
    number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Citizen: distinct validators (clusters).' }) validators:
    number | null;
}

export class SubIndexDto {
  @ApiProperty({ enum: ['TG', 'TC', 'PG', 'PC'] }) code: string;
  @ApiProperty() partial: boolean;
  @ApiProperty({ type: [String] }) missing: string[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    description: 'Renormalised weights by component.',
  })
  weights: Record<string, number>;
  @ApiProperty() formula: string;
}

export class EvidenceUrlDto {
  @ApiProperty({ description: 'Verifiable item.' }) item: string;
  @ApiProperty({ description: 'Question holding the URL.' }) question: string;
  @ApiProperty() url: string;
}

// Named apart from the assignments' EvidenceFileRefDto (another shape): OpenAPI schemas are keyed by name.
@ApiSchema({ name: 'ResultEvidenceFileDto' })
export class EvidenceFileRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ nullable: true, type: String }) questionName: string | null;
  @ApiProperty() filename: string;
  @ApiProperty() mimeType: string;
  @ApiProperty() size: number;
  @ApiProperty() sha256: string;
}

export class SelfReportRefDto {
  @ApiProperty({ format: 'uuid' }) responseId: string;
  @ApiProperty() version: number;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) submittedAt: string | null;
}

// Named apart from the assignments' VerdictCountsDto: OpenAPI schemas are keyed by name.
@ApiSchema({ name: 'ResultVerdictCountsDto' })
export class VerdictCountsDto {
  @ApiProperty() confirmed: number;
  @ApiProperty() refuted: number;
  @ApiProperty() unverifiable: number;
}

export class ResultInputsDto {
  @ApiProperty({ type: SelfReportRefDto, nullable: true }) selfReport: SelfReportRefDto | null;
  @ApiProperty({ type: [EvidenceUrlDto] }) evidenceUrls: EvidenceUrlDto[];
  @ApiProperty({ type: [EvidenceFileRefDto] }) evidenceFiles: EvidenceFileRefDto[];
  @ApiProperty({ type: VerdictCountsDto }) verdicts: VerdictCountsDto;
  @ApiProperty() citizenReports: number;
  @ApiProperty({
    description: 'Distinct (pseudonymous) validators with a verdict or a report; identities are never shown.',
  })
  validators: number;
}

export class QuestionnaireVersionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['institution', 'citizen'] }) kind: string;
  @ApiProperty() slug: string;
  @ApiProperty() version: number;
  @ApiProperty() checksum: string;
}

export class InstitutionProvenanceDto extends ProvenanceDto {
  @ApiProperty({ type: [QuestionnaireVersionDto] }) questionnaires: QuestionnaireVersionDto[];
}

export class InstitutionSummaryDto {
  @ApiProperty() selfReported: boolean;
  @ApiProperty() citizenReports: number;
  @ApiProperty() validators: number;
  @ApiProperty({ nullable: true, enum: ['I', 'I_G'], type: String }) headline: string | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'More validators needed for a conclusive I (null: no citizen addition can give one: no self-report).',
  })
  neededReports: number | null;
  @ApiProperty({ description: '≥ 1 counted verdict on a verifiable claim.' }) verified: boolean;
  @ApiProperty({ description: 'Citizen reports on both TC and PC: I exists.' }) validated: boolean;
  @ApiProperty() pendingRefutations: number;
  @ApiProperty({ type: [String], description: 'Bad input that was dropped, clipped or ignored.' }) warnings: string[];
}

export class InstitutionResultDetailDto {
  @ApiProperty({ type: ResultRoundDto }) round: ResultRoundDto;
  @ApiProperty({ type: InstitutionRefDto }) institution: InstitutionRefDto;
  @ApiProperty() computed: boolean;
  @ApiProperty({ type: InstitutionSummaryDto, nullable: true }) summary: InstitutionSummaryDto | null;
  @ApiProperty({ type: ResultValueDto, nullable: true, description: 'I, else I_G.' }) headline: ResultValueDto | null;
  @ApiProperty({ type: [ResultValueDto], description: 'Every indicator.' }) values: ResultValueDto[];
  @ApiProperty({ type: [SubIndexDto] }) subIndices: SubIndexDto[];
  @ApiProperty({ type: [ComponentResultDto] }) components: ComponentResultDto[];
  @ApiProperty({ type: ResultInputsDto, nullable: true }) inputs: ResultInputsDto | null;
  @ApiProperty({ type: InstitutionProvenanceDto }) provenance: InstitutionProvenanceDto;
  @ApiProperty({ type: NoticeDto }) notice: NoticeDto;
}

export class AreaResultItemDto {
  @ApiProperty({ enum: RESULT_SCOPES }) scope: string;
  @ApiProperty({ description: "cvegeo, cve_ent, 'national', level or type." }) scopeKey: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) cveEnt: string | null;
  @ApiProperty({ type: AreaValueDto }) value: AreaValueDto;
  @ApiProperty({ type: RankDto, nullable: true }) rank: RankDto | null;
  @ApiProperty({ enum: ['ranked', 'insufficient_data', 'unverified_self_report'], description: ITEM_GROUP_DOC })
  group: string;
}

export class AreaResultPageDto {
  @ApiProperty({ type: [AreaResultItemDto] }) items: AreaResultItemDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty({ type: NoticeDto }) notice: NoticeDto;
}

export class RecomputeAcceptedDto {
  @ApiProperty({ format: 'uuid' }) runId: string;
}

export class RecomputeRunDto {
  @ApiProperty({ format: 'uuid' }) runId: string;
  @ApiProperty({ format: 'uuid' }) roundId: string;
  @ApiProperty({ enum: ['queued', 'running', 'done', 'failed'] }) status: string;
  @ApiProperty({ description: '0–100.' }) progress: number;
  @ApiProperty({ nullable: true, type: String }) watermark: string | null;
  @ApiProperty({ nullable: true, type: String }) error: string | null;
  @ApiProperty({ format: 'date-time' }) requestedAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) finishedAt: string | null;
}

export class PublicGuarantorDto {
  @ApiProperty() slug: string;
  @ApiProperty() name: string;
}

export class PublicRoundDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: PublicGuarantorDto }) guarantor: PublicGuarantorDto;
  @ApiProperty({ format: 'date-time' }) opensAt: string;
  @ApiProperty({ format: 'date-time' }) closesAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) publishedAt: string | null;
  @ApiProperty() synthetic: boolean;
}

export class PublicRoundPageDto {
  @ApiProperty({ type: [PublicRoundDto] }) items: PublicRoundDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class PublicRoundsQueryDto extends PageQueryDto {
  @ApiProperty({
    required: false,
    example: 'infoem',
    description:
      "Only this guarantor's published rounds (its slug). The demo's synthetic rounds belong to the demo guarantor only.",
  })
  @IsOptional()
  @Matches(/^[a-z0-9-]{2,64}$/)
  guarantor?: string;
}

export class ComparabilityQueryDto {
  @ApiProperty({ format: 'uuid', description: 'Round A (published).' })
  @IsUUID()
  a: string;

  @ApiProperty({ format: 'uuid', description: 'Round B (published).' })
  @IsUUID()
  b: string;
}

export const COMPARISON_REASONS = ['SYNTHETIC_MIXED', 'SAME_ROUND'] as const;

export class ComparisonReasonDto {
  @ApiProperty({
    enum: COMPARISON_REASONS,
    description:
      'SYNTHETIC_MIXED: one round holds generated demo data and the other real data. SAME_ROUND: A and B are one round.',
  })
  code: (typeof COMPARISON_REASONS)[number];
  @ApiProperty({ type: NoticeDto, description: 'The reason in words: { es, en }.' }) messages: {
    es: string;
    en: string;
  };
}

export class ComparabilityDto {
  @ApiProperty({
    description: 'False when the two rounds must not be compared at all (before any per-value rule of §9).',
  })
  comparable: boolean;
  @ApiProperty({ type: [ComparisonReasonDto] }) reasons: ComparisonReasonDto[];
  @ApiProperty() syntheticA: boolean;
  @ApiProperty() syntheticB: boolean;
}
