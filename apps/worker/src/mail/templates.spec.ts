import { escapeHtml, invitationMail, verificationMail, submissionReceiptMail } from './templates';

const base = {
  institutionName: 'Ayuntamiento de Toluca <Edo. Méx.>',
  roundName: 'Diagnóstico 2026',
  guarantorName: 'Infoem',
  opensAt: new Date('2026-03-01T15:00:00Z'),
  closesAt: new Date('2026-04-30T23:59:00Z'),
  link: 'https://apertura.example/responder/abc_DEF-123',
  reminder: false,
};

describe('invitationMail', () => {
  it('writes a Spanish invitation with the link, institution, round and window', () => {
    const m = invitationMail(base);
    expect(m.subject).toMatch(/^Invitación/);
    expect(m.subject).toContain('Diagnóstico 2026');
    expect(m.text).toContain('https://apertura.example/responder/abc_DEF-123');
    expect(m.text).toContain('Ayuntamiento de Toluca <Edo. Méx.>');
    expect(m.text).toMatch(/del 1 de marzo de 2026 .* al 30 de abril de 2026/);
    expect(m.text).toContain('English:');
    expect(m.text.indexOf('English:')).toBeGreaterThan(m.text.indexOf('Enlace para responder'));
  });

  it('says when it is a reminder', () => {
    const m = invitationMail({ ...base, reminder: true });
    expect(m.subject).toMatch(/^Recordatorio/);
    expect(m.text).toMatch(/aún no ha enviado/);
    expect(m.html).toContain('Continuar el cuestionario');
  });

  it('escapes names in the HTML and marks languages', () => {
    const m = invitationMail(base);
    expect(m.html).toContain('Ayuntamiento de Toluca &lt;Edo. Méx.&gt;');
    expect(m.html).not.toContain('<Edo.');
    expect(m.html).toContain('<html lang="es">');
    expect(m.html).toContain('lang="en"');
    expect(m.html).toContain('href="https://apertura.example/responder/abc_DEF-123"');
  });
});

describe('verificationMail', () => {
  it('contains the link and the expiry', () => {
    const m = verificationMail({
      link: 'https://apertura.example/verificar/tok',
      expiresAt: new Date('2026-03-02T18:00:00Z'),
    });
    expect(m.subject).toMatch(/Confirme su correo/);
    expect(m.text).toContain('https://apertura.example/verificar/tok');
    expect(m.text).toMatch(/2 de marzo de 2026/);
    expect(m.html).toContain('href="https://apertura.example/verificar/tok"');
  });
});

describe('submissionReceiptMail', () => {
  it('states the folio, version and time, links the printable copy and escapes names', () => {
    const m = submissionReceiptMail({
      institutionName: 'Ayuntamiento de <Toluca>',
      roundName: 'Ronda 2025',
      guarantorName: 'INFOEM',
      folio: '0F3A9C2E-v2',
      version: 2,
      submittedAt: new Date('2026-03-01T18:30:00Z'),
      link: 'https://apertura.example/responder/tok/copia?version=2',
    });
    expect(m.subject).toBe('Respuestas recibidas — folio 0F3A9C2E-v2 — Ronda 2025');
    expect(m.text).toContain('Folio: 0F3A9C2E-v2');
    expect(m.text).toContain('(versión 2)');
    expect(m.text).toContain('https://apertura.example/responder/tok/copia?version=2');
    expect(m.html).toContain('Ayuntamiento de &lt;Toluca&gt;');
    expect(m.html).toContain('href="https://apertura.example/responder/tok/copia?version=2"');
    expect(m.html).toContain('lang="en"');
  });
});

describe('escapeHtml', () => {
  it('escapes the five HTML specials', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
