// Which key press is a check-in: a digit 1–5 without Ctrl, ⌘ or Alt (those chords belong to the
// browser and the system). One rule for the check-in's own keys and for the keys a page holds
// while it loads (components/app/start.tsx, components/app/shell.ts).
export function isMoodKey(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): boolean {
  return !e.ctrlKey && !e.metaKey && !e.altKey && /^[1-5]$/.test(e.key);
}
