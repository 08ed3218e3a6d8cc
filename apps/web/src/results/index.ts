import './results.css';

export { ResultsHomePage } from './ResultsHomePage';
export { RoundOverviewPage } from './RoundOverviewPage';
export { InstitutionRankingPage, MunicipalityRankingPage } from './RankingPages';
export { StatePage } from './StatePage';
export { InstitutionResultPage } from './InstitutionResultPage';
export { ComparePage } from './ComparePage';
export { TrendPage } from './TrendPage';
export { ReportCardPage } from './ReportCardPage';
