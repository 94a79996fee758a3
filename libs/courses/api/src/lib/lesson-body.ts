import sanitizeHtml from 'sanitize-html';

/** Only http(s) and mail links: relative ones would point into the app itself. */
const SAFE_HREF = /^(https?:\/\/|mailto:)/i;

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'ul',
    'ol',
    'li',
    'h3',
    'h4',
    'blockquote',
    'a',
  ],
  allowedAttributes: { a: ['href'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: {},
  allowProtocolRelative: false,
  // Unknown tags go but keep their text; script and style go with their content.
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template'],
  transformTags: {
    a: (tagName, { href = '' }): sanitizeHtml.Tag => ({
      tagName,
      attribs: SAFE_HREF.test(href) ? { href } : {},
    }),
  },
};

/**
 * A lesson body as rich text the browser may render as HTML: formatting,
 * lists, headings, quotes and links survive; scripts, styles, event
 * handlers and every other attribute do not.
 */
export function sanitizeLessonBody(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}
