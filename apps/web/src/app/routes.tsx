import { lazy, type ReactNode } from 'react';
import { RequireRole } from '../auth/RequireRole';
import { LoginPage } from '../auth/LoginPage';
import { HomePage } from '../home/HomePage';
import { NotFoundPage } from '../home/NotFoundPage';
import { PrivacyNoticePage } from '../citizen/PrivacyNoticePage';
import { RegisterPage } from '../citizen/RegisterPage';
import { VerifyPage } from '../citizen/VerifyPage';
import { ValidatorHomePage } from '../citizen/ValidatorHomePage';
import { RoundsPage } from '../console/RoundsPage';
import { RoundDetailPage } from '../console/RoundDetailPage';
import { DisputesPage } from '../console/DisputesPage';
import { UniverseImportPage } from '../console/UniverseImportPage';
import { MailPage } from '../console/MailPage';
import { InvitationsPage } from '../console/InvitationsPage';
import { MailTemplatesPage } from '../console/MailTemplatesPage';
import { ResponsesPage } from '../console/ResponsesPage';
import { ResponseDetailPage } from '../console/ResponseDetailPage';
import { matchPath } from '../shared/router';
import {
  ComparePage,
  InstitutionRankingPage,
  InstitutionResultPage,
  MunicipalityRankingPage,
  ReportCardPage,
  ResultsHomePage,
  RoundOverviewPage,
  StatePage,
  TrendPage,
} from '../results';
import { ConfirmResetPage, RequestResetPage } from '../auth/ResetPasswordPages';
import { ActivateAccountPage } from '../auth/ActivateAccountPage';
import { PeoplePage } from '../console/PeoplePage';
import { AuditPage } from '../console/AuditPage';
import { SetupPage } from '../setup/SetupPage';
import { CommitmentsPage } from '../commitments/CommitmentsPage';
import { ConsoleCommitmentsPage, RespondCommitmentsPage } from '../commitments/CommitmentsAdminPages';
import { CosignerHomePage, CosignReviewPage } from '../cosign/CosignerPages';
import { RoundCosignPage } from '../cosign/RoundCosignPage';
import { OperatorPage } from '../cosign/OperatorPage';
import { ReportErrorPage } from '../feedback/ReportErrorPage';
import { ReportStatusPage } from '../feedback/ReportStatusPage';
import { FeedbackQueuePage } from '../feedback/FeedbackQueuePage';

// Pages that render questionnaires carry survey-core (~1 MB): loaded only when visited.
const RespondPage = lazy(() => import('../respond/RespondPage'));
const CopyPage = lazy(() => import('../respond/CopyPage'));
const AssignmentPage = lazy(() => import('../citizen/AssignmentPage'));
// The questionnaire designer lints with libs/questionnaire and previews with survey-react-ui.
const DesignerPage = lazy(() => import('../console/designer/DesignerPage'));
const ValidatorHistoryPage = lazy(() => import('../citizen/HistoryPage'));

type Params = Record<string, string>;

/** `?version=N` of the printable copy (the receipt mail links a given version). */
function versionParam(): number | null {
  const v = Number(new URLSearchParams(window.location.search).get('version'));
  return Number.isInteger(v) && v > 0 ? v : null;
}
interface Route {
  path: string;
  render(params: Params): ReactNode;
}

const staff = ['guarantor_admin', 'analyst'] as const;

const ROUTES: Route[] = [
  { path: '/', render: () => <HomePage /> },
  { path: '/responder/:token', render: (p) => <RespondPage key={p.token} token={p.token} /> },
  {
    path: '/responder/:token/copia',
    render: (p) => <CopyPage key={p.token} token={p.token} version={versionParam()} />,
  },
  { path: '/ingresar', render: () => <LoginPage /> },
  { path: '/configuracion', render: () => <SetupPage /> },
  { path: '/registro', render: () => <RegisterPage /> },
  { path: '/verificar/:token', render: (p) => <VerifyPage key={p.token} token={p.token} /> },
  { path: '/restablecer', render: () => <RequestResetPage /> },
  { path: '/restablecer/:token', render: (p) => <ConfirmResetPage key={p.token} token={p.token} /> },
  { path: '/activar/:token', render: (p) => <ActivateAccountPage key={p.token} token={p.token} /> },
  { path: '/aviso-de-privacidad', render: () => <PrivacyNoticePage /> },
  { path: '/resultados', render: () => <ResultsHomePage /> },
  // Before /resultados/:roundId, which would otherwise take «comparar» for a round id.
  { path: '/resultados/comparar', render: () => <ComparePage /> },
  { path: '/resultados/:roundId', render: (p) => <RoundOverviewPage key={p.roundId} roundId={p.roundId} /> },
  {
    path: '/resultados/:roundId/instituciones',
    render: (p) => <InstitutionRankingPage key={p.roundId} roundId={p.roundId} />,
  },
  {
    path: '/resultados/:roundId/municipios',
    render: (p) => <MunicipalityRankingPage key={p.roundId} roundId={p.roundId} />,
  },
  { path: '/resultados/:roundId/estados', render: (p) => <StatePage key={p.roundId} roundId={p.roundId} /> },
  {
    path: '/resultados/:roundId/estados/:cveEnt',
    render: (p) => <StatePage key={p.roundId} roundId={p.roundId} cveEnt={p.cveEnt} />,
  },
  {
    path: '/resultados/:roundId/instituciones/:institutionId',
    render: (p) => <InstitutionResultPage key={p.institutionId} roundId={p.roundId} institutionId={p.institutionId} />,
  },
  { path: '/resultados/:roundId/tendencia', render: (p) => <TrendPage key={p.roundId} roundId={p.roundId} /> },
  {
    path: '/resultados/:roundId/instituciones/:institutionId/boleta',
    render: (p) => <ReportCardPage key={p.institutionId} roundId={p.roundId} institutionId={p.institutionId} />,
  },
  {
    path: '/validador',
    render: () => (
      <RequireRole roles={['citizen_validator']}>
        <ValidatorHomePage />
      </RequireRole>
    ),
  },
  {
    path: '/validador/historial',
    render: () => (
      <RequireRole roles={['citizen_validator']}>
        <ValidatorHistoryPage />
      </RequireRole>
    ),
  },
  {
    path: '/validador/asignaciones/:id',
    render: (p) => (
      <RequireRole roles={['citizen_validator']}>
        <AssignmentPage key={p.id} id={p.id} />
      </RequireRole>
    ),
  },
  {
    path: '/consola',
    render: () => (
      <RequireRole roles={staff}>
        <RoundsPage />
      </RequireRole>
    ),
  },
  {
    path: '/consola/universo',
    render: () => (
      <RequireRole roles={staff}>
        <UniverseImportPage />
      </RequireRole>
    ),
  },
  {
    path: '/consola/rondas/:id/replica',
    render: (p) => (
      <RequireRole roles={['guarantor_admin']}>
        <DisputesPage key={p.id} roundId={p.id} />
      </RequireRole>
    ),
  },
  {
    path: '/consola/correo/plantillas',
    render: () => (
      <RequireRole roles={staff}>
        <MailTemplatesPage />
      </RequireRole>
    ),
  },
  {
    path: '/consola/rondas/:id/invitaciones',
    render: (p) => (
      <RequireRole roles={staff}>
        <InvitationsPage key={p.id} roundId={p.id} />
      </RequireRole>
    ),
  },
  {
    path: '/consola/rondas/:id/respuestas',
    render: (p) => (
      <RequireRole roles={staff}>
        <ResponsesPage key={p.id} roundId={p.id} />
      </RequireRole>
    ),
  },
  {
    path: '/consola/rondas/:id/respuestas/:institutionId',
    render: (p) => (
      <RequireRole roles={staff}>
        <ResponseDetailPage key={`${p.id}:${p.institutionId}`} roundId={p.id} institutionId={p.institutionId} />
      </RequireRole>
    ),
  },
  {
    path: '/consola/personas',
    render: () => (
      <RequireRole roles={['guarantor_admin']}>
        <PeoplePage />
      </RequireRole>
    ),
  },
  {
    path: '/consola/cuestionarios',
    render: () => (
      <RequireRole roles={['guarantor_admin']}>
        <DesignerPage />
      </RequireRole>
    ),
  },
  {
    path: '/consola/auditoria',
    render: () => (
      <RequireRole roles={['guarantor_admin']}>
        <AuditPage />
      </RequireRole>
    ),
  },
  {
    path: '/consola/correo',
    render: () => (
      <RequireRole roles={staff}>
        <MailPage />
      </RequireRole>
    ),
  },
  // Issue #18: co-signed rounds, the operator profile and public feedback.
  {
    path: '/resultados/:roundId/reportar',
    render: (p) => <ReportErrorPage key={p.roundId} roundId={p.roundId} />,
  },
  { path: '/reportes/:id', render: (p) => <ReportStatusPage key={p.id} id={p.id} /> },
  {
    path: '/cofirma',
    render: () => (
      <RequireRole roles={['cosigner']}>
        <CosignerHomePage />
      </RequireRole>
    ),
  },
  {
    path: '/cofirma/rondas/:id',
    render: (p) => (
      <RequireRole roles={['cosigner']}>
        <CosignReviewPage key={p.id} roundId={p.id} />
      </RequireRole>
    ),
  },
  {
    path: '/consola/rondas/:id/cofirma',
    render: (p) => (
      <RequireRole roles={staff}>
        <RoundCosignPage key={p.id} roundId={p.id} />
      </RequireRole>
    ),
  },
  {
    path: '/consola/reportes',
    render: () => (
      <RequireRole roles={staff}>
        <FeedbackQueuePage />
      </RequireRole>
    ),
  },
  {
    path: '/consola/organismo',
    render: () => (
      <RequireRole roles={['guarantor_admin']}>
        <OperatorPage />
      </RequireRole>
    ),
  },
  {
    path: '/consola/rondas/:id',
    render: (p) => (
      <RequireRole roles={staff}>
        <RoundDetailPage key={p.id} id={p.id} />
      </RequireRole>
    ),
  },
  // Commitments after a published round (issue #18 item 1).
  {
    path: '/resultados/:roundId/compromisos',
    render: (p) => <CommitmentsPage key={p.roundId} roundId={p.roundId} />,
  },
  {
    path: '/consola/rondas/:id/compromisos',
    render: (p) => (
      <RequireRole roles={staff}>
        <ConsoleCommitmentsPage key={p.id} roundId={p.id} />
      </RequireRole>
    ),
  },
  {
    path: '/responder/:token/compromisos',
    render: (p) => <RespondCommitmentsPage key={p.token} token={p.token} />,
  },
];

export function resolveRoute(pathname: string): ReactNode {
  for (const route of ROUTES) {
    const params = matchPath(route.path, pathname);
    if (params) return route.render(params);
  }
  return <NotFoundPage />;
}
