import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import { RequireRole } from '../auth/RequireRole';
import { HomePage } from '../home/HomePage';
import { NotFoundPage } from '../home/NotFoundPage';
import { matchPath } from '../shared/router';
// Its section is part of the institution's results page.
import { CommitmentsPage } from '../commitments/CommitmentsPage';
// The results pages are the public's way in: part of the first chunk, so their requests start as soon
// as it runs, not after a second download.
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

/**
 * Every other page is its own chunk, loaded when its route is visited: a cold load of a results page
 * parses the results code and the shell, not the console's, the citizen pages' and the questionnaire
 * designer's (issue #17: dashboards within 800 ms at national size).
 */
function page<P extends object>(load: () => Promise<ComponentType<P>>): LazyExoticComponent<ComponentType<P>> {
  return lazy(async () => ({ default: await load() }));
}

const LoginPage = page(() => import('../auth/LoginPage').then((m) => m.LoginPage));
const PrivacyNoticePage = page(() => import('../citizen/PrivacyNoticePage').then((m) => m.PrivacyNoticePage));
const RegisterPage = page(() => import('../citizen/RegisterPage').then((m) => m.RegisterPage));
const VerifyPage = page(() => import('../citizen/VerifyPage').then((m) => m.VerifyPage));
const ValidatorHomePage = page(() => import('../citizen/ValidatorHomePage').then((m) => m.ValidatorHomePage));
const RoundsPage = page(() => import('../console/RoundsPage').then((m) => m.RoundsPage));
const RoundDetailPage = page(() => import('../console/RoundDetailPage').then((m) => m.RoundDetailPage));
const DisputesPage = page(() => import('../console/DisputesPage').then((m) => m.DisputesPage));
const UniverseImportPage = page(() => import('../console/UniverseImportPage').then((m) => m.UniverseImportPage));
const MailPage = page(() => import('../console/MailPage').then((m) => m.MailPage));
const InvitationsPage = page(() => import('../console/InvitationsPage').then((m) => m.InvitationsPage));
const MailTemplatesPage = page(() => import('../console/MailTemplatesPage').then((m) => m.MailTemplatesPage));
const ResponsesPage = page(() => import('../console/ResponsesPage').then((m) => m.ResponsesPage));
const ResponseDetailPage = page(() => import('../console/ResponseDetailPage').then((m) => m.ResponseDetailPage));
const ConfirmResetPage = page(() => import('../auth/ResetPasswordPages').then((m) => m.ConfirmResetPage));
const RequestResetPage = page(() => import('../auth/ResetPasswordPages').then((m) => m.RequestResetPage));
const ActivateAccountPage = page(() => import('../auth/ActivateAccountPage').then((m) => m.ActivateAccountPage));
const PeoplePage = page(() => import('../console/PeoplePage').then((m) => m.PeoplePage));
const AuditPage = page(() => import('../console/AuditPage').then((m) => m.AuditPage));
const SetupPage = page(() => import('../setup/SetupPage').then((m) => m.SetupPage));
const ConsoleCommitmentsPage = page(() =>
  import('../commitments/CommitmentsAdminPages').then((m) => m.ConsoleCommitmentsPage),
);
const RespondCommitmentsPage = page(() =>
  import('../commitments/CommitmentsAdminPages').then((m) => m.RespondCommitmentsPage),
);
const CosignerHomePage = page(() => import('../cosign/CosignerPages').then((m) => m.CosignerHomePage));
const CosignReviewPage = page(() => import('../cosign/CosignerPages').then((m) => m.CosignReviewPage));
const RoundCosignPage = page(() => import('../cosign/RoundCosignPage').then((m) => m.RoundCosignPage));
const OperatorPage = page(() => import('../cosign/OperatorPage').then((m) => m.OperatorPage));
const ReportErrorPage = page(() => import('../feedback/ReportErrorPage').then((m) => m.ReportErrorPage));
const ReportStatusPage = page(() => import('../feedback/ReportStatusPage').then((m) => m.ReportStatusPage));
const FeedbackQueuePage = page(() => import('../feedback/FeedbackQueuePage').then((m) => m.FeedbackQueuePage));

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
