import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { LocalizedTextDto } from '../../assignments/dto/assignment.dto';
import { PageQueryDto } from '../../dto/common.dto';

export class ValidationStateDto {
  @ApiProperty({ format: 'uuid' }) roundId: string;
  @ApiProperty() validationOpen: boolean;
}

export class ExpireResultDto {
  @ApiProperty({ description: 'Assignments marked expired now.' }) expired: number;
}

export class ValidatorAssignmentCountsDto {
  @ApiProperty() active: number;
  @ApiProperty() completed: number;
  @ApiProperty() expired: number;
}

/** Personal data of a validator: only ever shown to guarantor admins, here. */
export class RoundValidatorDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() pseudonym: string;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ nullable: true, type: String }) displayName: string | null;
  @ApiProperty({ nullable: true, type: String }) cvegeo: string | null;
  @ApiProperty() emailVerified: boolean;
  @ApiProperty() registeredAt: string;
  @ApiProperty() consentAt: string;
  @ApiProperty() privacyNoticeVersion: string;
  @ApiProperty({ type: ValidatorAssignmentCountsDto }) assignments: ValidatorAssignmentCountsDto;
  @ApiProperty() verdicts: number;
  @ApiProperty() reports: number;
}

export class RoundValidatorPageDto {
  @ApiProperty({ type: [RoundValidatorDto] }) items: RoundValidatorDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export const RECRUITMENT_LEVELS = ['municipality', 'state'] as const;
export type RecruitmentLevel = (typeof RECRUITMENT_LEVELS)[number];
export const RECRUITMENT_SORTS = ['needed', 'key'] as const;

export class RecruitmentQueryDto extends PageQueryDto {
  @ApiProperty({ required: false, enum: RECRUITMENT_LEVELS, default: 'municipality' })
  @IsOptional()
  @IsIn(RECRUITMENT_LEVELS)
  level: RecruitmentLevel = 'municipality';

  @ApiProperty({ required: false, example: '15', description: 'Only this state.' })
  @IsOptional()
  @Matches(/^\d{2}$/)
  cveEnt?: string;

  @ApiProperty({
    required: false,
    enum: RECRUITMENT_SORTS,
    default: 'needed',
    description: '`needed` = most needed first; `key` = by INEGI code.',
  })
  @IsOptional()
  @IsIn(RECRUITMENT_SORTS)
  sort: (typeof RECRUITMENT_SORTS)[number] = 'needed';
}

export class RecruitmentCountsDto {
  @ApiProperty({ description: 'Obliged subjects of the round.' }) subjects: number;
  @ApiProperty({ description: 'Subjects with at least one citizen report.' }) subjectsWithCitizenData: number;
  @ApiProperty({ description: 'Verified validators who declared residence there.' }) validatorsRegistered: number;
  @ApiProperty() activeAssignments: number;
  @ApiProperty() reportsReceived: number;
  @ApiProperty({ description: 'More citizen reports needed for a conclusive result.' }) needed: number;
}

export class MunicipalityRecruitmentDto extends RecruitmentCountsDto {
  @ApiProperty({ example: '15106' }) cvegeo: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: '15' }) cveEnt: string;
  @ApiProperty() stateName: string;
  @ApiProperty({ description: 'More subjects with citizen data needed (docs/method.md §8, needed sample).' })
  neededSubjects: number;
  @ApiProperty({
    description:
      'True when no number of citizen reports can make it conclusive: too few of its subjects submitted a self-report (reason not_reachable_by_sampling). Its needed counts are then 0.',
  })
  unreachable: boolean;
  @ApiProperty({ description: 'Σ over its subjects of the reports each still lacks for the institution minimum.' })
  neededForInstitutions: number;
}

export class StateRecruitmentDto extends RecruitmentCountsDto {
  @ApiProperty({ example: '15' }) cveEnt: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'Municipalities of the state in the round.' }) municipalities: number;
  @ApiProperty() municipalitiesWithCitizenData: number;
  @ApiProperty({ description: 'More municipalities with citizen data needed (≥ 30 or ≥ 50 %).' })
  neededMunicipalities: number;
}

export class RecruitmentThresholdsDto {
  @ApiProperty() institutionMinReports: number;
  @ApiProperty() municipalityMinReports: number;
  @ApiProperty() municipalityMinSubjects: number;
  @ApiProperty() areaMinMunicipalities: number;
  @ApiProperty() areaMinMunicipalityShare: number;
}

export class RecruitmentDto {
  @ApiProperty({ enum: RECRUITMENT_LEVELS }) level: RecruitmentLevel;
  @ApiProperty({
    description: 'Municipality or state rows, by `level`.',
    type: 'array',
    items: {
      oneOf: [{ $ref: getSchemaPath(MunicipalityRecruitmentDto) }, { $ref: getSchemaPath(StateRecruitmentDto) }],
    },
  })
  items: Array<MunicipalityRecruitmentDto | StateRecruitmentDto>;
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty({
    enum: ['metric', 'threshold'],
    description: '`metric` when computed results provided the needed sample.',
  })
  source: 'metric' | 'threshold';
  @ApiProperty({ type: RecruitmentThresholdsDto }) thresholds: RecruitmentThresholdsDto;
  @ApiProperty({ type: RecruitmentCountsDto, description: 'Whole round (or the selected state).' })
  totals: RecruitmentCountsDto;
  @ApiProperty({ type: LocalizedTextDto }) notice: LocalizedTextDto;
}
