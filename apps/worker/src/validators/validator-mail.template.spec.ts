import { assignmentsMail, digestLine, digestMail, expiryMail } from './validator-mail.template';

describe('validator mails', () => {
  it('labels citizen-report-only tasks in the new-assignments mail', () => {
    const m = assignmentsMail({
      roundName: 'R',
      institutions: [
        { name: 'Ayuntamiento', place: 'Toluca', kind: 'claims' },
        { name: 'DIF', place: 'Metepec', kind: 'citizen_report_only' },
      ],
      expiresAt: new Date('2026-12-20T18:00:00Z'),
      link: 'https://a.example/validador',
    });
    expect(m.subject).toBe('2 nuevas asignaciones — R');
    expect(m.text).toContain('DIF (Metepec) — solo reporte ciudadano');
    expect(m.text).toContain('Ayuntamiento (Toluca) — afirmaciones por verificar');
  });

  it('says what is missing before an assignment expires', () => {
    const m = expiryMail({
      institutionName: 'X',
      roundName: 'R',
      expiresAt: new Date('2026-12-20T18:00:00Z'),
      missingVerdicts: 2,
      reportSubmitted: false,
      link: 'https://a.example/v',
    });
    expect(m.text).toContain('Le falta: 2 dictámenes y el reporte ciudadano.');
    const done = expiryMail({
      institutionName: 'X',
      roundName: 'R',
      expiresAt: new Date('2026-12-20T18:00:00Z'),
      missingVerdicts: 0,
      reportSubmitted: true,
      link: 'https://a.example/v',
    });
    expect(done.text).toContain('Ya guardó todo lo necesario');
  });

  it('describes each change with its before and after, escaped in HTML', () => {
    const item = {
      roundName: 'R',
      institutionName: 'A <b>',
      beforeEstimate: 40,
      afterEstimate: 55.25,
      beforeStatus: 'inconclusive',
      afterStatus: 'conclusive',
    };
    expect(digestLine(item, 'es')).toBe('A <b> («R»): índice 40 → 55.3; pasó de no concluyente a concluyente.');
    expect(digestLine({ ...item, beforeStatus: 'conclusive' }, 'en')).toContain('still conclusive');
    const m = digestMail({ items: [item], historyLink: 'https://a.example/validador/historial' });
    expect(m.html).toContain('A &lt;b&gt;');
    expect(m.html).not.toContain('A <b>');
  });
});
