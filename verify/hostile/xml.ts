// Whether a text is well-formed XML: one root element, balanced tags, quoted attributes without `<`, no bare `&`,
// no character XML 1.0 forbids. Enough to prove that a CI server can read junit.xml, whatever the target sent.

/** The first reason the text is not well-formed XML, or undefined when it is. */
export function xmlProblem(xml: string): string | undefined {
  const forbidden = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u.exec(xml);
  if (forbidden) return `a character XML forbids (U+${forbidden[0].codePointAt(0)!.toString(16).padStart(4, '0')}) at ${forbidden.index}`;
  const bareAmpersand = /&(?!(?:lt|gt|amp|quot|apos|#x[0-9a-fA-F]+|#[0-9]+);)/;
  const stack: string[] = [];
  let roots = 0;
  let at = xml.startsWith('<?xml') ? xml.indexOf('?>') + 2 : 0;
  const token =
    /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<\/([A-Za-z_][\w.:-]*)\s*>|<([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*"[^"<]*")*)\s*(\/?)>|[^<]+/y;
  while (at < xml.length) {
    token.lastIndex = at;
    const m = token.exec(xml);
    if (!m) return `not well-formed at ${at}: ${xml.slice(at, at + 60)}`;
    const [text, closing, opening, attributes, selfClosing] = m;
    if (closing !== undefined) {
      if (stack.pop() !== closing) return `</${closing}> closes nothing open at ${at}`;
    } else if (opening !== undefined) {
      if (stack.length === 0 && ++roots > 1) return 'a second root element';
      const names = [...attributes!.matchAll(/([A-Za-z_][\w.:-]*)\s*=\s*"([^"<]*)"/g)];
      if (new Set(names.map((a) => a[1])).size !== names.length) return `a repeated attribute in <${opening}>`;
      if (names.some((a) => bareAmpersand.test(a[2]!))) return `a bare & in an attribute of <${opening}>`;
      if (selfClosing !== '/') stack.push(opening);
    } else if (!text.startsWith('<')) {
      if (bareAmpersand.test(text)) return `a bare & in text at ${at}`;
      if (stack.length === 0 && text.trim() !== '') return 'text outside the root element';
    }
    at += text.length;
  }
  if (stack.length > 0) return `<${stack.at(-1)}> is not closed`;
  return roots === 1 ? undefined : 'no root element';
}
