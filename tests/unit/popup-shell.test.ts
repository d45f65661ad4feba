import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildShell, parseShell, type ShellNode } from '../../components/app/shell';
import './fast-check-seed';

// The popup's kept first screen (components/app/shell.ts) is read back from localStorage, which
// anything running in the extension's origin could have written: only a tree of the page's own
// kinds of elements and attributes is drawn, and text is only ever text.

const moods: ShellNode = {
  t: 'main',
  a: { class: 'popup' },
  c: [
    { t: 'div', a: { class: 'popup-head' }, c: [{ t: 'button', a: { type: 'button', class: 'crisis-button' }, c: ['Crisis sheet'] }] },
    {
      t: 'section',
      a: { class: 'checkin', 'aria-labelledby': 'checkin-heading' },
      c: [
        { t: 'h2', a: { id: 'checkin-heading' }, c: ['How are you right now?'] },
        { t: 'div', a: { class: 'mood-picker', role: 'group', 'aria-label': 'Mood' }, c: [{ t: 'button', a: { class: 'mood mood-1', 'aria-keyshortcuts': '1' }, c: ['1 Very low'] }] },
      ],
    },
  ],
};
const kept = (tree: unknown, more: object = {}) => JSON.stringify({ v: 1, lang: 'en', tree, ...more });

/** A document that records what is made, enough for buildShell. */
function recordingDocument() {
  interface Made {
    tag?: string;
    text?: string;
    attributes: Record<string, string>;
    children: Made[];
  }
  const doc = {
    createElement: (tag: string): Made & { setAttribute(k: string, v: string): void; append(c: Made): void } => {
      const el: Made = { tag, attributes: {}, children: [] };
      return Object.assign(el, { setAttribute: (k: string, v: string) => void (el.attributes[k] = v), append: (c: Made) => void el.children.push(c) });
    },
    createTextNode: (text: string): Made => ({ text, attributes: {}, children: [] }),
  };
  return doc as unknown as Document;
}

describe('the popup’s kept first screen', () => {
  it('reads back what the page kept', () => {
    expect(parseShell(kept(moods))).toEqual({ v: 1, lang: 'en', tree: moods });
  });

  it.each([
    ['nothing kept yet', null],
    ['not JSON', '{"v":1,'],
    ['another version', kept(moods, { v: 2 })],
    ['a language tag that is not one', kept(moods, { lang: 'en"><script>' })],
    ['a script element', kept({ t: 'main', c: [{ t: 'script', c: ['alert(1)'] }] })],
    ['an image', kept({ t: 'main', c: [{ t: 'img', a: { src: 'x' } }] })],
    ['an event handler attribute', kept({ t: 'main', c: [{ t: 'button', a: { onclick: 'alert(1)' }, c: ['1'] }] })],
    ['a style attribute', kept({ t: 'main', a: { style: 'display:none' } })],
    ['a link target', kept({ t: 'main', a: { href: 'https://example.org' } })],
    ['a tree not rooted in main', kept({ t: 'div' })],
    ['an attribute that is not text', kept({ t: 'main', a: { class: 1 } })],
    ['children that are not a list', kept({ t: 'main', c: 'text' })],
    ['too deep', kept(Array.from({ length: 20 }).reduce<ShellNode>((inner) => ({ t: 'div', c: [inner] }), 'x')).replace('"t":"div"', '"t":"main"')],
    ['too many elements', kept({ t: 'main', c: Array.from({ length: 500 }, () => ({ t: 'span' })) })],
    ['a text too long', kept({ t: 'main', c: ['x'.repeat(1000)] })],
  ])('draws nothing from %s', (_, raw) => {
    expect(parseShell(raw)).toBeNull();
  });

  it('never throws, and whatever it accepts holds only the page’s kinds of elements and attributes', () => {
    const node: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.string(),
        fc.record({
          t: fc.constantFrom('main', 'div', 'button', 'span', 'script', 'img', 'a', 'iframe'),
          a: fc.dictionary(fc.constantFrom('class', 'id', 'role', 'onclick', 'style', 'href', 'aria-label', 'src'), fc.string()),
          c: fc.array(tie('node'), { maxLength: 4 }),
        }),
      ),
    })).node;
    fc.assert(
      fc.property(node, fc.constantFrom('en', 'es', 'x-y-z', ''), (tree, lang) => {
        const shell = parseShell(kept(tree, { lang }));
        if (!shell) return;
        const walk = (n: ShellNode): void => {
          if (typeof n === 'string') return;
          expect(['main', 'div', 'section', 'h1', 'h2', 'p', 'button', 'span']).toContain(n.t);
          for (const k of Object.keys(n.a ?? {})) expect(k).toMatch(/^(class|type|id|role|aria-[a-z]+)$/);
          for (const c of n.c ?? []) walk(c);
        };
        walk(shell.tree);
      }),
    );
  });

  it('makes text as text nodes, markup and all', () => {
    const tree: ShellNode = { t: 'main', c: [{ t: 'button', a: { class: 'mood' }, c: ['<img src=x onerror=alert(1)>'] }] };
    const built = buildShell(recordingDocument(), tree) as unknown as { tag: string; children: { tag: string; attributes: object; children: { text: string }[] }[] };
    expect(built.tag).toBe('main');
    expect(built.children[0]!.tag).toBe('button');
    expect(built.children[0]!.attributes).toEqual({ class: 'mood' });
    expect(built.children[0]!.children).toEqual([{ text: '<img src=x onerror=alert(1)>', attributes: {}, children: [] }]);
  });
});
