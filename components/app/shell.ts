// The popup's first screen at the speed of a blank page (issue 13): its header and mood buttons
// as they were last drawn are kept in this page's localStorage, and a small classic script
// (entrypoints/popup-shell.ts) draws them from there while the page's modules still load. The
// app's first render then takes over the same elements (Preact reuses the DOM it finds), and a
// mood clicked or a digit pressed on the shell meanwhile is given to it (components/app/start.tsx).
// Only the page's own words are kept, never anything the person wrote: what is drawn is built
// element by element from a checked tree, never parsed as HTML.

import { isMoodKey } from '../../lib/moodKey';

export const SHELL_KEY = 'tandem-popup-shell';
const SHELL_VERSION = 1;

/** An element (tag, attributes, children) or a text. */
export type ShellNode = string | { t: string; a?: Record<string, string>; c?: ShellNode[] };

export interface Shell {
  v: typeof SHELL_VERSION;
  /** The page's language tag (the html element's lang). */
  lang: string;
  tree: ShellNode;
}

/** What is kept; anything else (a form, an input, a live status) comes with the app. */
const TAGS = new Set(['main', 'div', 'section', 'h1', 'h2', 'p', 'button', 'span']);
const ATTRIBUTE = /^(class|type|id|role|aria-(label|labelledby|keyshortcuts|pressed))$/;
const MAX_NODES = 200;
const MAX_TEXT = 200;

/** The parts of the first screen kept: the header and the check-in's question and moods. */
const KEPT = ['.popup-head', 'section.checkin'];

function snapshotNode(node: Node, budget: { left: number }): ShellNode | null {
  if (budget.left-- <= 0) return null;
  if (node.nodeType === 3) return (node.textContent ?? '').slice(0, MAX_TEXT);
  if (node.nodeType !== 1) return null;
  const el = node as Element;
  const tag = el.localName;
  if (!TAGS.has(tag) || el.hasAttribute('data-user-text') || el.classList.contains('user-text')) return null;
  // Statuses and alerts say what just happened: never shown again at the next open.
  const role = el.getAttribute('role');
  if (role === 'status' || role === 'alert') return null;
  const a: Record<string, string> = {};
  for (const { name, value } of Array.from(el.attributes)) if (ATTRIBUTE.test(name)) a[name] = value;
  const c = Array.from(el.childNodes).flatMap((child) => {
    const kept = snapshotNode(child, budget);
    return kept === null ? [] : [kept];
  });
  return { t: tag, a, c };
}

/** The shell of a page's first screen as drawn in `root`, or null when it has not those parts. */
export function snapshotShell(root: Element, lang: string): Shell | null {
  const main = root.firstElementChild;
  if (!main || main.localName !== 'main') return null;
  const budget = { left: MAX_NODES };
  const parts = KEPT.map((selector) => main.querySelector(selector)).map((el) => el && snapshotNode(el, budget));
  if (parts.some((p) => p === null) || budget.left < 0) return null;
  return { v: SHELL_VERSION, lang, tree: { t: 'main', a: { class: main.getAttribute('class') ?? '' }, c: parts as ShellNode[] } };
}

function isNode(value: unknown, budget: { left: number }, depth: number): value is ShellNode {
  if (budget.left-- <= 0 || depth > 12) return false;
  if (typeof value === 'string') return value.length <= MAX_TEXT;
  if (typeof value !== 'object' || value === null) return false;
  const { t, a = {}, c = [] } = value as { t?: unknown; a?: unknown; c?: unknown };
  if (typeof t !== 'string' || !TAGS.has(t)) return false;
  if (typeof a !== 'object' || a === null || Array.isArray(a)) return false;
  if (!Object.entries(a).every(([k, v]) => ATTRIBUTE.test(k) && typeof v === 'string' && v.length <= MAX_TEXT)) return false;
  return Array.isArray(c) && c.every((child) => isNode(child, budget, depth + 1));
}

/** A kept shell read back; null for anything else (none yet, another version's, a damaged one). */
export function parseShell(raw: string | null): Shell | null {
  if (raw === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { v, lang, tree } = value as Partial<Shell>;
  if (v !== SHELL_VERSION || typeof lang !== 'string' || !/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(lang)) return null;
  if (!isNode(tree, { left: MAX_NODES }, 0) || typeof tree === 'string' || tree.t !== 'main') return null;
  return { v, lang, tree };
}

/** The elements of a shell, made one by one (text as text). */
export function buildShell(doc: Document, node: ShellNode): Node {
  if (typeof node === 'string') return doc.createTextNode(node);
  const el = doc.createElement(node.t);
  for (const [k, v] of Object.entries(node.a ?? {})) el.setAttribute(k, v);
  for (const child of node.c ?? []) el.append(buildShell(doc, child));
  return el;
}

/** What was done on the shell before the app was there, to give to it in the same order. */
export type ShellAction = { kind: 'key'; key: string } | { kind: 'click'; index: number; text: string };

interface ShellHandle {
  actions: ShellAction[];
  /** The page's own key holding has begun (components/app/start.tsx): keys are its from now on. */
  keysTaken: boolean;
  stop(): void;
}

declare global {
  interface Window {
    __tandemShell?: ShellHandle;
  }
}

/**
 * Draws the kept shell into the page's #app, if there is one and the app has not drawn yet, and
 * keeps what is clicked or typed on it. Run by entrypoints/popup-shell.ts before the modules.
 */
export function drawShell(win: Window): void {
  const doc = win.document;
  const root = doc.getElementById('app');
  let shell: Shell | null = null;
  try {
    shell = parseShell(win.localStorage.getItem(SHELL_KEY));
  } catch {
    return; // no storage here: the app draws as usual
  }
  // The popup's own first screen only (not its urge window, #urge).
  if (!root || !shell || root.firstChild || win.location.hash) return;
  doc.documentElement.lang = shell.lang;
  root.append(buildShell(doc, shell.tree));
  const actions: ShellAction[] = [];
  const onClick = (e: MouseEvent) => {
    const button = (e.target as Element | null)?.closest?.('button');
    if (!button || !root.contains(button)) return;
    actions.push({ kind: 'click', index: Array.from(root.querySelectorAll('button')).indexOf(button), text: button.textContent ?? '' });
  };
  const onKey = (e: KeyboardEvent) => {
    if (handle.keysTaken) return;
    if (isMoodKey(e)) actions.push({ kind: 'key', key: e.key });
  };
  doc.addEventListener('click', onClick, true);
  doc.addEventListener('keydown', onKey, true);
  const handle: ShellHandle = {
    actions,
    keysTaken: false,
    stop: () => {
      doc.removeEventListener('click', onClick, true);
      doc.removeEventListener('keydown', onKey, true);
    },
  };
  win.__tandemShell = handle;
}

/** From now on the page holds the keys pressed before its first render itself. */
export function takeShellKeys(win: Window): void {
  if (win.__tandemShell) win.__tandemShell.keysTaken = true;
}

/** Stops the shell's listening and hands over what was done on it (none without a shell). */
export function takeShellActions(win: Window): ShellAction[] {
  const handle = win.__tandemShell;
  if (!handle) return [];
  handle.stop();
  delete win.__tandemShell;
  return handle.actions;
}

/** Gives the app what was done on the shell: keys as key presses, clicks on the same button. */
export function replayShellActions(root: Element, actions: readonly ShellAction[]): void {
  for (const action of actions) {
    if (action.kind === 'key') {
      root.ownerDocument.dispatchEvent(new KeyboardEvent('keydown', { key: action.key, bubbles: true, cancelable: true }));
      continue;
    }
    // The same button of the app's first screen, if it still says the same.
    const button = root.querySelectorAll('button')[action.index];
    if (button && button.textContent === action.text) button.click();
  }
}

/** Keeps the page's first screen as just drawn, for the next open. */
export function saveShell(win: Window, root: Element): void {
  const shell = snapshotShell(root, win.document.documentElement.lang);
  try {
    if (shell) win.localStorage.setItem(SHELL_KEY, JSON.stringify(shell));
    else win.localStorage.removeItem(SHELL_KEY);
  } catch {
    // No storage (or full): the next open draws without a shell, as before.
  }
}

/** What a page's start does with its shell (components/app/start.tsx), given by the popup. */
export const pageShell = { takeKeys: takeShellKeys, take: takeShellActions, save: saveShell, replay: replayShellActions };
export type PageShell = typeof pageShell;
