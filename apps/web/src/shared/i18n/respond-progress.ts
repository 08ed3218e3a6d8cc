import { dict } from './dict';

/** Issue #16 item 2: partial autosave, page progress, printable copy, previous-round answers. */
export const respondProgressDict = dict(
  {
    'respond.pageOf': 'Página {page} de {total}',
    'respond.pageProgress': 'Avance del cuestionario',
    'respond.notSavedTitle': 'Algunas respuestas no se guardaron todavía',
    'respond.notSavedBody':
      'Las demás respuestas sí se guardaron. El texto de estas se conserva en este dispositivo hasta que lo corrija:',
    'respond.notSavedDetail': 'campo {name}',
    'respond.savedWithIssues': 'Guardado {time}, salvo {count} respuesta(s) por corregir',
    'respond.urlCompleted': 'Se completó la dirección: {url}',
    'respond.folio': 'Folio',
    'respond.printCopy': 'Ver copia imprimible',
    'respond.receiptMailed': 'Enviamos una confirmación con este folio al correo de la institución.',
    'respond.previousTitle': 'Respuestas de la ronda anterior',
    'respond.previousBody':
      'Su institución respondió «{round}» ({date}). Puede usar esas respuestas como punto de partida: se copian al borrador, puede revisarlas y cambiarlas, y nada se envía hasta que usted pulse «Enviar respuestas».',
    'respond.previousUse': 'Usar respuestas de la ronda anterior',
    'respond.previousConfirm':
      'Las respuestas de la ronda anterior reemplazarán las que ya escribió en las mismas preguntas. ¿Continuar?',
    'respond.previousApplied':
      'Se copiaron {count} respuesta(s) de la ronda anterior al borrador. Revíselas antes de enviar.',
    'respond.previousDismiss': 'No usar',
    'copy.title': 'Copia de las respuestas enviadas',
    'copy.loading': 'Cargando la copia…',
    'copy.meta': 'Versión {version}, enviada el {date}',
    'copy.print': 'Imprimir o guardar como PDF',
    'copy.back': 'Volver al cuestionario',
    'copy.noAnswer': 'Sin respuesta',
    'copy.evidence': 'Archivos de evidencia',
    'copy.noEvidence': 'No se adjuntaron archivos.',
    'copy.checksum': 'SHA-256',
    'copy.notFound': 'Su institución todavía no ha enviado respuestas con este enlace.',
  },
  {
    'respond.pageOf': 'Page {page} of {total}',
    'respond.pageProgress': 'Questionnaire progress',
    'respond.notSavedTitle': 'Some answers are not saved yet',
    'respond.notSavedBody':
      'All other answers were saved. The text of these is kept on this device until you correct it:',
    'respond.notSavedDetail': 'field {name}',
    'respond.savedWithIssues': 'Saved {time}, except {count} answer(s) to correct',
    'respond.urlCompleted': 'The address was completed: {url}',
    'respond.folio': 'Folio',
    'respond.printCopy': 'View printable copy',
    'respond.receiptMailed': 'A confirmation with this folio was sent to the institution’s e-mail.',
    'respond.previousTitle': 'Answers from the previous round',
    'respond.previousBody':
      'Your institution answered “{round}” ({date}). You can use those answers as a starting point: they are copied into the draft, you can review and change them, and nothing is submitted until you press “Submit answers”.',
    'respond.previousUse': 'Use answers from the previous round',
    'respond.previousConfirm':
      'The previous round’s answers will replace what you already wrote in the same questions. Continue?',
    'respond.previousApplied':
      '{count} answer(s) from the previous round were copied into the draft. Review them before submitting.',
    'respond.previousDismiss': 'Do not use',
    'copy.title': 'Copy of the submitted answers',
    'copy.loading': 'Loading the copy…',
    'copy.meta': 'Version {version}, submitted on {date}',
    'copy.print': 'Print or save as PDF',
    'copy.back': 'Back to the questionnaire',
    'copy.noAnswer': 'No answer',
    'copy.evidence': 'Evidence files',
    'copy.noEvidence': 'No files were attached.',
    'copy.checksum': 'SHA-256',
    'copy.notFound': 'Your institution has not submitted answers with this link yet.',
  },
);
