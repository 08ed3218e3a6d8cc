import { dict } from './dict';

/** Validators' work (issue #16, item 3): task kinds, saving all verdicts at once, mail opt-out, history. */
export const validatorWorkDict = dict(
  {
    'vwork.kind.claims': 'Afirmaciones por verificar',
    'vwork.kind.citizen_report_only': 'Solo reporte ciudadano',
    'vwork.reportOnlyIntro':
      'Esta institución no ha enviado su autoevaluación: no hay afirmaciones que verificar. Su tarea es solo el reporte ciudadano.',
    'vwork.reportOnlyProgress': 'Reporte ciudadano: {report}',
    'vwork.saveAll': 'Guardar todo',
    'vwork.unsaved': '{count} dictamen(es) con cambios sin guardar',
    'vwork.unsavedClaim': 'Cambios sin guardar',
    'vwork.allSaved': 'Todo guardado',
    'vwork.savedAll': 'Se guardaron {count} dictamen(es).',
    'vwork.nothingToSave': 'No hay cambios por guardar.',
    'vwork.draftRestored': 'Recuperamos los cambios que no había guardado en este dispositivo.',
    'vwork.discardDraft': 'Descartar cambios',
    'vwork.fixErrors': 'Corrija los dictámenes marcados; no se guardó ninguno.',
    'vwork.mailTitle': 'Avisos por correo',
    'vwork.mailOptIn':
      'Recibir avisos por correo de nuevas asignaciones, asignaciones por vencer y cambios en los resultados que validé',
    'vwork.mailSaved': 'Preferencia de correo guardada.',
    'vwork.historyLink': 'Mi historial',
    'vwork.historyTitle': 'Mi historial de validación',
    'vwork.historyIntro':
      'Todas sus asignaciones, por ronda, con sus dictámenes, su reporte y, cuando la ronda ya publicó resultados, cómo cambió el resultado de la institución desde que usted la validó.',
    'vwork.historyEmpty': 'Todavía no tiene asignaciones.',
    'vwork.verdictCounts':
      'Dictámenes: {confirmed} confirmadas, {refuted} refutadas, {unverifiable} no verificables (de {claims})',
    'vwork.reportAt': 'Reporte guardado el {date}',
    'vwork.noReport': 'Sin reporte ciudadano',
    'vwork.resultChange': 'Resultado: {before} → {after}',
    'vwork.resultPending': 'Resultados aún no publicados.',
    'vwork.resultNone': 'sin resultado',
    'vwork.assignedAt': 'Asignada el {date}',
    'mail.kind.validator-assignments': 'Nuevas asignaciones (validador)',
    'mail.kind.assignment-expiry': 'Asignación por vencer (validador)',
    'mail.kind.validator-digest': 'Resumen de resultados (validador)',
  },
  {
    'vwork.kind.claims': 'Claims to verify',
    'vwork.kind.citizen_report_only': 'Citizen report only',
    'vwork.reportOnlyIntro':
      'This institution has not submitted its self-assessment: there are no claims to verify. Your task is the citizen report only.',
    'vwork.reportOnlyProgress': 'Citizen report: {report}',
    'vwork.saveAll': 'Save all',
    'vwork.unsaved': '{count} verdict(s) with unsaved changes',
    'vwork.unsavedClaim': 'Unsaved changes',
    'vwork.allSaved': 'Everything saved',
    'vwork.savedAll': '{count} verdict(s) saved.',
    'vwork.nothingToSave': 'Nothing to save.',
    'vwork.draftRestored': 'We restored the changes you had not saved on this device.',
    'vwork.discardDraft': 'Discard changes',
    'vwork.fixErrors': 'Fix the marked verdicts; none was saved.',
    'vwork.mailTitle': 'E-mail notices',
    'vwork.mailOptIn':
      'Receive e-mail notices of new assignments, assignments about to expire and changes in the results I validated',
    'vwork.mailSaved': 'E-mail preference saved.',
    'vwork.historyLink': 'My history',
    'vwork.historyTitle': 'My validation history',
    'vwork.historyIntro':
      'All your assignments, by round, with your verdicts, your report and, once the round has published results, how the institution’s result changed since you validated it.',
    'vwork.historyEmpty': 'You have no assignments yet.',
    'vwork.verdictCounts':
      'Verdicts: {confirmed} confirmed, {refuted} refuted, {unverifiable} unverifiable (of {claims})',
    'vwork.reportAt': 'Report saved on {date}',
    'vwork.noReport': 'No citizen report',
    'vwork.resultChange': 'Result: {before} → {after}',
    'vwork.resultPending': 'Results not published yet.',
    'vwork.resultNone': 'no result',
    'vwork.assignedAt': 'Assigned on {date}',
    'mail.kind.validator-assignments': 'New assignments (validator)',
    'mail.kind.assignment-expiry': 'Assignment expiring (validator)',
    'mail.kind.validator-digest': 'Results digest (validator)',
  },
);
