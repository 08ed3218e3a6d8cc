import { cosignInviteMail } from './templates';

describe('cosignInviteMail (issue #18)', () => {
  const base = {
    operatorName: 'Contraloría del Estado',
    operatorKind: 'comptroller',
    roundName: 'Diagnóstico 2026',
    organisationName: 'Colectivo <Datos> & Co',
    link: 'https://apertura.example/activar/abc',
  };

  it('names the operator by its kind and escapes names in HTML', () => {
    const m = cosignInviteMail({ ...base, expiresAt: new Date('2026-12-13T12:00:00Z') });
    expect(m.subject).toBe('Invitación a co-firmar «Diagnóstico 2026» — Apertura');
    expect(m.text).toContain('Contraloría del Estado (contraloría) invita a Colectivo <Datos> & Co');
    expect(m.text).toContain("(comptroller's office)");
    expect(m.html).toContain('Colectivo &lt;Datos&gt; &amp; Co');
    expect(m.html).not.toContain('<Datos>');
    expect(m.text).toContain('https://apertura.example/activar/abc');
    expect(m.text).toMatch(/vence el 13 de diciembre de 2026/);
  });

  it('an existing account is sent to sign in (no expiring link)', () => {
    const m = cosignInviteMail({ ...base, link: 'https://apertura.example/ingresar', expiresAt: null });
    expect(m.text).toContain('Ingrese con su cuenta');
    expect(m.text).not.toMatch(/vence/);
  });
});
