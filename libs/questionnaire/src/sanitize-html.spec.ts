import fc from 'fast-check';
import { Parser } from 'htmlparser2';
import { sanitizeDefinitionHtml, sanitizeHtml } from './sanitize-html';

const SAFE_TAGS =
  /^(p|br|hr|div|span|strong|b|em|i|u|s|small|sub|sup|mark|h[1-6]|blockquote|code|pre|abbr|ul|ol|li|dl|dt|dd|table|caption|thead|tbody|tfoot|tr|th|td|a)$/;

/** What a browser would see in the output: every element and attribute, as an HTML parser reads it. */
function unsafeParts(html: string): string[] {
  const bad: string[] = [];
  const parser = new Parser({
    onopentag(name, attributes) {
      if (!SAFE_TAGS.test(name)) bad.push(`<${name}>`);
      for (const [key, value] of Object.entries(attributes)) {
        if (/^on/i.test(key) || key === 'style' || key === 'src' || key === 'http-equiv') bad.push(`${name}@${key}`);
        if (key === 'href' && !/^(https?:\/\/|mailto:|#)/i.test(value)) bad.push(`href=${value}`);
      }
    },
    oncomment: () => bad.push('comment'),
    onprocessinginstruction: (name) => bad.push(`pi:${name}`),
  });
  parser.write(html);
  parser.end();
  return bad;
}

describe('sanitizeHtml', () => {
  it.each([
    ['<meta http-equiv="refresh" content="0;url=https://evil.example">Hola', 'Hola'],
    ['<p>Hola<script>location="https://evil.example"</script></p>', '<p>Hola</p>'],
    ['<iframe src="https://evil.example"></iframe>texto', 'texto'],
    ['<p onclick="alert(1)" style="position:fixed">x</p>', '<p>x</p>'],
    ['<a href="javascript:alert(1)">x</a>', '<a>x</a>'],
    ['<a href="java\tscript:alert(1)">x</a>', '<a>x</a>'],
    ['<a href=" JAVASCRIPT:alert(1)">x</a>', '<a>x</a>'],
    ['<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>', '<a>x</a>'],
    ['<img src=x onerror=alert(1)>', ''],
    ['<svg><script>alert(1)</script><text>t</text></svg>ok', 'ok'],
    ['<base href="https://evil.example/"><form action="https://evil.example"><input name=p>pw</form>', 'pw'],
    ['<style>body{display:none}</style>visible', 'visible'],
    ['&lt;script&gt;alert(1)&lt;/script&gt;', '&lt;script&gt;alert(1)&lt;/script&gt;'],
  ])('neutralises %s', (input, expected) => {
    expect(sanitizeHtml(input)).toBe(expected);
    expect(unsafeParts(input).length).toBeGreaterThanOrEqual(input.startsWith('&lt;') ? 0 : 1);
  });

  it('keeps the formatting questionnaires use', () => {
    const html =
      '<h3>Instrucciones</h3><p>Lea <strong>todo</strong> y <em>responda</em>.</p><ul><li>Uno</li><li>Dos</li></ul><a href="https://inai.org.mx" title="INAI">INAI</a><br>';
    expect(sanitizeHtml(html)).toBe(
      '<h3>Instrucciones</h3><p>Lea <strong>todo</strong> y <em>responda</em>.</p><ul><li>Uno</li><li>Dos</li></ul><a href="https://inai.org.mx" title="INAI" rel="noopener noreferrer nofollow">INAI</a><br>',
    );
  });

  it('always closes what it opens', () => {
    expect(sanitizeHtml('<p><strong>abierto')).toBe('<p><strong>abierto</strong></p>');
    expect(sanitizeHtml('texto</div>')).toBe('texto');
  });

  it('never outputs anything dangerous, and is idempotent (property)', () => {
    const pieces = fc.constantFrom(
      '<script>',
      '</script>',
      '<p',
      ' onclick="x"',
      ' href="javascript:x"',
      ' href="https://a.example"',
      '>',
      '<a',
      '<meta http-equiv=refresh>',
      '<iframe>',
      '</a>',
      '<img src=x onerror=y>',
      '"',
      "'",
      '<',
      '&lt;',
      'texto',
      '<!--',
      '-->',
      '<svg>',
      '</svg>',
      '<![CDATA[',
      ']]>',
      '<style>',
      ' ',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string({ maxLength: 4 })), { maxLength: 30 }), (parts) => {
        const once = sanitizeHtml(parts.join(''));
        return unsafeParts(once).length === 0 && sanitizeHtml(once) === once;
      }),
      { numRuns: 500 },
    );
  });
});

describe('sanitizeDefinitionHtml', () => {
  it('sanitises html elements at any depth, localised texts and …Html properties, leaving the rest alone', () => {
    const definition = {
      completedHtml: {
        default: '<meta http-equiv="refresh" content="0;url=https://evil.example">Gracias',
        en: '<b>Thanks</b>',
      },
      pages: [
        {
          name: 'p1',
          elements: [
            { type: 'html', name: 'intro', html: '<p onmouseover="x()">Hola</p><script>x()</script>' },
            {
              type: 'panel',
              name: 'panel',
              elements: [{ type: 'html', name: 'deep', html: { default: '<iframe src=//evil.example></iframe>ok' } }],
            },
            { type: 'text', name: 'q', title: '<b>no es html</b>' },
          ],
        },
      ],
    };
    const clean = sanitizeDefinitionHtml(definition);
    expect(clean.completedHtml).toEqual({ default: 'Gracias', en: '<b>Thanks</b>' });
    expect(clean.pages[0].elements[0]).toEqual({ type: 'html', name: 'intro', html: '<p>Hola</p>' });
    expect((clean.pages[0].elements[1] as { elements: Array<{ html: unknown }> }).elements[0].html).toEqual({
      default: 'ok',
    });
    expect(clean.pages[0].elements[2]).toEqual({ type: 'text', name: 'q', title: '<b>no es html</b>' });
    // The input is not modified.
    expect(definition.pages[0].elements[0].html).toContain('<script>');
  });
});
