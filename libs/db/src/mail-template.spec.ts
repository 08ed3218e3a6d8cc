import {
  checkMailTemplate,
  DEFAULT_MAIL_TEMPLATES,
  MAIL_TEMPLATE_KINDS,
  MAIL_TEMPLATE_LOCALES,
  renderMailTemplate,
} from './mail-template';

const values = {
  institution: 'Ayuntamiento <b>Uno</b> & "Co"',
  round: 'Ronda 2026',
  guarantor: 'Infoem',
  link: 'https://apertura.example/responder/abc?x=1&y=2',
  opensAt: new Date('2026-03-01T15:00:00Z'),
  closesAt: new Date('2026-04-30T23:59:00Z'),
};

describe('checkMailTemplate', () => {
  it('accepts every built-in template', () => {
    for (const kind of MAIL_TEMPLATE_KINDS)
      for (const locale of MAIL_TEMPLATE_LOCALES)
        expect(checkMailTemplate(DEFAULT_MAIL_TEMPLATES[kind][locale])).toBeNull();
  });

  it('names the first problem', () => {
    const ok = { subject: 'Hola {{ round }}', body: 'x {{link}}' };
    expect(checkMailTemplate(ok)).toBeNull();
    expect(checkMailTemplate({ ...ok, body: '{{constructor}} {{link}}' })).toEqual({
      code: 'TEMPLATE_UNKNOWN_VARIABLE',
      field: 'body',
      variable: 'constructor',
    });
    expect(checkMailTemplate({ ...ok, body: '<img src=x onerror=alert(1)> {{link}}' })).toMatchObject({
      code: 'TEMPLATE_UNSAFE',
      reason: 'markup',
    });
    expect(checkMailTemplate({ ...ok, body: '<!-- x --> {{link}}' })).toMatchObject({
      code: 'TEMPLATE_UNSAFE',
      reason: 'markup',
    });
    expect(checkMailTemplate({ ...ok, body: 'a \u202e b {{link}}' })).toMatchObject({
      code: 'TEMPLATE_UNSAFE',
      reason: 'control',
    });
    expect(checkMailTemplate({ ...ok, subject: 'a\nBcc: x@y' })).toMatchObject({
      code: 'TEMPLATE_UNSAFE',
      field: 'subject',
      reason: 'newline',
    });
    expect(checkMailTemplate({ ...ok, subject: '{{link}}' })).toMatchObject({
      code: 'TEMPLATE_UNSAFE',
      reason: 'link-in-subject',
    });
    expect(checkMailTemplate({ ...ok, body: '{{link}} }}' })).toMatchObject({
      code: 'TEMPLATE_UNSAFE',
      reason: 'braces',
    });
    expect(checkMailTemplate({ ...ok, body: 'sin enlace' })).toEqual({ code: 'TEMPLATE_LINK_REQUIRED', field: 'body' });
    // "a < b" is text, not markup.
    expect(checkMailTemplate({ ...ok, body: '3 < 5 y 5 > 3 {{link}}' })).toBeNull();
  });
});

describe('renderMailTemplate', () => {
  const m = renderMailTemplate('reminder', DEFAULT_MAIL_TEMPLATES.reminder, values);

  it('puts values in as text in the plain part', () => {
    expect(m.subject).toBe('Recordatorio: cuestionario pendiente de Ayuntamiento <b>Uno</b> & "Co" — Ronda 2026');
    expect(m.text).toContain(values.link);
    expect(m.text).toMatch(/del 1 de marzo de 2026.* al 30 de abril de 2026/);
    expect(m.text.indexOf('English:')).toBeGreaterThan(m.text.indexOf('Enlace para responder'));
    expect(m.text).toMatch(/between March 1, 2026/);
  });

  it('escapes every value in the HTML part and makes only the link a link', () => {
    expect(m.html).not.toContain('<b>Uno</b>');
    expect(m.html).toContain('Ayuntamiento &lt;b&gt;Uno&lt;/b&gt; &amp; &quot;Co&quot;');
    expect(m.html).toContain('href="https://apertura.example/responder/abc?x=1&amp;y=2"');
    expect(m.html).toContain('Continuar el cuestionario');
    expect(m.html).toContain('lang="en"');
    expect(m.html.match(/<a /g)).toHaveLength(4); // button + fallback, in Spanish and in English
  });

  it('renders an inline link as an anchor and line breaks as <br>', () => {
    const pair = { ...DEFAULT_MAIL_TEMPLATES.invitation, es: { subject: 's', body: 'Uno\ndos: {{link}}' } };
    const html = renderMailTemplate('invitation', pair, values).html;
    expect(html).toContain(
      '<p>Uno<br>\ndos: <a href="https://apertura.example/responder/abc?x=1&amp;y=2">https://apertura.example/responder/abc?x=1&amp;y=2</a></p>',
    );
  });
});
