// Scaffolding until the Spanish text is written: the English section, unchanged.
export { settings } from '../en/settings';
