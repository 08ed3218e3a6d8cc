/**
 * The recruitment planner's sums: municipalities rolled up into states, states into the round's totals.
 * Pure (the service reads the counts; METHOD.md §6 decides what each municipality needs).
 */
import type { MethodThresholds } from '@apertura/metric';
import { neededMunicipalities } from '../needs';
import type { MunicipalityRecruitmentDto, RecruitmentCountsDto, StateRecruitmentDto } from './dto/guarantor.dto';

/**
 * One row per state with municipalities in the round, in order of first appearance. Validators are
 * counted by declared residence, so a state's figure comes from `validatorsByState`, not from its
 * municipalities' rows (a validator living where the round has no subject still counts for the state).
 */
export function rollUpStates(
  municipalities: readonly MunicipalityRecruitmentDto[],
  validatorsByState: ReadonlyMap<string, number>,
  t: MethodThresholds,
): StateRecruitmentDto[] {
  const states = new Map<string, StateRecruitmentDto>();
  for (const mu of municipalities) {
    const s = states.get(mu.cveEnt) ?? {
      cveEnt: mu.cveEnt,
      name: mu.stateName,
      subjects: 0,
      subjectsWithCitizenData: 0,
      validatorsRegistered: validatorsByState.get(mu.cveEnt) ?? 0,
      activeAssignments: 0,
      reportsReceived: 0,
      needed: 0,
      municipalities: 0,
      municipalitiesWithCitizenData: 0,
      neededMunicipalities: 0,
    };
    s.subjects += mu.subjects;
    s.subjectsWithCitizenData += mu.subjectsWithCitizenData;
    s.activeAssignments += mu.activeAssignments;
    s.reportsReceived += mu.reportsReceived;
    s.needed += mu.needed;
    s.municipalities += 1;
    s.municipalitiesWithCitizenData += mu.subjectsWithCitizenData > 0 ? 1 : 0;
    states.set(mu.cveEnt, s);
  }
  for (const s of states.values())
    s.neededMunicipalities = neededMunicipalities(s.municipalities, s.municipalitiesWithCitizenData, t);
  return [...states.values()];
}

/** The round's totals: the sum of its states' counts. */
export function recruitmentTotals(states: readonly StateRecruitmentDto[]): RecruitmentCountsDto {
  const totals: RecruitmentCountsDto = {
    subjects: 0,
    subjectsWithCitizenData: 0,
    validatorsRegistered: 0,
    activeAssignments: 0,
    reportsReceived: 0,
    needed: 0,
  };
  for (const s of states) {
    totals.subjects += s.subjects;
    totals.subjectsWithCitizenData += s.subjectsWithCitizenData;
    totals.validatorsRegistered += s.validatorsRegistered;
    totals.activeAssignments += s.activeAssignments;
    totals.reportsReceived += s.reportsReceived;
    totals.needed += s.needed;
  }
  return totals;
}
